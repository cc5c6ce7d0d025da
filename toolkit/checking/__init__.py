"""Checking: result types, the registry of finding codes, heading matching, the checker."""
