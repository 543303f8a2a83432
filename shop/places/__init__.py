"""Provinces: stored as data, since Vietnam's map changes (63 units became 34 in 2025)."""
