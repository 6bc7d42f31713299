"""Small, fast pickles for the reports that worker processes send back to ``reconcile check``.

With ``--jobs`` > 1 every report crosses a pipe, and the parent unpickles
them one after another: their size and the cost of rebuilding them is time
the whole run waits. The default pickle of a slotted dataclass calls
``dataclasses.fields`` for every object it rebuilds (most of the loading
time); these reductions call the constructor with the field values instead.
A paragraph's comparison form is most often its text, and its sentences are
that form cut at single spaces, so neither is sent twice; an anchor leaves
out the fields it has at their defaults. What is rebuilt is equal, field by
field, to what was sent.
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .model import Anchor, Paragraph

T = TypeVar("T")


def register(paragraph: type[Paragraph], anchor: type[Anchor], others: tuple[type, ...]) -> None:
    """Pickle these slotted, frozen dataclasses (whose fields are all ``__init__`` arguments) the small way."""
    copyreg.pickle(paragraph, paragraph_reduce)
    copyreg.pickle(anchor, _defaults_left_out(anchor))
    for cls in others:
        copyreg.pickle(cls, _fields_reduce)


def _fields_reduce(obj: Any) -> tuple[type, tuple[object, ...]]:
    """The constructor and every field, in order (``__slots__`` of a slotted dataclass lists its fields)."""
    return type(obj), tuple([getattr(obj, name) for name in type(obj).__slots__])


def _is_default(value: object, default: object) -> bool:
    return type(value) is type(default) and value == default


def _defaults_left_out(cls: type[T]) -> Callable[[T], tuple[type[T], tuple[object, ...]]]:
    """A reduction to the constructor and its arguments, without the trailing ones at their defaults
    (read from the dataclass itself: an anchor usually states only kind, key and surface)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]  # a dataclass, as register's callers pass
    defaults = [f.default for f in fields(cls)]  # type: ignore[arg-type]
    required = sum(1 for d in defaults if d is MISSING)

    def reduce(obj: T) -> tuple[type[T], tuple[object, ...]]:
        values = [getattr(obj, name) for name in names]
        kept = len(values)
        while kept > required and _is_default(values[kept - 1], defaults[kept - 1]):
            kept -= 1
        return cls, tuple(values[:kept])
    return reduce


def paragraph_reduce(p: Paragraph) -> tuple[Callable[..., Paragraph], tuple[object, ...]]:
    """``_paragraph`` and its arguments: no comparison form when it equals the text, and the sentences
    as their lengths when they are that form cut at single spaces."""
    norm = None if p.norm == p.text else p.norm
    sentences: tuple[str, ...] | tuple[int, ...] = p.sentences
    if sentences and " ".join(p.sentences) == p.norm:
        sentences = tuple(map(len, p.sentences))
    return _paragraph, (type(p), p.n, p.text, norm, p.line, p.block, p.chrome, p.chrome_reason, p.note, sentences,
                        p.anchors, p.waivers)


def _paragraph(cls: Callable[..., T], n: int, text: str, norm: str | None, *rest: Any) -> T:
    """A paragraph from ``paragraph_reduce``'s arguments."""
    norm = text if norm is None else norm
    line, block, chrome, reason, note, sentences, anchors, waivers = rest
    if sentences and isinstance(sentences[0], int):
        cut, start = [], 0
        for length in sentences:
            cut.append(norm[start:start + length])
            start += length + 1
        sentences = tuple(cut)
    return cls(n, text, norm, line, block, chrome, reason, note, sentences, anchors, waivers)
