"""What a static site's source pages carry besides their text: front matter and template tags.

Hugo, Jekyll and their kin keep pages as Markdown or HTML fragments that
open with YAML (``---``) or TOML (``+++``) front matter and hold template
tags (Hugo's ``{{< figure >}}`` and ``{{% note %}}``,
Liquid's ``{% include %}``). Both are markup the published page never shows
as text. Front matter is metadata: its ``lang`` names the edition's language
when the file name does not, its ``title`` opens the text when the body has
no level-one heading of its own (the page shows it as the title), and
``original: true`` marks the edition the others were translated from
(``reconcile check`` takes it as the pivot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block

_FRONT_MATTER = re.compile(r"\A(?:---[ \t]*\n(?P<yaml>.*?)\n---|\+\+\+[ \t]*\n(?P<toml>.*?)\n\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(?P<key>lang|language|title|original)\s*[:=]\s*(?P<value>.+?)\s*$", re.MULTILINE | re.IGNORECASE)
_TAG = re.compile(r"\{\{[<%](?:(?!\}\}).)*?[%>]\}\}|\{%(?:(?!%\}).)*?%\}")  # (a tag never spans another's end)
_TAG_LINE = re.compile(rf"[ \t]*(?:(?:{_TAG.pattern})[ \t]*)+")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    lang: str | None = None
    title: str | None = None
    original: bool = False


def front_matter(text: str) -> tuple[FrontMatter, str, int]:
    """Split off front matter: (its lang and title, the body, lines removed)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(), text, 0
    fields = {m["key"].lower(): m["value"].strip("\"'") for m in _FIELD.finditer(match["yaml"] or match["toml"] or "")}
    lang = (fields.get("lang") or fields.get("language") or "").split("-")[0].split("_")[0].lower() or None
    original = fields.get("original", "").lower() in ("true", "yes", "1")
    return FrontMatter(lang, fields.get("title"), original), text[match.end():], match.group().count("\n")


def without_template_tags(text: str) -> str:
    """The text without template tags; a line that held only tags is left blank (lines keep their numbers).

    >>> without_template_tags("Intro.\\n{{< figure src=\\"a.png\\" >}}\\n{% include note.html %}\\nSee {{< ref x >}}.")
    'Intro.\\n\\n\\nSee .'
    """
    return _TAG.sub("", text) if "{" in text else text


def without_template_lines(text: str) -> tuple[str, list[int]]:
    """Markdown without the lines that hold only template tags, and the line (0-based) each line left was.

    The lines go rather than stay blank: a blank line ends the HTML block around a tag
    (``<div>``, ``{{< donate >}}``, ``</div>``), and what follows would be read as text.

    >>> without_template_lines("<div>\\n  {{< donate >}}\\n</div>")
    ('<div>\\n</div>', [0, 2])
    """
    if "{" not in text:
        return text, list(range(text.count("\n") + 1))
    lines = text.split("\n")
    kept = [k for k, line in enumerate(lines) if not _TAG_LINE.fullmatch(line)]
    return "\n".join(lines[k] for k in kept), kept


def with_title(blocks: list[Block], meta: FrontMatter) -> list[Block]:
    """The blocks, opened by the front matter's title when the body has no title of its own."""
    return [Block(meta.title, 1, "title"), *blocks] if meta.title and not any(b.kind == "title" for b in blocks) \
        else blocks
