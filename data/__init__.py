"""The shipped store and the reviews it quotes, as package data (see store/paths.py)."""
