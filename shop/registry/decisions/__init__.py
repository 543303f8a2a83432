"""Importing a recognition decision: an annex of products (XLSX or CSV) previewed row by row,
then applied all or nothing through the registry's own certificate path."""
