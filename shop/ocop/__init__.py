"""OCOP: product groups, stars, certificates and the officer's registry."""
