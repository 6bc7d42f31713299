"""Build samples/divergent/ from samples/statement/ by injecting documented faults.

Run from the repository root: ``python samples/make_divergent.py``. The faults
and the findings they must produce are listed in samples/divergent/EXPECTED.json,
which tests/test_samples.py checks.
"""

from pathlib import Path

SOURCE = Path(__file__).parent / "statement"
TARGET = Path(__file__).parent / "divergent"


def paragraphs(lang: str) -> list[str]:
    return SOURCE.joinpath(f"{lang}.txt").read_text("utf-8").split("\n\n")


def find(blocks: list[str], start: str) -> int:
    return next(i for i, b in enumerate(blocks) if b.startswith(start))


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    ru = paragraphs("ru")

    de = paragraphs("de")
    del de[find(de, "Das Welternährungsprogramm hat")]                  # dropped paragraph
    k = find(de, "Es ist wichtig")
    de[k] = de[k].replace("etwa 90.000 Menschen", "etwa 80.000 Menschen")  # changed figure

    fr = paragraphs("fr")
    k = find(fr, "Malheureusement")
    fr[k] = fr[k].replace("du 9\u00a0novembre", "du 19\u00a0novembre")     # changed date
    fr[find(fr, "Il faut travailler davantage")] = ru[find(ru, "Больше предстоит работать")]  # untranslated

    es = paragraphs("es")
    k = find(es, "Hoy he hablado")
    words = es[k].split(" ")
    es[k] = " ".join(words[: len(words) // 2])                            # truncated
    k = find(es, "Señor presidente, en la etapa actual")
    first, rest = es[k].split(" Se trata, ante todo,", 1)
    es[k: k + 1] = [first, "Se trata, ante todo," + rest]                 # split: faithful
    k = find(es, "Por último")
    moved = es.pop(k)
    es.insert(k - 2, moved)                                               # moved two places up

    en = SOURCE.joinpath("en.txt").read_text("utf-8").split("\n\n")
    k = find(en, "The\u00a0World Food Programme")
    en.insert(k, "The Ministry will publish a detailed timetable of humanitarian deliveries "
                 "to Stepanakert next week, together with the Red Cross.")  # inserted paragraph

    for lang, blocks in {"ru": ru, "de": de, "fr": fr, "es": es, "en": en}.items():
        TARGET.joinpath(f"{lang}.txt").write_text("\n\n".join(blocks), "utf-8")


if __name__ == "__main__":
    main()
