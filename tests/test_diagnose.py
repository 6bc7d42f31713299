"""Each check on small hand-made pairs: what it reports, and what it must not."""

from __future__ import annotations

from typing import ClassVar

from reconcile.align import align_pair
from reconcile.diagnose import CHECKS, diagnose
from reconcile.model import Settings
from reconcile.pipeline import reconcile

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
    ru = [("Министр иностранных дел выступил на совещании по гуманитарным вопросам в регионе. "
          "Он напомнил, что за последние месяцы около 90 тыс. человек покинули свои дома. "
          "Международный комитет Красного Креста работает в Ереване, Баку и Степанакерте.")]
    en = [("The Foreign Minister spoke at a meeting on humanitarian issues in the region. "
          "The International Committee of the Red Cross works in Yerevan, Baku and Stepanakert.")]
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


class ConceptEmbedder:
    """A fake embedder with the shape of a real one: words of both languages map to shared concepts,
    and a common topic component keeps every similarity high, as multilingual-e5 does on one article."""

    name = "fake-concepts/1"
    CONCEPTS = (("minister", "ministre"), ("conference", "conférence"), ("water", "eau", "l'eau", "d'eau"),
                ("geneva", "genève"), ("monday", "lundi"), ("delegates", "délégués"), ("forty", "quarante"),
                ("countries", "pays"), ("shortage", "pénurie"), ("drinking", "potable"), ("rural", "rurales"),
                ("prices", "prix"), ("rose", "augmenté"), ("year", "année"), ("meeting", "réunion"),
                ("nairobi",), ("spring", "printemps"), ("opened", "ouvert"), ("discussed", "discuté"),
                ("next", "prochaine"), ("again", "encore"), ("friday", "vendredi"), ("closed", "achevée"),
                ("thanked", "remercié"), ("useful", "utile"))
    INDEX: ClassVar[dict[str, int]] = {word: k for k, words in enumerate(CONCEPTS) for word in words}
    TOPIC = 6.0

    def __init__(self):
        self.calls = 0

    def embed(self, texts):
        import re

        import numpy as np

        self.calls += 1
        rows = []
        for text in texts:
            vector = np.zeros(len(self.CONCEPTS) + 1, dtype=np.float32)
            for word in re.findall(r"[\w']+", text.lower()):
                if word in self.INDEX:
                    vector[self.INDEX[word]] = 1.0
            vector[-1] = self.TOPIC
            rows.append(vector / np.linalg.norm(vector))
        return np.array(rows, dtype=np.float32).reshape(len(texts), len(self.CONCEPTS) + 1)


CONFERENCE_EN = [("The minister opened the conference on water in Geneva on Monday. "
                  "Delegates from forty countries discussed the shortage of drinking water in rural areas. "
                  "Water prices rose again. "
                  "The next meeting will take place in Nairobi in the spring. "
                  "The minister thanked the delegates for a useful conference. "
                  "The conference closed on Friday.")]
CONFERENCE_FR = ["Le ministre a ouvert lundi à Genève la conférence sur l'eau.",
                 "Des délégués de quarante pays ont discuté de la pénurie d'eau potable dans les zones rurales.",
                 "Le prix de l'eau a encore augmenté.",
                 "La prochaine réunion aura lieu à Nairobi au printemps.",
                 "Le ministre a remercié les délégués pour une conférence utile.",
                 "La conférence s'est achevée vendredi."]


def _conference(make_edition, sentences, embedder=None):
    p, e = make_edition("en", CONFERENCE_EN), make_edition("fr", [" ".join(sentences)])
    return diagnose(p, e, align_pair(p, e), Settings(pivot="en"), embedder)


def test_semantic_signal_finds_and_names_a_left_out_sentence_length_only_doubts(make_edition):
    """Without the semantic signal the loss of a short sentence is within what free translation does;
    with it, the one pivot sentence no edition sentence covers stands out, and is named."""
    left_out = CONFERENCE_FR[:2] + CONFERENCE_FR[3:]
    assert [f for f in _conference(make_edition, left_out) if f.severity == "error"] == []
    embedder = ConceptEmbedder()
    (finding,) = _conference(make_edition, left_out, embedder)
    assert (finding.kind, finding.pivot, finding.edition, finding.sentence) == ("truncated", (1,), (1,), 3)
    assert "en sentence 3 («Water prices rose again.») has no counterpart" in finding.message
    assert "semantic" in finding.message and embedder.calls > 0


