"""The event store: its contract, the one rule set, reading, checking and the saved timeline index. No Qt."""
