"""Producers' people: officers' producer records, invitations to join a producer, its members,
and the reminders of certificates coming due."""
