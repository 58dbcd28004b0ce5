"""Reading TABARI/PETRARCH verb dictionaries (``*.verbs.txt``, Phoenix ``CAMEO.2.0.txt``).

What the files hold, and what eventwire makes of it::

    &TIETYPES                     # a synonym set: '&NAME', then one '+PHRASE' per line;
    +MILITARY                     # members may name earlier sets (+&CURRENCY); each
    +TREATY                       # member also matches its plural (TREATIES), unless it
    +GOLDEN_GOOSE_                # looks plural already (TIES) or it or the set's name
                                  # ends in '_' (&PREPOSIT_)

    --- ABANDON  [345]  ---       # a verb block and the code of its isolated verbs
    ABANDON                       # a verb: regular forms (S, ED, ING) are generated
    FREEZE {FREEZES FROZE} [160]  # or its forms listed in {...} (then none is generated);
                                  # a code of its own in [...]
    +BREAK_DOWN {+BROKE_DOWN}     # a multi-word verb: '+' marks the verb word
    - * DIPLOMATIC TIES [901]     # a pattern of the block: '*' is the verb's place
    - + WAS_ * TO_ ^ FROM $ [174] # '$' source, '+' target, '%' compound actor, '^' skip
    - * {BANK ACCOUNT} [163]      # Phoenix: {...} consecutive words, (...) a phrase
    ~ a (a b ATTACK) SAY = a b 015   # transformation: not supported, skipped and counted

Codes: ``[---]`` (or no code) is the null code, a verb or pattern that makes no event;
``[032:033]`` is a pair, the second code for the same event seen from the target's side;
codes other than 2-4 digit CAMEO codes (``[075A]``, ``[abc]``) are skipped with a reason.
Blanks between pattern words allow other words between them; ``_`` requires consecutive
words. A pattern word matches that very word (PETRARCH does no stemming: RESOLUTION is not
"resolutions"); only synonym set members get a plural. Skipped lines are counted in the
:class:`ImportReport` with their line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from eventwire.knowledge.tabari_agents import regular_plural
from eventwire.knowledge.tabari_base import ImportReport, ReportBuilder, content_lines, read_lines

NULL_CODE = ""
ROLE_MARKS = frozenset("$+%^")
MAX_SET_DEPTH = 8
_CODE = re.compile(r"\d{2,4}")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"[A-Z0-9][A-Z0-9'.\-]*")
_ES_ENDINGS = ("S", "X", "Z", "CH", "SH")


@dataclass(frozen=True, slots=True)
class PatternItem:
    """One element of a pattern.

    ``kind`` is ``word`` (``alternatives``: word sequences, each of consecutive words),
    ``source`` ($), ``target`` (+), ``compound`` (%) or ``skip`` (^). ``joined`` is True
    when it must follow the previous element directly (``_``).
    """

    kind: str
    alternatives: tuple[tuple[str, ...], ...] = ()
    joined: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A ``- ... * ... [CODE]`` line: the elements before and after the verb."""

    before: tuple[PatternItem, ...]
    after: tuple[PatternItem, ...]
    code: str
    reverse_code: str
    line: int
    joined_before: bool = False  # ``IN_*``: the last word before must touch the verb

    @property
    def words(self) -> int:
        """How specific the pattern is: its number of literal elements."""
        return sum(item.kind == "word" for item in self.before + self.after)


@dataclass(frozen=True, slots=True)
class TabariVerb:
    """One verb line: its base (upper case), word forms, the words that must stand right
    before and after it (multi-word verbs), its own code, and its block."""

    base: str
    forms: tuple[str, ...]
    pre_words: tuple[str, ...]
    post_words: tuple[str, ...]
    code: str | None
    reverse_code: str
    block: int
    line: int


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """A ``--- NAME [CODE] ---`` block: the default code of its verbs and its patterns."""

    name: str
    code: str
    reverse_code: str
    patterns: tuple[VerbPattern, ...]
    line: int


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """An imported verb dictionary: verbs by lower-case word form, and their blocks."""

    source: str
    blocks: tuple[VerbBlock, ...]
    verbs: tuple[TabariVerb, ...]
    by_form: Mapping[str, tuple[TabariVerb, ...]]

    def lookup(self, *words: str) -> tuple[TabariVerb, ...]:
        """Verbs one of whose forms is one of ``words`` (lower case), first word first."""
        for word in words:
            found = self.by_form.get(word)
            if found:
                return found
        return ()


def verb_forms(base: str) -> tuple[str, ...]:
    """The regular forms of an upper-case verb: base, 3rd person, past, gerund."""
    if not base.isalpha():
        return (base,)
    if base.endswith("E"):
        return (base, base + "S", base + "D", base[:-1] + "ING")
    if base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        return (base, base[:-1] + "IES", base[:-1] + "IED", base + "ING")
    if base.endswith(_ES_ENDINGS):
        return (base, base + "ES", base + "ED", base + "ING")
    return (base, base + "S", base + "ED", base + "ING")


