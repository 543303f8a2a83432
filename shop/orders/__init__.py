"""Orders: numbers, the order state machine and totals (the cart and checkout build on them)."""
