"""The JSON renderer's own indenter: the same text as ``json.dumps(indent=2)`` for every value."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.render_json import dumps_indented

# JSON values, including what the reports never hold (control characters, astral text, floats at the
# edges, empty containers, keys that are not strings), to hold the indenter to json.dumps everywhere.
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_the_indenter_writes_what_json_dumps_writes(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_values_json_cannot_write_fail_as_json_dumps_does() -> None:
    for value in ({"a": object()}, [1, {2, 3}]):
        try:
            json.dumps(value, ensure_ascii=False, indent=2)
        except TypeError as expected:
            message = str(expected)
        try:
            dumps_indented(value)
        except TypeError as raised:
            assert str(raised) == message
        else:
            raise AssertionError(f"{value!r} was written")


def test_a_float_that_is_not_finite_is_written_as_json_dumps_writes_it() -> None:
    assert dumps_indented({"x": [math.inf, -math.inf, math.nan]}) == '{\n  "x": [\n    Infinity,\n    -Infinity,\n    NaN\n  ]\n}'