def test_semantic_signal_spares_a_faithful_free_rendering(make_edition):
    free = CONFERENCE_FR[:1] + ["Quarante pays ont discuté de la pénurie d'eau potable rurale."] + \
        CONFERENCE_FR[2:3] + ["Prochaine réunion : Nairobi, au printemps."] + CONFERENCE_FR[4:]
    assert _conference(make_edition, free, ConceptEmbedder()) == []
    assert _conference(make_edition, CONFERENCE_FR, ConceptEmbedder()) == []


def test_report_names_the_signals_that_ran(make_edition, monkeypatch):
    from reconcile import embed
    from reconcile.pipeline import reconcile_editions

    p, e = make_edition("en", CONFERENCE_EN), make_edition("fr", CONFERENCE_FR)
    plain_report = reconcile_editions([p, e], Settings(pivot="en"))
    assert plain_report.signals == ("length", "anchors", "langid")
    assert "signals=length+anchors+langid|" in plain_report.signature
    monkeypatch.setattr(embed, "load_embedder", lambda spec: ConceptEmbedder())
    report = reconcile_editions([p, e], Settings(pivot="en", semantic="fake"))
    assert report.signals == ("length", "anchors", "langid", "semantic:fake-concepts/1")
    assert "signals=length+anchors+langid+semantic:fake-concepts/1|" in report.signature


def _pair(make_edition, en, de):
    p, e = make_edition("en", en), make_edition("de", de)
    return p, e, diagnose(p, e, align_pair(p, e), Settings(pivot="en"))


def _markdown(folder, pivot, **texts):
    """The report on Markdown editions written to ``folder`` (one ``{lang}.md`` per text), against ``pivot``."""
    for lang, text in texts.items():
        (folder / f"{lang}.md").write_text(text, "utf-8")
    return reconcile([folder / f"{lang}.md" for lang in texts], Settings(pivot=pivot))


BODY_EN = ["The ministers of the five countries met in Geneva on Monday to discuss the water shortage in the region.",
           "They agreed to share data on rainfall and river levels every month, starting in January next year."]
BODY_DE = ["Die Minister der fünf Länder trafen sich am Montag in Genf, um über den Wassermangel in der Region zu beraten.",
           "Sie vereinbarten, ab Januar nächsten Jahres jeden Monat Daten über Niederschläge und Flusspegel auszutauschen."]


def test_a_complete_heading_is_not_cut_however_freely_rendered(make_edition):
    """Issue 11: 'Neue Regeln für Schulen' for 'New rules for schools were announced on Monday.'"""
    for en, de in (("New rules for schools were announced on Monday.", "Neue Regeln für Schulen"),
                   ("Section 3 – Obligations of the provider towards the customer", "Abschnitt 3 – Pflichten"),
                   ("Mr President, ladies and gentlemen, dear colleagues!", "Herr Präsident, meine Damen und Herren,")):
        _, _, findings = _pair(make_edition, [en] + BODY_EN, [de] + BODY_DE)
        assert [f for f in findings if f.kind == "truncated"] == [], en


def test_a_heading_block_is_never_judged_by_its_length(make_edition):
    from dataclasses import replace

    en = ["The annual report of the water commission on the state of the rivers and lakes of the region"] + BODY_EN
    de = ["Jahresbericht der Wasserkommission"] + BODY_DE
    p, e = make_edition("en", en), make_edition("de", de)
    as_heading = replace(e, paragraphs=(replace(e.paragraphs[0], block="heading"),) + e.paragraphs[1:])
    assert [f.kind for f in diagnose(p, as_heading, align_pair(p, as_heading), Settings(pivot="en"))] == []


def test_a_headline_cut_on_a_word_no_headline_ends_on_is_truncated(make_edition):
    _, _, findings = _pair(make_edition, ["Thieves steal $26,750 during the refill of a cash machine in Newport"] + BODY_EN,
                           ["Diebe stehlen 26.750 Dollar während der Auffüllung eines"] + BODY_DE)
    (finding,) = [f for f in findings if f.kind == "truncated"]
    assert finding.pivot == (1,) and "dangling word" in finding.message


