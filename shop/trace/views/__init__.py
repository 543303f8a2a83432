"""The trace feature's pages: public.py (resolver, trace page, labels) and portal.py (producers)."""
