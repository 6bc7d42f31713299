"""What each finding kind means, in one table: SARIF rules, the README and the help text read it.

``tests/test_robust.py`` checks that the README's table says exactly this, so
the three never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FindingKind


@dataclass(frozen=True, slots=True)
class KindInfo:
    """A finding kind for people: a title, its usual severity, what it means (Markdown), what to do.

    ``legend`` is the one plain sentence the HTML report's legend shows.
    """

    title: str
    severity: str
    meaning: str
    advice: str
    legend: str = ""

    @property
    def text(self) -> str:
        """The meaning without Markdown, for formats that show plain text."""
        return self.meaning.replace("`", "")


KINDS: dict[FindingKind, KindInfo] = {
    "missing": KindInfo(
        "Missing paragraph", "error",
        "a paragraph of the pivot (the reference edition) has no counterpart in the edition",
        "Translate the reference paragraph into this edition, or waive the finding if the omission is intended.",
        "A paragraph of the reference edition has no counterpart in this edition."),
    "extra": KindInfo(
        "Extra paragraph", "error", "an edition paragraph has no counterpart in the pivot",
        "Remove the paragraph, add it to the reference edition, or waive the finding if it is intended.",
        "A paragraph of this edition has no counterpart in the reference edition."),
    "number_mismatch": KindInfo(
        "Figure differs", "error / warning",
        "a figure differs (error: digits on both sides of a link the aligner is sure of, e.g. `90 тыс.` vs `80.000`, "
        "no reading of either agreeing, or the same figure with another currency or unit, `$500 million` vs "
        "`500 млн евро`); a figure stated on one side only, a number in words against a different "
        "number (`two` / `drei`), an amount in another currency, or a figure on a less certain link is a warning; "
        "codes such as `H5N1` → `H1N1` count as figures",
        "Compare the expected and found values in the message and correct the edition that is wrong.",
        "A figure differs from the reference edition's, or is stated on one side only."),
    "date_mismatch": KindInfo(
        "Date differs", "error / warning",
        "the same for dates, years, times, decades and centuries; a date that states its year (or day) in one "
        "edition and not in the other is a warning naming the lost part; so is a day of the week replaced by "
        "another (`Sunday` / `в субботу`)",
        "Compare the expected and found dates in the message and correct the edition that is wrong.",
        "A date, year or time differs from the reference edition's, or is stated on one side only."),
    "number_format": KindInfo(
        "Figure in another locale's format", "warning",
        "the figure agrees only when read in another locale's convention: `45,000` kept as written in the French "
        "edition reads 45 there",
        "Write the figure in the edition's own convention (`45 000` in French), or waive the finding.",
        "A figure agrees with the reference edition only when read in another locale's convention."),
    "untranslated": KindInfo(
        "Untranslated paragraph", "error",
        "most of the edition paragraph's running text is in another language; the message names it (\"it reads as "
        "Spanish\", \"it is the ru text\") and `found` holds its code. Addresses, e-mail and web addresses, codes, "
        "lists of names or of language names, quoted titles and program code are not running text and never count; a "
        "paragraph of the reference edition itself in another language is reported on it, with no counterpart",
        "Translate the paragraph into the edition's language.",
        "The paragraph is not in this edition's language (for example, it is the reference text)."),
    "truncated": KindInfo(
        "Truncated paragraph", "error",
        "the edition paragraph lost content: it stops mid-sentence where its counterpart ends one, or a sentence "
        "was left out (length, sentence count and, with the semantic signal, sentence coverage); the message names "
        "the pivot sentences that have no counterpart and the signals that showed it. A heading, or a paragraph "
        "under 80 characters (a salutation), is judged only by a last word that cannot end it (\"… of the\") or by "
        "its lost figures",
        "Translate the sentences the message names, or waive the finding if the shorter rendering is intended.",
        "The paragraph is much shorter than its counterpart, or sentences of the counterpart are lost."),
    "moved": KindInfo(
        "Paragraph moved", "warning", "the paragraph is there, but out of order",
        "Put the paragraph back in the reference edition's order, unless the new order is intended.",
        "The paragraph is there, but out of order."),
    "name_mismatch": KindInfo(
        "Name differs", "warning",
        "an organisation replaced by another (`OSCE` → `NATO`), or a name misspelt (`Maurer` → `Mauer`)",
        "Check the name against the reference edition and correct the spelling or the organisation.",
        "An organisation or a name is replaced by another, or misspelt."),
    "split": KindInfo(
        "Paragraph split", "info",
        "one paragraph rendered as several: faithful, reported so a reviewer sees why rows span",
        "Nothing to fix: the content is all there.",
        "One paragraph is rendered as several: faithful, noted so the rows make sense."),
    "merge": KindInfo(
        "Paragraphs merged", "info",
        "several paragraphs rendered as one: faithful, reported so a reviewer sees why rows span",
        "Nothing to fix: the content is all there.",
        "Several paragraphs are rendered as one: faithful, noted so the rows make sense."),
}

def describe(kind: str) -> KindInfo:
    """A kind's description; a kind added without one still renders (the tests insist it gets one)."""
    known = KINDS.get(kind)  # type: ignore[call-overload]
    return known or KindInfo(kind.replace("_", " ").capitalize(), "error / warning", f"a finding of kind {kind}",
                             "See the finding's message.")


def readme_table() -> str:
    """The README's table of finding kinds, generated from ``KINDS``."""
    rows = [f"| `{kind}` | {info.severity} | {info.meaning} |" for kind, info in KINDS.items()]
    return "\n".join(["| kind | severity | meaning |", "|---|---|---|", *rows])