def test_a_long_sentence_cut_mid_sentence_is_truncated(make_edition):
    cut = "Die Minister der fünf Länder trafen sich am Montag in Genf, um über den"
    _, _, findings = _pair(make_edition, BODY_EN, [cut, BODY_DE[1]])
    (finding,) = [f for f in findings if f.severity == "error"]
    assert (finding.kind, finding.pivot) == ("truncated", (1,)) and "stops mid-sentence" in finding.message


def test_a_paragraph_pasted_from_a_third_edition_names_its_language(make_edition):
    spanish = "Los ministros de los cinco países se reunieron el lunes en Ginebra para hablar de la escasez de agua."
    _, _, findings = _pair(make_edition, BODY_EN, [spanish, BODY_DE[1]])
    (finding,) = findings
    assert (finding.kind, finding.pivot, finding.found) == ("untranslated", (1,), ("es",))
    assert "it reads as Spanish" in finding.message


def test_a_sentence_left_in_the_pivot_language_is_untranslated(make_edition):
    en = BODY_EN[0] + " " + BODY_EN[1] + " The next meeting is in May."
    partly = BODY_DE[0] + " " + BODY_DE[1] + " The next meeting is in May."  # a third left as it was
    _, _, findings = _pair(make_edition, [en], [partly])
    (finding,) = [f for f in findings if f.kind == "untranslated"]
    assert finding.found == ("en",) and "sentence 3 is the en text, word for word" in finding.message


def test_a_quotation_every_edition_keeps_from_the_original_is_not_untranslated(make_edition):
    en = ["Il faut bien le faire. John Edward is Director of the Scottish Council of Independent Schools."]
    de = ["Il faut bien le faire. John Edward ist Leiter des Scottish Council of Independent Schools."]
    _, _, findings = _pair(make_edition, en, de)
    assert [f for f in findings if f.kind == "untranslated"] == []


def test_an_address_and_a_list_of_names_are_never_untranslated(make_edition):
    en = BODY_EN + ["Smolenskaya-Sennaya Square 32/34, Moscow 119200, Russia, press@mid.ru",
                    "Apple, Microsoft, BlackBerry, Ericsson and Sony"]
    de = BODY_DE + ["Smolenskaya-Sennaya Square 32/34, Moscow 119200, Russia, press@mid.ru",
                    "Apple, Microsoft, BlackBerry, Ericsson and Sony"]
    _, _, findings = _pair(make_edition, en, de)
    assert [f for f in findings if f.kind == "untranslated"] == []


def test_a_headline_pasted_from_a_third_edition_is_told_by_its_words(make_edition):
    """A title-case headline is too short and too capitalised for the identifier alone; that none of its
    words (the pivot's names aside) occur anywhere else in the edition is the second signal."""
    en = ["Water Shortage: Ministers Meet in Geneva"] + BODY_EN
    _, _, findings = _pair(make_edition, en, ["Escasez de agua en Ginebra"] + BODY_DE)
    (finding,) = [f for f in findings if f.kind == "untranslated"]
    assert (finding.pivot, finding.found) == ((1,), ("es",)) and "it reads as Spanish" in finding.message


def test_an_own_headline_with_the_editions_words_is_not_untranslated(make_edition):
    en = ["Water Shortage: Ministers Meet in Geneva"] + BODY_EN
    for headline in ("Wassermangel: Minister beraten in Genf", "Minister der Region beraten über Wassermangel"):
        _, _, findings = _pair(make_edition, en, [headline] + BODY_DE)
        assert [f for f in findings if f.kind == "untranslated"] == [], headline


def test_semantic_signal_finds_a_sentence_lost_where_the_rest_was_rendered_at_length(make_edition):
    """An edition at 97 % of its expected length with a sentence fewer: length alone sees nothing;
    with the semantic signal the link is still a candidate omission, and the lost sentence is named."""
    opening = CONFERENCE_FR[0][:-1] + " dans la grande salle du palais des Nations, devant la presse internationale."
    at_length = [opening] + CONFERENCE_FR[1:3] + CONFERENCE_FR[4:]
    assert [f for f in _conference(make_edition, at_length) if f.severity == "error"] == []
    (finding,) = _conference(make_edition, at_length, ConceptEmbedder())
    assert (finding.kind, finding.sentence) == ("truncated", 4) and "fr ¶1 is 97% of the length" in finding.message


