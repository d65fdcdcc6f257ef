"""Language detection with py3langid. Only English is coded; other languages are stored and noted.

A verdict needs enough letters and a confident model: short or mixed text gets ``None``
(unknown), and unknown text is coded as if it were English rather than dropped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

CODED_LANGUAGES = frozenset({"en"})
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 1500
# Text where these words make up this share of the tokens is English without asking the model:
# no other language uses them at anything like that rate, and the check is ~50x cheaper.
ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "it", "by", "as", "at", "from", "has", "have", "be", "he", "his",
                            "are", "were", "not", "but", "this", "which", "will"})
ENGLISH_SHARE = 0.25
MIN_WORDS = 40


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    words = sample.lower().split()
    if len(words) >= MIN_WORDS and sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return "en"
    lang, prob = _identifier().classify(sample)
    return str(lang) if float(prob) >= MIN_CONFIDENCE else None


def normalize(code: object) -> str | None:
    """'en-GB', 'EN', 'eng' -> 'en'; anything unusable -> None."""
    if not isinstance(code, str) or not code.strip():
        return None
    c = code.strip().lower().replace("_", "-").split("-")[0]
    return {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "rus": "ru"}.get(c, c) if c.isalpha() else None


def not_coded_reason(language: str | None) -> str | None:
    """Why a document in ``language`` is stored without coding, or None when it is coded."""
    if language is None or language in CODED_LANGUAGES:
        return None
    return f"language '{language}' detected; only English is coded"
