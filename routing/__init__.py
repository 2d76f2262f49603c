"""The rules engine and the understanding of parents' words: pure functions over the knowledge."""