# --- days of the week ------------------------------------------------------------------

DAY_RU = ["Министр иностранных дел выступил в субботу на совещании по гуманитарным вопросам в регионе."]


def test_a_day_of_the_week_replaced_is_a_date_warning(make_edition):
    edition = ["The Foreign Minister spoke on Sunday at a meeting on humanitarian issues in the region."]
    (finding,) = run(make_edition, DAY_RU, edition)
    assert (finding.kind, finding.severity, finding.expected, finding.found) == \
        ("date_mismatch", "warning", ("субботу",), ("Sunday",))
    assert "expected субботу (from ru ¶1), found Sunday" in finding.message


def test_a_day_kept_dropped_or_spanning_a_night_passes(make_edition):
    kept = ["The Foreign Minister spoke on Saturday at a meeting on humanitarian issues in the region."]
    dropped = ["The Foreign Minister spoke at a meeting on humanitarian issues in the region."]
    night = ["In der Nacht zum Sonntag sprach der Außenminister auf einer Sitzung zu humanitären Fragen in der Region."]
    assert run(make_edition, DAY_RU, kept) == []
    assert run(make_edition, DAY_RU, dropped) == []
    assert run(make_edition, ["The Foreign Minister spoke on Saturday night at a meeting on humanitarian issues."],
               night, "en", "de") == []


def test_code_is_in_no_language_but_prose_beside_it_is(tmp_path):
    """A fenced block and a paragraph that is one code span are the same in every edition, as code is; a
    sentence left in English beside them is still untranslated."""
    command = "certbot revoke --cert-path /etc/letsencrypt/archive/example.com/cert1.pem --reason keycompromise"
    code = f"```bash\n{command}\n```\n\n`tldr {{{{[-l|--list]}}}} | fzf --preview \"tldr {{1}} --color=always\" | xargs tldr`\n"
    report = _markdown(tmp_path, "en", en=f"# Revoking certificates\n\n{BODY_EN[0]}\n\n{code}\n{BODY_EN[1]}\n",
                       de=f"# Zertifikate widerrufen\n\n{BODY_DE[0]}\n\n{code}\n{BODY_EN[1]}\n")
    blocks = [p.block for p in report.editions[1].paragraphs]
    assert blocks == ["title", "paragraph", "code", "code", "paragraph"]
    assert [(f.kind, f.edition) for f in report.findings if f.kind == "untranslated"] == [("untranslated", (5,))]


def test_a_reference_edition_not_in_its_own_language_is_reported_on_itself(make_edition):
    """A site's English fallback under its Russian page, with ru the pivot: every edition compared with it
    looked fine (the en one is the same text); the pivot's own paragraphs are judged for their language."""
    from reconcile.pipeline import reconcile_editions

    english = [BODY_EN[0], BODY_EN[1]]
    editions = [make_edition("ru", english), make_edition("en", english), make_edition("de", BODY_DE[:2])]
    report = reconcile_editions(editions, Settings(pivot="ru"))
    assert [(f.kind, f.lang, f.pivot, f.edition, f.found) for f in report.findings] == [
        ("untranslated", "ru", (1,), (), ("en",)), ("untranslated", "ru", (2,), (), ("en",))]
    assert report.findings[0].message.startswith("ru ¶1 is not in ru: it reads as English (the reference edition")
    russian = "Министры пяти стран встретились в понедельник в Женеве, чтобы обсудить нехватку воды в регионе."
    faithful = [make_edition("ru", [russian]), make_edition("en", BODY_EN[:1])]
    assert reconcile_editions(faithful, Settings(pivot="ru")).findings == ()


def test_a_list_item_ending_on_a_conjunction_in_every_edition_is_not_cut(make_edition):
    """Legal texts end their list items on "; and": a translation ending on its own "; et" is complete (the
    Creative Commons legal code), while one that stops on "et" where the pivot ends a sentence is cut."""
    en = ["indicate if You modified the Licensed Material and retain an indication of any previous modifications; and"]
    fr = ["indiquer si Vous avez modifié le Matériel sous licence; et"]
    assert [f.kind for f in run(make_edition, en, fr, pivot="en", lang="fr") if f.kind == "truncated"] == []
    sentence = [en[0][:-len("; and")] + "."]
    assert [f.kind for f in run(make_edition, sentence, fr, pivot="en", lang="fr") if f.kind == "truncated"] == \
        ["truncated"]


