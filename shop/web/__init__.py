"""Request-wide machinery shared by every feature; imports no feature (features register in)."""
