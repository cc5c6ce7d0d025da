"""Parse a Markdown draft: YAML front matter, then sections under headings.

A draft is Markdown with YAML front matter (``conditions``, ``region``,
``figures`` and optional metadata; see ``schemas/draft.yaml``). Any ATX
(``#``..``######``) or setext heading starts a section; headings inside fenced
code blocks do not, and text inside HTML comments is not the writer's text.
Every heading keeps its line number, and every front-matter value its line.
"""

from __future__ import annotations

from typing import Any

from toolkit.errors import DraftError
from toolkit.read.files import read_text
from toolkit.read.yamldoc import YamlDoc, load_yaml
from toolkit.resources import schema_file

_SCHEMA: dict[str, Any] | None = None


def front_matter_schema() -> dict[str, Any]:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = load_yaml(read_text(schema_file("draft")), str(schema_file("draft"))).data
    return _SCHEMA


_VALIDATOR: Any = None


def _front_matter_validator() -> Any:
    """One validator for every draft: building one checks the schema, which
    costs more than validating a front matter (it matters for batches)."""
    global _VALIDATOR
    if _VALIDATOR is None:
        import cerberus

        from toolkit.read.validation import BoundedValidator

        class FrontMatterValidator(BoundedValidator):
            # an id is text or a whole number such as 2017, never true/false
            types_mapping = {**cerberus.Validator.types_mapping,
                             "id": cerberus.TypeDefinition("id", (str, int), (bool,))}

        _VALIDATOR = FrontMatterValidator(front_matter_schema())
    return _VALIDATOR


def validate_front_matter(meta: Any, doc: YamlDoc, name: str) -> dict[str, Any]:
    """Check the front matter's shape; raise :class:`DraftError` with every problem."""
    if meta is None:
        raise DraftError.of("draft-front-matter-empty", name, doc.first_line)
    if not isinstance(meta, dict):
        raise DraftError.of("draft-front-matter-not-mapping", name, doc.first_line)
    schema = front_matter_schema()
    v = _front_matter_validator()
    if not v.validate(meta, normalize=False):
        from toolkit.read.validation import to_problems

        raise DraftError(to_problems(v._errors, doc, name, schema))
    return meta
