"""The catalog's pages: public.py (shoppers) and portal.py (a producer's listings)."""
