"""Decisions: the model, finding and reading conditions files, inheritance, loading, diff."""
