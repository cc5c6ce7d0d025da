"""Outputs: writing files, templates, reports, summaries, memo, render, scaffold, convert."""