def parse_codes(text: str) -> tuple[str, str] | str:
    """``032:033`` -> ("032", "033"); ``---`` -> ("", ""); or the reason it is unusable."""
    main, _, reverse = "".join(text.split()).partition(":")
    codes = []
    for code in (main, reverse):
        if not code or set(code) <= {"-"}:
            codes.append(NULL_CODE)
        elif _CODE.fullmatch(code):
            codes.append(code)
        else:
            return f"not a CAMEO code: [{text.strip()}]"
    return codes[0], codes[1]


class _Reader:
    """The state of reading one file: synonym sets, blocks and verbs so far."""

    def __init__(self, source: str) -> None:
        self.report = ReportBuilder(source, "verbs")
        self.sets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.blocks: list[VerbBlock] = []
        self.patterns: list[VerbPattern] = []
        self.verbs: list[TabariVerb] = []
        self.open_set: str | None = None
        self.open_set_plurals = True
        self.header: tuple[str, str, str, int] | None = None

    def close_block(self) -> None:
        if self.header is not None:
            name, code, reverse, line = self.header
            self.blocks.append(VerbBlock(name, code, reverse, tuple(self.patterns), line))
        self.header = None
        self.patterns = []

    def line(self, number: int, content: str) -> None:
        if content.startswith("&"):
            self.close_set()
            raw = content.split(maxsplit=1)[0]
            name = raw.rstrip("_").upper()
            self.sets[name] = ()
            self.open_set = name
            self.open_set_plurals = not raw.endswith("_")
            self.report.substitution_sets += 1
            return
        if content.startswith("+") and self.open_set is not None:
            self.set_member(number, content)
            return
        self.open_set = None
        if content.startswith("~"):
            self.report.skip(number, "transformation (unsupported)", content)
        elif content.startswith("---"):
            self.block_header(number, content)
        elif content.startswith("-"):
            self.pattern(number, content[1:])
        elif self.header is None:
            self.report.skip(number, "verb outside a '--- NAME ---' block", content)
        else:
            self.verb(number, content)

    def close_set(self) -> None:
        self.open_set = None

    def set_member(self, number: int, content: str) -> None:
        assert self.open_set is not None
        text = content[1:].strip()
        if text.startswith("&"):
            name = text.split()[0].rstrip("_").upper()
            if name not in self.sets:
                self.report.skip(number, "undefined synonym set", content)
                return
            members = self.sets[name]
        else:
            phrase = text.split("#", 1)[0].strip()
            words = tuple(_WORD.findall(phrase.replace("_", " ").upper()))
            if not words:
                self.report.skip(number, "empty synonym", content)
                return
            members = (words,)
            plural = _set_plural(words[-1])
            if self.open_set_plurals and not phrase.endswith("_") and plural:
                members += ((*words[:-1], plural),)
        self.sets[self.open_set] = self.sets[self.open_set] + members
        self.report.phrases += len(members)

    def block_header(self, number: int, content: str) -> None:
        self.close_block()
        body = content.strip("- \t")
        codes = _BRACKET.findall(body)
        name = _BRACKET.sub(" ", body).strip().replace("_", " ").upper()
        parsed = parse_codes(codes[0]) if codes else (NULL_CODE, NULL_CODE)
        if isinstance(parsed, str):
            self.report.skip(number, f"block code {parsed}", content)
            parsed = (NULL_CODE, NULL_CODE)
        if len(codes) > 1:
            self.report.skip(number, "second block code ignored", content)
        if not name:
            self.report.skip(number, "block without a name", content)
        self.header = (name or "?", parsed[0], parsed[1], number)
        self.report.entries += 1

    def verb(self, number: int, content: str) -> None:
        codes = _BRACKET.findall(content)
        head = _BRACKET.sub(" ", content)
        code: str | None = None
        reverse = NULL_CODE
        if codes:
            parsed = parse_codes(codes[0])
            if isinstance(parsed, str):
                self.report.skip(number, f"verb code {parsed}", content)
                return
            code, reverse = parsed
        irregular: list[str] = []
        if "{" in head:
            start, end = head.find("{"), head.find("}")
            if end < start:
                self.report.skip(number, "unclosed '{'", content)
                return
            irregular = head[start + 1 : end].replace(",", " ").split()
            head = head[:start] + head[end + 1 :]
        found = _split_verb(head)
        if isinstance(found, str):
            self.report.skip(number, found, content)
            return
        pre, base, post = found
        # listed forms replace the generated ones: "LEAVE {LEFT}" has no "LEAVED"
        forms = [base] if irregular else list(verb_forms(base))
        for form in irregular:
            parsed_form = _split_verb(form)
            if isinstance(parsed_form, str):
                self.report.skip(number, f"{{...}} form: {parsed_form}", content)
                continue
            forms.append(parsed_form[1])
        self.verbs.append(
            TabariVerb(
                base=base,
                forms=tuple(dict.fromkeys(f.lower() for f in forms)),
                pre_words=pre,
                post_words=post,
                code=code,
                reverse_code=reverse,
                block=len(self.blocks),
                line=number,
            )
        )
        self.report.phrases += 1
        self.report.codes += code is not None

    def pattern(self, number: int, text: str) -> None:
        if self.header is None:
            self.report.skip(number, "pattern outside a '--- NAME ---' block", text)
            return
        codes = _BRACKET.findall(text)
        if len(codes) != 1:
            self.report.skip(number, "pattern needs exactly one [CODE]", text)
            return
        parsed = parse_codes(codes[0])
        if isinstance(parsed, str):
            self.report.skip(number, f"pattern code {parsed}", text)
            return
        body = _BRACKET.sub(" ", text)
        items = _pattern_items(body, self.sets)
        if isinstance(items, str):
            self.report.skip(number, items, text)
            return
        before, after, joined = items
        self.patterns.append(VerbPattern(before, after, parsed[0], parsed[1], number, joined))
        self.report.codes += 1


