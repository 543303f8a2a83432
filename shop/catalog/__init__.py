"""The catalog: certified products, the listing rule, search and public pages."""
