"""Names as news copy writes them: without diacritics, in odd case, or with one slip.

:func:`fold` drops diacritics ("Karadžić" is written "Karadzic"); the gazetteer knows every
name in both forms.

Country names and demonyms are also found written with odd case or one slip of the keyboard.

Wire copy and transcribed sentences misspell and miscase place names: "Phillippines",
"Quatar", "Isreal", "iSrael", "tunisian rioters", "ISRAEL" in a headline. The gazetteer's
match is exact and case-sensitive, so each of these loses its actor. :class:`SpellingIndex`
finds the one country or demonym such a word stands for:

- the same letters in another case, always (the caller decides which words may be tried:
  a lower-case word only where it is used as a name or adjective, "turkey" the noun is not
  Turkey);
- one letter inserted, dropped or changed, or two neighbours swapped (Damerau distance 1),
  for words of at least :data:`MIN_SLIP_LENGTH` letters with the same first letter (slips
  rarely hit it, and "Siberian", "Iberia", "Inland" are not Liberian, Liberia, Finland),
  when exactly one name is that close.

Only the gazetteer's own country and demonym rows are indexed (not cities, capitals or
regions, whose short and common names are too easily hit, nor ambiguous rows).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

INDEXED_KINDS = frozenset({"country", "demonym"})
# "Nigel" is one letter from Niger, "Bening" from Benin: short words are left exact.
MIN_SLIP_LENGTH = 6
# Names in their own right one slip from a country or demonym (Colombia, Briton).
REAL_NAMES = frozenset({"columbia", "brixton"})


# Letters that do not decompose into a base letter and a mark.
_PLAIN = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "þ": "th"}
)  # fmt: skip


def fold(text: str) -> str:
    """The text without diacritics, as wire copy often writes names ("Karadžić" ->
    "Karadzic", "Tuđman" -> "Tudman", "São Tomé" -> "Sao Tome")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)[- ](?=[A-Z])")


def article_forms(name: str) -> set[str]:
    """An Arabic name's other spellings of its article: "Al Thani", "al-Thani", "Al-Thani",
    "al Thani" (the first article only)."""
    found = _ARTICLE.search(name)
    if found is None or found.start() == 0:  # "Al Gore": a first name
        return set()
    article = found.group(1).lower()
    head, tail = name[: found.start()], name[found.end() :]
    forms = {f"{head}{a}{sep}{tail}" for a in (article, article.title()) for sep in ("-", " ")}
    return forms - {name}


# How English copy writes letters with no plain ASCII letter of their own, beside folding:
# "Tuđman" as "Tudjman", German umlauts as the letter and "e" ("Schröder" as "Schroeder").
TRANSLITERATIONS = (
    ("đ", "dj"), ("Đ", "Dj"), ("ö", "oe"), ("Ö", "Oe"), ("ü", "ue"), ("Ü", "Ue"),
    ("ä", "ae"), ("Ä", "Ae"), ("ß", "ss"),
)  # fmt: skip


def plain_forms(text: str) -> set[str]:
    """The ways news copy writes a name without its diacritics, other than the name itself:
    the folded form, and the transliterated one ("Tuđman" -> "Tudman", "Tudjman";
    "Schröder" -> "Schroder", "Schroeder")."""
    forms = {fold(text)}
    written = text
    for letter, plain in TRANSLITERATIONS:
        written = written.replace(letter, plain)
    forms.add(fold(written))
    return forms - {text}


def _deletions(word: str) -> Iterator[str]:
    """``word`` and every string one letter shorter than it."""
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


@dataclass(frozen=True, slots=True)
class SpellingIndex:
    """Finds the country or demonym a miscased or misspelt single word stands for."""

    by_lower: Mapping[str, str]
    by_deletion: Mapping[str, tuple[str, ...]]

    @classmethod
    def build(cls, phrases: Iterable[tuple[str, str]]) -> SpellingIndex:
        """Index ``(phrase, kind)`` pairs; only single-word countries and demonyms count.

        A phrase whose lower case is shared by two rows ("Guinea"/"guinea" style clashes) is
        left out: it is not one name.
        """
        lower: dict[str, set[str]] = defaultdict(set)
        for phrase, kind in phrases:
            if kind in INDEXED_KINDS and phrase.isalpha():
                lower[phrase.lower()].add(phrase)
        by_lower = {key: next(iter(found)) for key, found in lower.items() if len(found) == 1}
        deletions: dict[str, set[str]] = defaultdict(set)
        for key, phrase in by_lower.items():
            for variant in _deletions(key):
                deletions[variant].add(phrase)
        return cls(
            by_lower=MappingProxyType(by_lower),
            by_deletion=MappingProxyType(
                {key: tuple(sorted(found)) for key, found in deletions.items()}
            ),
        )

    def same_letters(self, word: str) -> str | None:
        """The indexed phrase with the letters of ``word`` in any case, if any."""
        return self.by_lower.get(word.lower())

    def one_slip(self, word: str) -> str | None:
        """The one indexed phrase at Damerau distance 1 from ``word``, if exactly one is."""
        if len(word) < MIN_SLIP_LENGTH or not word.isalpha():
            return None
        key = word.lower()
        if key in self.by_lower or key in REAL_NAMES:
            return None  # the same letters, or a name of its own: not a slip
        found = {p for variant in _deletions(key) for p in self.by_deletion.get(variant, ())}
        found = {p for p in found if p[0].lower() == key[0] and _one_edit(key, p.lower())}
        return next(iter(found)) if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap of
    neighbours (shared deletions also pair some words two edits apart)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
