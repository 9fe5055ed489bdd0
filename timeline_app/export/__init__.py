"""Formats of a view: data formats here, picture formats registered by the window's code. No Qt."""
