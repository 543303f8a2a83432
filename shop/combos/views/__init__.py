"""The combos' pages: public (shoppers), console (outlet staff), office (officers)."""