def _set_plural(word: str) -> str | None:
    """The plural a set member also matches; none for a word that already looks plural
    (RELATIONS, TIES; but PROCESS -> PROCESSES)."""
    if word.endswith("S") and not word.endswith("SS"):
        return None
    return regular_plural(word)


def _split_verb(text: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | str:
    """``KLM_NOP_+RST`` -> (("KLM", "NOP"), "RST", ()); a plain verb has no other words."""
    words = text.replace("_", " ").upper().split()
    if not words:
        return "verb line without a verb"
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1:
        return "more than one '+' verb word"
    at = marked[0] if marked else 0
    words[at] = words[at].lstrip("+")
    if not all(_WORD.fullmatch(w) for w in words):
        return "malformed verb"
    return tuple(words[:at]), words[at], tuple(words[at + 1 :])


def _tokens(body: str) -> list[tuple[str, bool]] | str:
    """Pattern text -> ``(token, joined to the previous token)``; groups stay one token."""
    out: list[tuple[str, bool]] = []
    i, joined = 0, False
    while i < len(body):
        ch = body[i]
        if ch.isspace():
            joined = False
            i += 1
        elif ch == "_":
            joined = bool(out)
            i += 1
        elif ch in "{(":
            close = body.find("}" if ch == "{" else ")", i)
            if close < 0:
                return f"unclosed '{ch}'"
            out.append((body[i : close + 1], joined))
            joined, i = False, close + 1
        elif ch in "*" or ch in ROLE_MARKS:
            out.append((ch, joined))
            joined, i = False, i + 1
        else:
            j = i
            while j < len(body) and not body[j].isspace() and body[j] not in "_{(*$+%^":
                j += 1
            out.append((body[i:j], joined))
            joined, i = False, j
    return out


def _pattern_items(
    body: str, sets: Mapping[str, tuple[tuple[str, ...], ...]]
) -> tuple[tuple[PatternItem, ...], tuple[PatternItem, ...], bool] | str:
    tokens = _tokens(body)
    if isinstance(tokens, str):
        return tokens
    stars = [i for i, (t, _) in enumerate(tokens) if t == "*"]
    if len(stars) != 1:
        return "pattern needs exactly one '*'"
    items: list[PatternItem] = []
    for token, joined in tokens:
        if token == "*":
            items.append(PatternItem("verb", joined=joined))
            continue
        kind = {"$": "source", "+": "target", "%": "compound", "^": "skip"}.get(token)
        if kind is not None:
            items.append(PatternItem(kind, joined=joined))
            continue
        alternatives = _alternatives(token, sets)
        if isinstance(alternatives, str):
            return alternatives
        items.append(PatternItem("word", alternatives, joined))
    star = next(i for i, item in enumerate(items) if item.kind == "verb")
    return tuple(items[:star]), tuple(items[star + 1 :]), items[star].joined


def _alternatives(
    token: str, sets: Mapping[str, tuple[tuple[str, ...], ...]]
) -> tuple[tuple[str, ...], ...] | str:
    if token.startswith("&"):
        name = token.rstrip("_").upper()
        if name not in sets:
            return "undefined synonym set"
        return sets[name]
    if token[0] in "{(":
        words = tuple(
            w for w in _WORD.findall(token[1:-1].replace("_", " ").upper()) if w not in ROLE_MARKS
        )
        return (words,) if words else "empty group"
    word = token.upper()
    if not _WORD.fullmatch(word):
        return f"malformed pattern word {token!r}"
    return ((word,),)


def parse_verb_lines(
    lines: Iterable[str], *, source: str = "<text>"
) -> tuple[VerbDictionary, ImportReport]:
    """Parse a verb dictionary given as lines (with or without line ends)."""
    reader = _Reader(source)
    for number, content in content_lines(lines, reader.report):
        reader.line(number, content)
    reader.close_block()
    by_form: dict[str, list[TabariVerb]] = {}
    for verb in reader.verbs:
        for form in verb.forms:
            by_form.setdefault(form, []).append(verb)
    dictionary = VerbDictionary(
        source=source,
        blocks=tuple(reader.blocks),
        verbs=tuple(reader.verbs),
        by_form=MappingProxyType({k: tuple(v) for k, v in by_form.items()}),
    )
    return dictionary, reader.report.build()


def read_verb_dictionary(path: Path) -> tuple[VerbDictionary, ImportReport]:
    """Read a verb dictionary file; LexiconError only if it cannot be read at all."""
    return parse_verb_lines(read_lines(path), source=str(path))
