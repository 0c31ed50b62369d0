"""Text normalisation and whole-first-then-split matching against a vocabulary.

Matching ignores case, accents, spaces and all punctuation (docs/domein.md section 1). A cell is always
matched whole first, and split only when it matches nothing — at the first separator present in the
order of :data:`regie.vocabulary.SPLIT_SEPARATORS` — after which each part is matched the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from regie import vocabulary as voc

_ALNUM = re.compile(r"[^\W_]")
_EN_SEPARATOR = re.compile(r"\s+en\s+", re.IGNORECASE)
_HEADER_TAIL = re.compile(r"(\s*\*+|\s*\((s|en|n)\)|\s*\([^()]*\))+\s*$", re.IGNORECASE)


_KEEP = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_DROP = bytes(i for i in range(256) if i not in _KEEP)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping everything else (``"Initiëren"`` → ``"initieren"``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm(text: str) -> str:
    """Normalise for matching: no case, accents, spaces or punctuation (``"Uitvoering/keten"`` → ``"uitvoeringketen"``)."""
    if text.isascii():
        return text.lower().encode().translate(None, _DROP).decode()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed.encode("ascii", "ignore").translate(None, _DROP).decode()


_DROP_KEEP_NEWLINE = bytes(i for i in range(256) if i not in _KEEP and i != 0x0A)


def norm_many(texts: Sequence[str]) -> list[str]:
    """:func:`norm` of every text, in order. When all texts are ASCII without line breaks (ids, most
    names) they are normalised together, in a handful of C calls on one joined string."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.isascii() and joined.count("\n") == len(texts) - 1:
        return joined.lower().encode().translate(None, _DROP_KEEP_NEWLINE).decode().split("\n")
    simple = [text.isascii() and "\n" not in text for text in texts]
    if sum(simple) < len(texts) // 2:
        return [norm(text) for text in texts]
    done = iter(norm_many([text for text, ok in zip(texts, simple, strict=True) if ok]))
    return [next(done) if ok else norm(text) for text, ok in zip(texts, simple, strict=True)]


def norm_header(text: str) -> str:
    """Normalise a column header: also drop a trailing ``*``, ``(s)``, ``(en)``, ``(n)`` or ``(remark)``."""
    stripped = _HEADER_TAIL.sub("", text.strip())
    return norm(stripped or text)


def is_empty_text(text: str) -> bool:
    """True for blank text, pure punctuation and the words that mean "empty" (``nvt``, ``onbekend``...)."""
    first = text[:1]
    if first.isalnum() and first not in "oOnN":  # has a letter or digit, and no empty-like word starts so
        return False
    if len(text) > 40:  # longer than any empty-like word: only pure punctuation is empty
        return _ALNUM.search(text) is None
    key = norm(text)
    return not key or key in _EMPTY_KEYS


_EMPTY_KEYS = frozenset(norm(v) for v in voc.EMPTY_VALUES)


