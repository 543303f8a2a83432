"""Account pages: public.py (sign-up, sign-in, security) and portal.py (the portal's home)."""
