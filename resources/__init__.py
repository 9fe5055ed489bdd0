"""Icons, the desktop entry, metainfo, translations and map data, as package data."""
