"""Pure pieces every feature shares; this package imports no feature and no web machinery."""
