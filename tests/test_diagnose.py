"""Each check on small hand-made pairs: what it reports, and what it must not."""

from __future__ import annotations

from reconcile.align import align_pair
from reconcile.diagnose import CHECKS, diagnose
from reconcile.model import Settings

RU = [
    "Министр иностранных дел выступил на совещании по гуманитарным вопросам в регионе.",
    "По предварительным оценкам, около 90 тыс. человек уехали в Армению, а порядка 45 тыс. покинули свои дома.",
    "Соглашение было подписано 9 ноября лидерами трёх стран и успешно выполняется всеми сторонами.",
    "Мы поддерживаем тесные контакты с ОБСЕ и с Международным комитетом Красного Креста, который работает на месте.",
]
EN = [
    "The Foreign Minister spoke at a meeting on humanitarian issues in the region.",
    "By tentative estimates, about 90,000 people left for Armenia, and about 45,000 left their homes.",
    "The agreement was signed on November 9 by the leaders of three countries and is being implemented by all sides.",
    "We maintain close contacts with the OSCE and the International Committee of the Red Cross, which works on site.",
]


def run(make_edition, pivot_texts, edition_texts, pivot="ru", lang="en"):
    p, e = make_edition(pivot, pivot_texts), make_edition(lang, edition_texts)
    return diagnose(p, e, align_pair(p, e), Settings(pivot=pivot))


def kinds(findings):
    return [(f.kind, f.severity, f.pivot, f.edition) for f in findings]


def test_faithful_translation_passes(make_edition):
    assert run(make_edition, RU, EN) == []


def test_changed_figure(make_edition):
    edition = EN[:1] + [EN[1].replace("90,000", "80 000")] + EN[2:]
    (finding,) = run(make_edition, RU, edition)
    assert kinds([finding]) == [("number_mismatch", "error", (2,), (2,))]
    assert finding.expected == ("90 тыс.",) and finding.found == ("80 000",) and finding.sentence == 1
    assert "expected figure 90 тыс." in finding.message and "found 80 000" in finding.message


def test_changed_date(make_edition):
    edition = EN[:2] + [EN[2].replace("November 9", "November 19")] + EN[3:]
    assert kinds(run(make_edition, RU, edition)) == [("date_mismatch", "error", (3,), (3,))]


def test_missing_paragraph_is_not_also_reported_for_its_numbers(make_edition):
    findings = run(make_edition, RU, EN[:1] + EN[2:])
    assert kinds(findings) == [("missing", "error", (2,), ())]
    assert "90 тыс." in findings[0].message or "По предварительным" in findings[0].message


def test_extra_paragraph(make_edition):
    inserted = "The delegation will also visit the border crossings next week to review the logistics."
    assert kinds(run(make_edition, RU, EN[:2] + [inserted] + EN[2:])) == [("extra", "error", (), (3,))]


def test_untranslated_paragraph(make_edition):
    findings = run(make_edition, RU, EN[:3] + [RU[3]])
    assert kinds(findings) == [("untranslated", "error", (4,), (4,))]
    assert "ru text" in findings[0].message


def test_truncated_paragraph(make_edition):
    cut = " ".join(EN[2].split()[:8])
    findings = run(make_edition, RU, EN[:2] + [cut] + EN[3:])
    assert [f.kind for f in findings if f.severity == "error"] == ["truncated"]


def test_organisation_replaced_is_a_name_mismatch(make_edition):
    findings = run(make_edition, RU, EN[:3] + [EN[3].replace("OSCE", "NATO")])
    assert kinds(findings) == [("name_mismatch", "warning", (4,), (4,))]


def test_merge_is_info_not_error(make_edition):
    merged = EN[:1] + [EN[1] + " " + EN[2]] + EN[3:]
    assert kinds(run(make_edition, RU, merged)) == [("merge", "info", (2, 3), (2,))]


def test_every_check_returns_findings_and_never_raises(make_edition):
    p, e = make_edition("ru", RU), make_edition("en", ["x"])
    for check in CHECKS:
        from reconcile.diagnose import PairContext
        assert isinstance(list(check(PairContext(p, e, align_pair(p, e), Settings()))), list)


def test_numbers_in_words_count_only_against_another_number(make_edition):
    def kinds_of(en, de):
        return kinds(run(make_edition, [en], [de], pivot="en", lang="de"))

    assert kinds_of("Two ministers met in Geneva on Monday to discuss the crisis.",
                    "Zwei Minister trafen sich am Montag in Genf, um die Krise zu besprechen.") == []
    assert kinds_of("Two ministers met in Geneva on Monday to discuss the crisis.",
                    "Drei Minister trafen sich am Montag in Genf, um die Krise zu besprechen.") == \
        [("number_mismatch", "warning", (1,), (1,))]
    assert kinds_of("2 ministers met in Geneva on Monday to discuss the crisis.",
                    "Drei Minister trafen sich am Montag in Genf, um die Krise zu besprechen.") == \
        [("number_mismatch", "warning", (1,), (1,))]


def test_sentence_left_out_of_a_paragraph(make_edition):
    ru = ["Министр иностранных дел выступил на совещании по гуманитарным вопросам в регионе. "
          "Он напомнил, что за последние месяцы около 90 тыс. человек покинули свои дома. "
          "Международный комитет Красного Креста работает в Ереване, Баку и Степанакерте."]
    en = ["The Foreign Minister spoke at a meeting on humanitarian issues in the region. "
          "The International Committee of the Red Cross works in Yerevan, Baku and Stepanakert."]
    findings = run(make_edition, ru, en)
    assert kinds([f for f in findings if f.severity == "error"]) == [("truncated", "error", (1,), (1,))]
    assert "ru sentence 2" in findings[0].message and "has no counterpart" in findings[0].message


def test_lone_missing_and_extra_point_at_each_other(make_edition):
    """Given an alignment with one unmatched paragraph on each side, far apart and of matching
    length (the aligner found no evidence that it moved), both errors mention the other."""
    from reconcile.model import Alignment, Link

    pivot = make_edition("ru", RU + [RU[1]])
    edition = make_edition("en", EN + [EN[1]])
    links = (Link((1,), (1,), 0.9), Link((2,), (), 0.9), Link((3,), (2,), 0.9), Link((4,), (3,), 0.9),
             Link((), (4,), 0.9), Link((5,), (5,), 0.9))
    findings = diagnose(pivot, edition, Alignment("en", links, 1.0), Settings(pivot="ru"))
    messages = {f.kind: f.message for f in findings if f.kind in ("missing", "extra")}
    assert "perhaps moved: en ¶4 is unmatched" in messages["missing"]
    assert "perhaps moved from ru ¶2, which is unmatched" in messages["extra"]


def test_short_paragraph_that_lost_its_figures_is_truncated(make_edition):
    cut = "By tentative estimates, many people left for Armenia."
    findings = run(make_edition, RU, EN[:1] + [cut] + EN[2:])
    assert [(f.kind, f.severity, f.pivot) for f in findings] == [("truncated", "error", (2,))]
