"""The payments' pages, per audience."""
