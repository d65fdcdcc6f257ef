"""Saved web pages: main text and metadata with trafilatura, boilerplate and comments removed."""

from __future__ import annotations

import email.utils
import re
import threading
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tealeaves.errors import InputError
from tealeaves.ids import document_id
from tealeaves.ingest import lang
from tealeaves.ingest.raw import binary_kind, declared_charset, decode
from tealeaves.models import Document

_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z_\-]+)", re.IGNORECASE)
MIN_ARTICLE_LETTERS = 40  # less than this is navigation or an error page, not an article
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def canonical_url(url: object) -> str | None:
    """An http(s) URL with lower-case host, no fragment and no tracking parameters; else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


_LONG_NUMBER = re.compile(r"\d{9,}")


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from an ISO-like or free-form date string, or None."""
    if not value:
        return None
    s = str(value).strip()
    if len(s) >= 10 and s[4] == "-" and s[7] == "-" and s[:4].isdigit() and s[5:7].isdigit() and s[8:10].isdigit():
        return s[:10]
    # free-form dates are short and carry a day or year; anything else would only make dateparser
    # try every language it knows (seconds per value: a request full of such values stalls a server)
    if len(s) > 40 or not any(c.isdigit() for c in s) or _LONG_NUMBER.search(s):
        return None
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # type: ignore[import-untyped]

    try:
        parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def _dedupe_lines(text: str) -> str:
    seen: set[str] = set()
    out = []
    for line in text.splitlines():
        key = line.strip()
        if key and key in seen:
            continue
        seen.add(key)
        out.append(line)
    return "\n\n".join(ln for ln in out if ln.strip())


_EXTRACT = threading.Lock()


def extract(html: str, url: str | None = None) -> Any:
    """trafilatura's extraction (text and metadata), or None when the page has no article text.

    trafilatura's ``deduplicate`` counts paragraphs in a process-wide cache, so the fourth copy of
    a syndicated page would lose its text and the outcome would hang on what was read before; the
    cache is emptied first, so only repeats within the page are dropped."""
    import trafilatura
    from trafilatura.deduplication import LRU_TEST

    try:
        with _EXTRACT:
            LRU_TEST.clear()
            return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               include_tables=False, deduplicate=True)
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise InputError(f"HTML could not be parsed ({type(exc).__name__})") from None


def document_from_html(data: bytes | str, origin: str, url: str | None = None, outlet: str | None = None,
                       date: str | None = None) -> Document:
    """A Document from one HTML page; ``url``, ``outlet`` and ``date`` are used when the page lacks them."""
    if isinstance(data, bytes):
        if not data.strip():
            raise InputError(f"{origin} is empty")
        kind = binary_kind(data[:8192])
        if kind:
            raise InputError(f"{origin} looks like {kind}, not HTML")
        charset = declared_charset(data)
        try:
            html = data.decode(charset) if charset else decode(data, origin)
        except (UnicodeDecodeError, LookupError):
            html = decode(data, origin)
    else:
        html = data
    if not html.strip():
        raise InputError(f"{origin} is empty")
    try:
        found = extract(html, url)
    except InputError as exc:
        raise InputError(f"{origin}: {exc}") from None
    text = _dedupe_lines(getattr(found, "text", None) or "") if found is not None else ""
    if sum(c.isalpha() for c in text) < MIN_ARTICLE_LETTERS:
        raise InputError(f"{origin}: no article text found in the HTML")
    title = getattr(found, "title", None) or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    canonical = canonical_url(getattr(found, "url", None)) or canonical_url(url)
    m = _HTML_LANG.search(html[:4096])
    language = lang.detect(text) or lang.normalize(getattr(found, "language", None)) or (lang.normalize(m.group(1)) if m else None)
    return Document(
        id=document_id(text, canonical),
        text=text,
        title=title,
        date=iso_date(getattr(found, "date", None)) or date,
        outlet=getattr(found, "sitename", None) or outlet,
        url=canonical,
        origin=origin,
        language=language,
        author=getattr(found, "author", None) or None,
    )
