"""Datelines: where a wire item was filed from and which agency filed it, at the head of a lead.

"NAJAF, Iraq - ", "THE HAGUE: ", "LONDON Oct. 14, 2004 - ", "Baghdad, Sept. 8 (NNN): ",
"AFP - ", "Canadian Press - VANCOUVER (CP) - ". The annotation guide says a dateline is never an
actor: its place may say which country an unnamed group belongs to ("rebels" filed from Najaf),
but it never acts, and neither does the agency.

``dateline_length(text)`` is how many characters at the start of a paragraph are dateline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tealeaves.actors.cues import agency_names

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?"
_CAPS = r"[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*"  # NAJAF, THE HAGUE, PORT-AU-PRINCE
_TITLED = r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*"  # Baghdad, Gaza Strip
_COUNTRY = rf"\s*,\s*{_TITLED}\.?"  # ", Iraq", ", Gaza Strip", ", Calif."
_CITE = r"\(\s*[A-Za-z][\w .&/\-]{0,40}\)"
_SEP = r"\s*(?:-{1,2}|[\u2013\u2014_]|:)\s+"
# outlets named by a word that says so: "Los Angeles Times - ", "Canadian Press - "
_OUTLET_WORD = r"(?:[A-Z][\w.&'\-]*\s+){0,4}(?:Press|Times|News|Post|Agency|Herald|Journal|Telegraph|Tribune|Monitor|Wire|Service)"

# a place in capitals needs nothing more; a place in ordinary case is a dateline only with a date or an
# agency after it ("Baghdad, Sept. 8 (NNN):"), so that "Kashmir Talks: Failure Could be Fatal" is not one
_CAPS_PLACE = re.compile(rf"{_CAPS}(?:{_COUNTRY})?(?:\s*,?\s*{_DATE})?\s*(?:{_CITE})?{_SEP}")
_TITLED_PLACE = re.compile(rf"{_TITLED}(?:{_COUNTRY})?(?:(?:\s*,?\s*{_DATE})\s*(?:{_CITE})?|\s*{_CITE}){_SEP}")


@lru_cache(maxsize=1)
def _agency_layer() -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in sorted(agency_names(), key=len, reverse=True))
    return re.compile(rf"(?:{alt}|{_OUTLET_WORD}){_SEP}")


def dateline_length(text: str) -> int:
    """Characters of dateline at the start of ``text`` (0 when it opens with no dateline)."""
    pos = 0
    for _ in range(3):  # "Canadian Press - VANCOUVER (CP) - ": an agency, then a place
        rest = text[pos:]
        m = _agency_layer().match(rest) or _CAPS_PLACE.match(rest) or _TITLED_PLACE.match(rest)
        if m is None or m.end() >= len(rest):
            break
        if m.re is _CAPS_PLACE and not re.search(r"[A-Z]{2}", m.group(0)):
            break  # "A -": a capital letter alone is no place name
        pos += m.end()
    return pos


def dateline_places(dateline: str) -> list[str]:
    """The place names of a dateline, in order: "NAJAF, Iraq (Reuters) - " -> ["NAJAF", "Iraq"]."""
    words = re.split(r"\(|\s(?:-{1,2}|[\u2013\u2014_]|:)\s|:", dateline, maxsplit=1)[0]
    pieces = [p.strip() for p in words.split(",")]
    return [re.sub(rf"\s*{_DATE}.*$", "", p) for p in pieces if p and not re.match(_DATE, p)]
