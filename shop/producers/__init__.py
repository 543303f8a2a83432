"""Producer organisations (chủ thể OCOP)."""
