"""돌봄이음 dialog and its channels."""
