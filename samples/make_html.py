"""Build samples/html/{statement,divergent}/ from the text editions: the same
statements as pages of a ministry website (cookie banner, header with menu and
language switcher, breadcrumbs, share buttons, footer menu, scripts).

Run from the repository root: ``python samples/make_html.py``.
"""

from __future__ import annotations

import html
from pathlib import Path

from reconcile.ingest import load_edition

HERE = Path(__file__).parent
MENU = {
    "ru": ("Главная", "Новости", "Выступления", "Документы", "Контакты"),
    "en": ("Home", "News", "Speeches", "Documents", "Contacts"),
    "de": ("Startseite", "Nachrichten", "Reden", "Dokumente", "Kontakt"),
    "es": ("Inicio", "Noticias", "Discursos", "Documentos", "Contacto"),
    "fr": ("Accueil", "Actualités", "Discours", "Documents", "Contacts"),
}
COOKIES = {
    "ru": "Сайт использует файлы cookie.", "en": "This website uses cookies.",
    "de": "Diese Website verwendet Cookies.", "es": "Este sitio utiliza cookies.", "fr": "Ce site utilise des cookies.",
}


def page(lang: str, text_file: Path) -> str:
    edition = load_edition(text_file, lang)
    paragraphs = edition.paragraphs
    content = [p for p in paragraphs if not p.chrome]
    dateline = paragraphs[0].text if paragraphs[0].chrome else ""
    source = next((p.text for p in paragraphs if p.chrome and ":" in p.text and "kremlin" in p.text), "")
    footer = [p.text for p in paragraphs[-5:] if p.chrome]
    title, body = content[0].text, content[1:]
    e = html.escape
    menu = "".join(f'<li><a href="/{lang}/{k}">{e(item)}</a></li>' for k, item in enumerate(MENU[lang]))
    switcher = "".join(f'<li><a href="/{code[:2]}/">{code}</a></li>' for code in ("de-DE", "en-GB", "es-ES", "ru-RU", "fr-FR"))
    body_html = "\n".join(f"      <p>{e(p.text)}</p>" for p in body)
    footer_html = "".join(f'<li><a href="#">{e(item)}</a></li>' for item in footer)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>{e(title[:60])}</title>
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>
</head>
<body>
  <div class="cookie-banner" role="dialog"><p>{e(COOKIES[lang])}</p><button>OK</button></div>
  <header class="site-header">
    <a class="logo" href="/{lang}/">MFA</a>
    <nav class="main-menu"><ul>{menu}</ul></nav>
    <ul class="lang-switcher">{switcher}</ul>
  </header>
  <main>
    <div class="breadcrumbs"><a href="/{lang}/">{e(MENU[lang][0])}</a> / <a href="/{lang}/1">{e(MENU[lang][1])}</a></div>
    <article class="news-item">
      <header><time datetime="2020-11-20T19:00">{e(dateline)}</time>
      <h1>{e(title)}</h1></header>
{body_html}
      <p class="source-line">{e(source)}</p>
      <div class="share"><a href="#">Twitter</a> <a href="#">Facebook</a> <a href="#">VK</a></div>
    </article>
  </main>
  <footer class="site-footer"><ul class="footer-menu">{footer_html}</ul><p>© 2020</p></footer>
  <script src="/static/site.js"></script>
</body>
</html>
"""


def main() -> None:
    for name in ("statement", "divergent"):
        target = HERE / "html" / name
        target.mkdir(parents=True, exist_ok=True)
        for lang in ("ru", "en", "de", "es", "fr"):
            target.joinpath(f"{lang}.html").write_text(page(lang, HERE / name / f"{lang}.txt"), "utf-8")


if __name__ == "__main__":
    main()
