"""The fairs' pages, one module per audience."""
