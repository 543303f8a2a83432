"""Payments: gateways behind one interface (VietQR, cash; cards later), and reconciliation."""
