"""HTML pages through trafilatura: text without boilerplate, and the page's metadata."""

from __future__ import annotations

from pathlib import Path

from tealeaves.ingest import read
from tealeaves.ingest.html import canonical_url, document_from_html
from tealeaves.models import Document

PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Coast guard rescues fishing crew | Lakeside Courier</title>
<link rel="canonical" href="https://Courier.example.org/world/2023/05/02/coast-guard-rescue?utm_source=rss#top">
<meta name="author" content="Mira Castellanos">
<meta property="og:site_name" content="Lakeside Courier">
<meta property="article:published_time" content="2023-05-02T08:15:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Coast guard rescues fishing crew</h1>
<p>The coast guard rescued six fishermen on Tuesday after their trawler lost power in a storm forty miles off the northern cape, a spokesman for the service said.</p>
<p>A helicopter lifted the crew from the deck in high winds, and all six were taken to hospital in the port city with mild hypothermia.</p>
<p>The owner of the vessel said it would be towed back to harbour once the weather cleared.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great work by the rescue team, they deserve a medal!</p></section>
<footer>Subscribe to our newsletter for the latest headlines. Copyright Lakeside Courier.</footer>
</body></html>"""


def test_article_text_and_metadata() -> None:
    doc = document_from_html(PAGE.encode("utf-8"), "page.html")
    assert "rescued six fishermen" in doc.text
    assert "towed back to harbour" in doc.text
    assert "deserve a medal" not in doc.text  # comments removed
    assert "Subscribe to our newsletter" not in doc.text  # footer removed
    assert doc.title == "Coast guard rescues fishing crew"
    assert doc.author == "Mira Castellanos"
    assert doc.date == "2023-05-02"
    assert doc.outlet == "Lakeside Courier"
    assert doc.url == "https://courier.example.org/world/2023/05/02/coast-guard-rescue"
    assert doc.language == "en"
    assert doc.id.startswith("u")  # id from the canonical URL


def test_same_canonical_url_gives_same_id_despite_tracking_parameters() -> None:
    a = document_from_html(PAGE, "a.html")
    b = document_from_html(PAGE.replace("?utm_source=rss#top", ""), "b.html")
    assert a.id == b.id


def test_canonical_url_normalisation() -> None:
    assert canonical_url("HTTPS://News.Example.com/a?id=3&utm_medium=x#frag") == "https://news.example.com/a?id=3"
    assert canonical_url("ftp://example.com/a") is None
    assert canonical_url("not a url") is None


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace("forty miles", "forty miles \u2013 near Sk\u00e5ne \u2013")
    (tmp_path / "legacy.htm").write_bytes(page.encode("cp1252"))
    [doc] = list(read([tmp_path / "legacy.htm"]))
    assert isinstance(doc, Document)
    assert "near Sk\u00e5ne" in doc.text


def test_html_is_sniffed_without_suffix(tmp_path: Path) -> None:
    (tmp_path / "saved_page").write_text(PAGE, encoding="utf-8")
    [doc] = list(read([tmp_path / "saved_page"]))
    assert isinstance(doc, Document) and doc.outlet == "Lakeside Courier"


def test_non_english_page_gets_its_language() -> None:
    page = PAGE.replace('lang="en"', 'lang="es"').replace(
        "<article>", "<article><p>La guardia costera rescató el martes a seis pescadores después de que su barco perdiera la potencia "
        "en una tormenta frente al cabo norte, según informó un portavoz del servicio de rescate marítimo.</p>"
        "<p>Un helicóptero subió a la tripulación desde la cubierta con fuertes vientos y los seis fueron llevados al hospital.</p>", 1)
    page = page.replace(page[page.index("<h1>"):page.index("</article>")], "")
    doc = document_from_html(page, "es.html")
    assert doc.language == "es"
