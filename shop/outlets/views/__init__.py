"""The outlets' pages: public (shoppers), console (outlet staff), office (officers, admins)."""
