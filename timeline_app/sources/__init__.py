"""What the reader, panes and citations compute from a store's passages and sources. No Qt."""
