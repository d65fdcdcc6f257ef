"""RSS 0.9x-2.0 and Atom feeds with feedparser: one FeedItem per entry.

A saved feed file is ingested from the text its entries carry; ``tealeaves watch`` (see
``tealeaves.ingest.watch``) also fetches each new entry's page once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tealeaves.errors import InputError
from tealeaves.ids import document_id
from tealeaves.ingest import lang
from tealeaves.ingest.html import canonical_url
from tealeaves.ingest.raw import Problem
from tealeaves.models import Document

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: its stable key within the feed, and what the feed says about it."""

    key: str
    title: str | None
    link: str | None
    date: str | None
    text: str  # the entry's content or summary as plain text, possibly empty
    outlet: str | None


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
    for el in root.iter("script", "style"):
        el.drop_tree()
    lines = [" ".join(ln.split()) for ln in root.text_content().split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            try:
                return time.strftime("%Y-%m-%d", st)
            except (TypeError, ValueError):
                continue
    return None


def parse_feed(data: bytes, origin: str) -> tuple[list[FeedItem], str | None]:
    """The entries of a feed, and a warning when the XML was malformed but entries were recovered.
    Raises InputError when the bytes are not a feed at all."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version") and bozo is None:
        raise InputError(f"{origin} is XML but not an RSS or Atom feed")
    if not parsed.entries:
        if bozo is not None:
            raise InputError(f"{origin} is not a readable RSS or Atom feed ({type(bozo).__name__}: {str(bozo)[:120]})")
        if not parsed.get("version") and not parsed.feed:
            raise InputError(f"{origin} is not an RSS or Atom feed")
        return [], None
    outlet = parsed.feed.get("title") or None
    items = []
    for n, entry in enumerate(parsed.entries):
        content = entry.get("content") or []
        body = max((c.get("value", "") for c in content), key=len, default="") or entry.get("summary", "") or ""
        link = entry.get("link") or None
        key = entry.get("id") or link or document_id(f"{entry.get('title', '')}\n{body}") or str(n)
        items.append(FeedItem(key=str(key), title=entry.get("title") or None, link=link, date=_date(entry),
                              text=fragment_text(body), outlet=outlet))
    warning = f"feed XML is malformed ({type(bozo).__name__}); read {len(items)} entries anyway" if bozo is not None else None
    return items, warning


def item_document(item: FeedItem, origin: str, url: str | None = None) -> Document:
    """A Document from the text the feed entry itself carries."""
    body = item.text.strip()
    if not body:
        raise InputError(f"{origin}: feed entry has no text (only a link); `tealeaves watch` fetches linked pages")
    text = body if item.title and body.startswith(item.title) else (f"{item.title}\n\n{body}" if item.title else body)
    link = canonical_url(url or item.link)
    return Document(id=document_id(text, link), text=text, title=item.title, date=item.date, outlet=item.outlet,
                    url=link, origin=origin, language=lang.detect(text))


def read_feed(data: bytes, origin: str) -> Iterator[Document | Problem]:
    """Documents from a saved feed file; entries without text come back as Problems."""
    try:
        items, warning = parse_feed(data, origin)
    except InputError as exc:
        yield Problem(origin, str(exc).removeprefix(origin + " "))
        return
    if warning:
        yield Problem(origin, warning, "warning")
    for i, item in enumerate(items, 1):
        where = f"{origin}#{i}"
        try:
            yield item_document(item, where)
        except InputError as exc:
            yield Problem(where, str(exc).removeprefix(where + ": "))
