"""Pure domain logic: no Qt, no SQL. Everything here is testable with plain Python values."""