def cell_text(value: object) -> str:
    """A cell as text, as issues show it: numbers without ``.0``, dates in ISO form, booleans as WAAR/ONWAAR."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


_MARKS_TRUE = frozenset(fold(m) for m in voc.MARKS_TRUE)
_MARKS_FALSE = frozenset(fold(m) for m in voc.MARKS_FALSE)


def mark_value(value: object) -> bool | None:
    """Read a mark cell: True for a mark, False for no mark, None when the cell is something else."""
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value == 1:
            return True
        if value == 0:
            return False
        return None
    text = fold(cell_text(value)).strip()
    if not text:
        return False
    if text in _MARKS_TRUE:
        return True
    if text in _MARKS_FALSE:
        return False
    if is_empty_text(text) and norm(text) != "":
        return False  # nvt / onbekend: no mark, no warning
    return None


# --------------------------------------------------------------------------------------------
# Vocabulary matching
# --------------------------------------------------------------------------------------------

RULE_EXACT = "exact"
RULE_SYNONYM = "synoniem"
RULE_SPLIT = "gesplitst"
RULE_MANUAL = "handmatig toegewezen"

RULE_TEXT: dict[str, str] = {
    RULE_EXACT: "de waarde is de naam zelf",
    RULE_SYNONYM: "synoniem uit de woordenlijst",
    RULE_SPLIT: "deel van een cel met meer waarden",
    RULE_MANUAL: "handmatig toegewezen",
}


@dataclass(frozen=True)
class Match:
    """One part of a cell matched against a vocabulary: what was written, what it means and why."""

    original: str
    code: str | None
    rule: str | None
    """``exact``, ``synoniem``, ``handmatig toegewezen``, or None when ``code`` is None."""
    split: bool = False
    """True when the part came from splitting the cell."""


WholeMatcher = Callable[[str], "tuple[str, str] | None"]
"""Maps a whole text to ``(code, rule)`` or None."""


class Vocabulary:
    """A closed vocabulary: canonical codes with their synonyms, matched whole-first-then-split.

    ``manual`` holds user-supplied value mappings (normalised text → code); they are applied the
    same way as synonyms, before them, and explained as ``handmatig toegewezen``.
    """

    def __init__(
        self,
        name: str,
        synonyms: Mapping[str, Iterable[str]],
        *,
        canonical: Mapping[str, str] | None = None,
        special: WholeMatcher | None = None,
        manual: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.codes: tuple[str, ...] = tuple(synonyms)
        self._lookup: dict[str, tuple[str, str]] = {}
        for code, words in synonyms.items():
            exact = {norm(code)} | ({norm(canonical[code])} if canonical and code in canonical else set())
            for word in words:
                key = norm(word)
                if key and key not in self._lookup:
                    self._lookup[key] = (code, RULE_EXACT if key in exact else RULE_SYNONYM)
            for key in exact:
                self._lookup.setdefault(key, (code, RULE_EXACT))
        self._special = special
        self._manual: dict[str, str] = {norm(k): v for k, v in (manual or {}).items() if norm(k)}
        self._cache: dict[str, tuple[Match, ...]] = {}
        self._parts: dict[tuple[str, bool], tuple[Match, ...]] = {}
        """Every part matched so far (cells share their parts: ``visie; beleid``, ``Beleid``)."""

    def with_manual(self, manual: Mapping[str, str]) -> Vocabulary:
        """A copy that also applies the user's value mappings (original text → code)."""
        clone = object.__new__(Vocabulary)
        clone.__dict__.update(self.__dict__)
        clone._manual = {**self._manual, **{norm(k): v for k, v in manual.items() if norm(k)}}
        clone._cache = {}
        clone._parts = {}
        return clone

    def match_whole(self, text: str) -> tuple[str, str] | None:
        """``(code, rule)`` for the whole text, or None."""
        key = norm(text)
        if not key:
            return None
        if key in self._manual:
            return self._manual[key], RULE_MANUAL
        found = self._lookup.get(key)
        if found is not None:
            return found
        if self._special is not None:
            return self._special(text)
        return None

    def match(self, text: str) -> tuple[Match, ...]:
        """All parts of a cell with their codes (None for unknown parts); empty-like parts are dropped."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._match(text.replace("\r\n", "\n").replace("\r", "\n"), False)
            if len(self._cache) < 200_000:
                self._cache[text] = cached
        return cached

    def _match(self, text: str, split: bool) -> tuple[Match, ...]:
        parts_cache = self._parts
        cached = parts_cache.get((text, split))
        if cached is not None:
            return cached
        stripped = text.strip()
        if is_empty_text(stripped):
            result: tuple[Match, ...] = ()
        elif (found := self.match_whole(stripped)) is not None:
            result = (Match(stripped, found[0], found[1], split),)
        elif (parts := split_once(stripped)) is None:
            result = (Match(stripped, None, None, split),)
        else:
            result = tuple(m for part in parts for m in self._match(part, True))
        if len(parts_cache) < 200_000:
            parts_cache[(text, split)] = result
        return result


def split_once(text: str) -> list[str] | None:
    """Split at the first separator present (docs/domein.md order), or None when there is none."""
    for sep in voc.SPLIT_SEPARATORS:
        if sep == " en ":
            if _EN_SEPARATOR.search(text):
                return _EN_SEPARATOR.split(text)
        elif sep in text:
            return text.split(sep)
    return None


# --------------------------------------------------------------------------------------------
# Elements: "B - Het netwerk koesteren", "C. De rol benoemen", "Element A"
# --------------------------------------------------------------------------------------------

_ELEMENT_PREFIX = re.compile(
    r"^\s*(?:(?:regie|movisie)?\s*-?\s*element(?:en)?\s*[:.]?\s*)?([a-d])(?![0-9a-z\u00c0-\u024f])\s*[-–—.:)]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _words(text: str) -> list[str]:
    return [w for w in (norm(part) for part in re.split(r"[\s\-–—/.,:;()]+", fold(text))) if w]


_ELEMENT_WORDS: dict[str, frozenset[str]] = {
    e.code: frozenset(
        w for form in (e.name, *e.name_forms) for w in _words(form)
    ) - voc.ELEMENT_STOPWORDS
    for e in voc.ELEMENTS
}
_ELEMENT_FULL: dict[str, str] = {}
for _element in voc.ELEMENTS:
    for _form in (_element.name, *_element.name_forms):
        _ELEMENT_FULL[norm(_form)] = _element.code
        _ELEMENT_FULL["".join(w for w in _words(_form) if w not in voc.ELEMENT_STOPWORDS)] = _element.code


def match_element_text(text: str) -> tuple[str, str] | None:
    """Element code for a whole value per docs/domein.md section 2, or None (never a guess)."""
    words = [w for w in _words(text) if w not in voc.ELEMENT_STOPWORDS]
    joined = "".join(words)
    if joined in _ELEMENT_FULL and len(words) > 1:
        return _ELEMENT_FULL[joined], RULE_SYNONYM
    m = _ELEMENT_PREFIX.match(text)
    if not m:
        return None
    code = m.group(1).upper()
    rest = [w for w in _words(m.group(2)) if w not in voc.ELEMENT_STOPWORDS]
    if not rest:
        return code, RULE_EXACT if norm(text) == norm(code) else RULE_SYNONYM
    if set(rest) <= _ELEMENT_WORDS[code]:
        return code, RULE_SYNONYM
    return None
