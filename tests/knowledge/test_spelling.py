from __future__ import annotations

import string

from hypothesis import example, given
from hypothesis import strategies as st

from eventwire.knowledge import load_gazetteer
from eventwire.knowledge.spelling import (
    MIN_SLIP_LENGTH,
    REAL_NAMES,
    SpellingIndex,
    article_forms,
    fold,
    plain_forms,
)

INDEX = SpellingIndex.build(
    [
        ("Philippines", "country"),
        ("Qatar", "country"),
        ("Israel", "country"),
        ("Israeli", "demonym"),
        ("Tunisian", "demonym"),
        ("Niger", "country"),
        ("Nigerian", "demonym"),
        ("Nigerien", "demonym"),
        ("Lagos", "city"),
        ("Georgia", "country-ambiguous"),
    ]
)
NAMES = sorted(INDEX.by_lower.values())


def _damerau(a: str, b: str) -> int:
    """Optimal string alignment distance, computed the slow, obvious way."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def test_common_slips_find_their_country() -> None:
    assert INDEX.one_slip("Phillippines") == "Philippines"
    assert INDEX.one_slip("Quatar") == "Qatar"
    assert INDEX.one_slip("Isreal") == "Israel"  # neighbours swapped
    assert INDEX.one_slip("Tunisain") == "Tunisian"


def test_short_words_first_letters_and_ties_are_left_alone() -> None:
    assert INDEX.one_slip("Nigel") is None  # too short to tell from a name
    assert INDEX.one_slip("Sunisian") is None  # the first letter is kept by slips
    assert INDEX.one_slip("Nigerizn") is None  # one slip from Nigerian and Nigerien
    assert INDEX.one_slip("Israel") is None  # the name itself is no slip
    assert INDEX.one_slip("Columbia") is None  # a name of its own


def test_same_letters_in_any_case() -> None:
    assert INDEX.same_letters("iSrael") == "Israel"
    assert INDEX.same_letters("TUNISIAN") == "Tunisian"
    assert INDEX.same_letters("lagos") is None  # cities are not indexed
    assert INDEX.same_letters("georgia") is None  # nor ambiguous rows


words = st.text(alphabet=string.ascii_letters, min_size=1, max_size=14)


@given(word=words)
@example(word="Nigerizn")
@example(word="Isarel")
def test_a_slip_is_always_one_edit_from_exactly_its_name(word: str) -> None:
    found = INDEX.one_slip(word)
    close = [n for n in NAMES if _damerau(word.lower(), n.lower()) == 1]
    if found is not None:
        assert found in close
        assert len(word) >= MIN_SLIP_LENGTH
        assert word[0].lower() == found[0].lower()
    elif len(word) >= MIN_SLIP_LENGTH and word.lower() not in INDEX.by_lower:
        same_first = [n for n in close if n[0].lower() == word[0].lower()]
        assert len(same_first) != 1 or word.lower() in REAL_NAMES


@given(name=st.sampled_from(NAMES), data=st.data())
def test_one_slip_inside_a_long_name_is_undone(name: str, data: st.DataObject) -> None:
    if len(name) < MIN_SLIP_LENGTH:
        return
    at = data.draw(st.integers(min_value=1, max_value=len(name) - 1))
    letter = data.draw(st.sampled_from(string.ascii_lowercase))
    slipped = name[:at] + letter + name[at:]  # one letter inserted after the first
    others = [n for n in NAMES if n != name and _damerau(slipped.lower(), n.lower()) <= 1]
    assert INDEX.one_slip(slipped) == (None if others else name)


def test_the_packaged_gazetteer_indexes_countries_and_demonyms() -> None:
    index = SpellingIndex.build(
        (phrase, found[0].kind) for phrase, found in load_gazetteer().entries.items()
    )
    assert index.one_slip("Phillippines") == "Philippines"
    assert index.one_slip("Afganistan") == "Afghanistan"
    assert index.same_letters("SYRIA") == "Syria"


@given(text=st.text(alphabet="abcčćdđeéèêëfgšžłøßæöüåñçãõ ABCČĆĐÉŠŽŁØÖÜ", max_size=20))
def test_plain_forms_are_plain_and_fold_is_idempotent(text: str) -> None:
    for form in plain_forms(text):
        assert form.isascii()
        assert fold(form) == form
    assert fold(fold(text)) == fold(text)


def test_plain_forms_of_names() -> None:
    assert plain_forms("Franjo Tuđman") == {"Franjo Tudman", "Franjo Tudjman"}
    assert plain_forms("Lech Wałęsa") == {"Lech Walesa"}
    assert plain_forms("Blinken") == set()
    assert plain_forms("Gerhard Schröder") == {"Gerhard Schroder", "Gerhard Schroeder"}


def test_an_arabic_article_is_written_four_ways() -> None:
    assert article_forms("Hamad bin Khalifa Al Thani") == {
        "Hamad bin Khalifa al-Thani",
        "Hamad bin Khalifa Al-Thani",
        "Hamad bin Khalifa al Thani",
    }
    assert "Abdel Fattah El Sisi" in article_forms("Abdel Fattah el-Sisi")
    assert article_forms("Al Gore") == set()  # a first name
    assert article_forms("Joe Biden") == set()
