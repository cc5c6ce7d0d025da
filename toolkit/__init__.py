"""villkor: check, summarise and render the yearly report under a conditions decision."""

from pathlib import Path

__version__ = "0.1.0"

#: The project folder holding ``conditions/`` and ``schemas/`` beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
