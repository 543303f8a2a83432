"""Traceability: raw-material zones, production lots, GS1 labels, the resolver and EPCIS."""
