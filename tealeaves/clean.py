"""Clean: separate headline, standfirst and body paragraphs, drop boilerplate, find outlet citations.

A line is boilerplate when it matches a promo pattern in ``data/clean/boilerplate.txt``
or when the same short line has already been seen in several other documents of the
run (site furniture repeated across a corpus). A paragraph that ends with "(Reuters)",
or starts with a "MOSCOW (Reuters) -" dateline, cites that outlet; its events carry it.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from tealeaves.ids import normalize_text
from tealeaves.models import CleanDocument, Document, Paragraph

STANDFIRST_MAX_CHARS = 320
REPEAT_MAX_CHARS = 200
REPEAT_MIN_DOCS = 3
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*[\u2014\u2013-]+\s")


# character references that lost their "&" on the way through a feed: "Berlusconi #39;s",
# " quot;foolish quot;", "&lt;b&gt;...&lt;/b&gt;"
_BARE_NUMERIC = re.compile(r" ?&?#(\d{2,4});")
_BARE_QUOTE = re.compile(r" ?&?quot;(?=(\w)?)")
_RUNS = re.compile(r"[ \t\u00a0]{2,}|\t|\u00a0")
_TAGS = re.compile(r"<(/?)(b|i|p|em|strong|br|font)\b[^>]*>\s*(\.\.\.)?", re.IGNORECASE)


def _char(n: int) -> str:
    if 128 <= n < 160:  # Windows-1252 numbers used as if they were Unicode: #151; is an em dash
        return bytes([n]).decode("cp1252", errors="replace")
    return chr(n) if n < 0x110000 else ""


def repair_references(text: str) -> str:
    """Undo character references left in wire text (``#39;``, ``quot;``, ``&amp;lt;b&amp;gt;``),
    so the parser reads "Berlusconi's villa", not a number and a stray "s"."""
    if "#" not in text and ";" not in text:
        return text
    text = html.unescape(text)

    def numeric(m: re.Match[str]) -> str:
        ch = _char(int(m.group(1)))
        return ch if ch in "'’" or not m.group(0).startswith(" ") else " " + ch

    text = _BARE_NUMERIC.sub(numeric, text)
    text = _BARE_QUOTE.sub(lambda m: ' "' if m.group(1) else '"', text)
    return _TAGS.sub("", text)


def _data_lines(name: str) -> list[str]:
    text = resources.files("tealeaves.data").joinpath("clean", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _promo_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data_lines("boilerplate.txt"))


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(_data_lines("outlets.txt"), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    # "(Reuters)" / "(TASS, RT)" / "(according to Reuters)" closing a sentence: at the end of the
    # paragraph or followed by the next sentence
    citation = re.compile(
        rf"\s*\(\s*(?i:(?:according to|via|source:?)\s+)?((?i:{alt})(?:\s*[,/;]\s*(?i:{alt}))*)\s*\)\s*([.!?]?)(?=\s+[A-Z\"'\u201c\u2018]|\s*$)",
    )
    dateline = re.compile(rf"^[A-Z][A-Za-z .,'-]{{1,40}}?\s*\(\s*({alt})\s*\)\s*[-\u2013\u2014:]+\s*", re.IGNORECASE)
    return citation, dateline


@lru_cache(maxsize=1)
def _canonical_outlets() -> dict[str, str]:
    return {n.lower(): n for n in _data_lines("outlets.txt")}


def canonical_outlet(name: str) -> str:
    """The outlet's name as listed in outlets.txt (first listed outlet when several are cited)."""
    first = re.split(r"\s*[,/;]\s*", name.strip())[0]
    return _canonical_outlets().get(first.lower(), first)


def is_promo(line: str) -> bool:
    return any(p.search(line) for p in _promo_patterns())


@dataclass
class RepeatedLines:
    """Counts short lines across the documents of one run, to spot site furniture."""

    min_docs: int = REPEAT_MIN_DOCS
    _docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    max_lines: int = 200_000

    def observe(self, doc_id: str, lines: list[str]) -> None:
        for ln in lines:
            if len(ln) <= REPEAT_MAX_CHARS:
                seen = self._docs[normalize_text(ln)]
                if len(seen) < self.min_docs:
                    seen.add(doc_id)
        if len(self._docs) > self.max_lines:
            # memory stays flat on long runs: forget lines that only one document has had so far
            for key in [k for k, v in self._docs.items() if len(v) < 2]:
                del self._docs[key]

    def is_repeated(self, line: str) -> bool:
        return len(self._docs.get(normalize_text(line), ())) >= self.min_docs


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of stripped lines. Single newlines inside a block are kept as lines."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # wire leads pad words with runs of spaces ("President  Bush"); one space keeps names whole
        line = _RUNS.sub(" ", raw.strip())
        if line:
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def split_citations(text: str) -> list[tuple[str, str | None]]:
    """Cut a paragraph after each outlet citation; each piece carries the outlet it cites (or None)."""
    citation, dateline = _outlet_patterns()
    lead_cited = None
    m = dateline.match(text)
    if m:
        lead_cited = canonical_outlet(m.group(1))
        text = text[m.end():]
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for m in citation.finditer(text):
        if m.start() == 0:
            continue
        body = text[pos:m.start()].strip()
        if body:
            end_mark = m.group(2) or ("" if body[-1] in ".!?\"'\u201d\u2019" else ".")
            pieces.append((body + end_mark, canonical_outlet(m.group(1))))
        pos = m.end()
    rest = text[pos:].strip()
    if rest:
        pieces.append((rest, None))
    if lead_cited:
        pieces = [(t, c or lead_cited) for t, c in pieces]
    return pieces


def _opens_with(blocks: list[list[str]], title: str) -> bool:
    first = next((ln for b in blocks for ln in b), "")
    return normalize_text(first).startswith(normalize_text(title))


def clean(doc: Document, repeated: RepeatedLines | None = None) -> CleanDocument:
    """Split a document into paragraphs, dropping boilerplate lines.

    The first paragraph is the headline when it is a single line; the next one is the
    standfirst when it is short and the article goes on after it.
    """
    blocks = _blocks(repair_references(doc.text))
    title = _RUNS.sub(" ", repair_references(doc.title).strip()) if doc.title else None
    if title and not _opens_with(blocks, title):
        # a record whose headline is kept apart from its text (JSON Lines, feeds): the headline is read too
        blocks.insert(0, [title])
    if repeated is not None:
        repeated.observe(doc.id, [ln for b in blocks for ln in b])
    dropped: list[str] = []
    kept: list[str] = []
    for block in blocks:
        lines = []
        for ln in block:
            if is_promo(ln) or (repeated is not None and repeated.is_repeated(ln)):
                dropped.append(ln)
            else:
                lines.append(ln)
        if lines:
            kept.append(" ".join(lines))
    # a plain-text first line that is the headline is its own paragraph even without a blank line
    if kept and title and kept[0] != title and kept[0].startswith(title + " "):
        kept[0:1] = [title, kept[0][len(title) + 1:]]
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    pos = 0
    for i, para in enumerate(kept):
        for body, cited in split_citations(para):
            if i == 0 and (title is None or normalize_text(para) == normalize_text(title)) and len(body) < 300 and len(kept) > 1:
                kind = "headline"
            elif len(paragraphs) == 1 and paragraphs[0].kind == "headline" and len(kept) > 2 and len(body) <= STANDFIRST_MAX_CHARS and body.count(". ") == 0 and not DATELINE.match(body):
                kind = "standfirst"
            else:
                kind = "body"
            if parts:
                pos += 2
            paragraphs.append(Paragraph(index=len(paragraphs), kind=kind, start=pos, end=pos + len(body), text=body, cited_outlet=cited))
            parts.append(body)
            pos += len(body)
    return CleanDocument(document=doc, text="\n\n".join(parts), paragraphs=tuple(paragraphs), dropped=tuple(dropped))
