"""Drafts: the model, the Markdown and Word readers, front matter, the reader for any file."""
