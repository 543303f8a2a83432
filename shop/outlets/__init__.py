"""Outlet points: who runs them, where and when they open, how they deliver and are paid, and
their stock per lot (a ledger)."""