def test_list_items_end_as_each_language_has_it(tmp_path):
    """Russian list items end on ";", English ones on nothing (Mozilla's acceptable use policy): a shorter
    English item is not 'cut short' for lacking the semicolon."""
    report = _markdown(
        tmp_path, "ru",
        ru="Вы не имеете права использовать службы Mozilla для:\n\n"
           "* причинения вреда пользователям, в частности, с использованием вирусов, шпионских и вредоносных "
           "программ, программ-червей, троянов, бомб замедленного действия или иных подобных кодов;\n"
           "* участия в незаконных азартных играх или рекламы таких игр;\n",
        en="You may not use any Mozilla services to:\n\n"
           "* Harm users, such as by using viruses, spyware, malware, worms, trojan horses, time bombs or similar "
           "code\n* Engage in illegal gambling or advertise it\n")
    assert [p.block for p in report.editions[1].paragraphs] == ["paragraph", "list_item", "list_item"]
    assert [f for f in report.findings if f.kind == "truncated"] == []


def test_list_items_may_end_on_their_joining_words(tmp_path):
    """The Russian Creative Commons legal code ends an item on "; а также" where the German ends on "; und";
    Mozilla's German privacy notice ends an item on "und" where the Russian ends on nothing. Neither is cut;
    an item that stops on an article still is."""
    ru = ("* если Вы включаете содержимое базы данных полностью или в существенной части в базу данных, в "
          "отношении которой у Вас имеются Права, то эта база данных является Адаптированным Материалом; а также\n"
          "* в некоторых случаях ограничивать или возражать против того, как мы используем ваши персональные данные\n")
    de = ("* wenn Sie alle oder wesentliche Teile des Datenbankinhalts in eine Datenbank aufnehmen, an der Sie "
          "Rechte haben, dann gilt diese Datenbank als abgewandeltes Material; und\n"
          "* in bestimmten Fällen die Nutzung Ihrer Daten einzuschränken oder zu untersagen und\n")
    report = _markdown(tmp_path, "ru", ru=ru, de=de)
    assert [f for f in report.findings if f.kind == "truncated"] == []
    report = _markdown(tmp_path, "ru", ru=ru, de=de.replace("zu untersagen und", "zu untersagen, die"))
    assert [(f.kind, f.edition) for f in report.findings if f.kind == "truncated"] == [("truncated", (2,))]


def test_code_is_expected_as_long_as_the_pivots(tmp_path):
    """An HTTP header quoted in a <pre>, byte for byte the same in the es edition, was 87 % of the length
    expected of Spanish and ended on "en", a Spanish preposition: cut short. Code is copied, not translated."""
    code = "```\nHTTP/1.1 200 OK\nDate: Wed, 05 Nov 2003 10:46:04 GMT\nContent-Type: text/html; charset=utf-8\n" \
           "Content-Language: en\n```\n"
    report = _markdown(tmp_path, "en", en=f"The server answers:\n\n{code}", es=f"El servidor responde:\n\n{code}")
    assert [p.block for p in report.editions[1].paragraphs] == ["paragraph", "code"]
    assert report.findings == ()


def test_a_list_item_cut_in_half_is_still_cut(tmp_path):
    """The end mark of a list item is a convention, but an item at half its expected length that stops
    mid-sentence lost its end, dangling word or not."""
    report = _markdown(
        tmp_path, "en",
        en="You may not use any Mozilla services to:\n\n"
           "* Harm users, such as by using viruses, spyware, malware, worms, trojan horses, time bombs or any other "
           "similar harmful code or instructions.\n* Engage in illegal gambling or advertise it.\n",
        de="Sie dürfen keine Dienste von Mozilla nutzen, um:\n\n"
           "* Nutzern zu schaden, zum Beispiel durch Viren, Spyware\n"
           "* an illegalem Glücksspiel teilzunehmen oder dafür zu werben.\n")
    assert [(f.kind, f.edition) for f in report.findings if f.kind == "truncated"] == [("truncated", (2,))]
