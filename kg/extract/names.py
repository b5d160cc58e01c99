"""Person names in running text: honorifics and academic titles split off the name.

``parse_name`` reads a name that starts at a token (after optional prefixes such as "Drs. H."
or "Bapak"), ``parse_name_before`` one that ends just before a token. The forms of titles and
the words that are never names come from the lexicon data files.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.lexicon import Lexicon
from kg.matcher import PhraseMatcher, Token
from kg.paths import DATA

MAX_NAME_TOKENS = 5


@dataclass(frozen=True)
class NameMatch:
    first: int  # first token index (titles included)
    last: int  # one past the last token (titles included)
    start: int
    end: int
    name: str
    prefix: str | None
    suffix: str | None


@functools.cache
def _titles(position: str) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for h in Lexicon.load().honorifics:
        if h.position == position or (position == "prefix" and h.position == "address"):
            form = h.form.rstrip(".")
            matcher.add(form, h.position, case_sensitive=False)
            matcher.add(form + ".", h.position, case_sensitive=False)
    return matcher


@functools.cache
def not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in Lexicon.load().not_names)


@functools.cache
def name_particles() -> frozenset[str]:
    lines = (DATA / "name_particles.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def is_name_token(tok: Token) -> bool:
    t = tok.text
    return (
        t[:1].isupper()
        and t.replace("'", "").replace("’", "").isalpha()
        and not (len(t) > 3 and t.isupper())
        and t.lower() not in not_names()
    )


def _prefixes(text: str, tokens: list[Token], i: int) -> tuple[int, list[str]]:
    found: list[str] = []
    while i < len(tokens):
        m = _titles("prefix").match_at(text, tokens, i)
        if m is None or not (tokens[i].is_cap or tokens[i].text == "dr"):
            break
        found.append(m.surface)
        i = m.last
    return i, found


def _suffixes(text: str, tokens: list[Token], i: int) -> tuple[int, list[str]]:
    found: list[str] = []
    while i + 1 < len(tokens) and tokens[i].text == ",":
        m = _titles("suffix").match_at(text, tokens, i + 1)
        if m is None:
            break
        found.append(m.surface.rstrip(".,"))
        i = m.last
    return i, found


def parse_name(text: str, tokens: list[Token], i: int) -> NameMatch | None:
    """A person name starting at token i (prefix titles first), or None."""
    j, prefixes = _prefixes(text, tokens, i)
    k = j
    if k + 1 < len(tokens) and tokens[k].text in name_particles() and is_name_token(tokens[k + 1]):
        k += 1
    while k < len(tokens) and k - j < MAX_NAME_TOKENS and is_name_token(tokens[k]):
        if _titles("suffix").match_at(text, tokens, k) and k > j:
            break
        k += 1
        if k + 1 < len(tokens) and tokens[k].text == "-" and tokens[k].start == tokens[k - 1].end \
                and tokens[k + 1].start == tokens[k].end and tokens[k + 1].text.isalpha():
            k += 2  # 'Ji-hoon', 'Min-seo'
            continue
    if k == j:
        return None
    name = text[tokens[j].start : tokens[k - 1].end]
    end_tok, suffixes = _suffixes(text, tokens, k)
    if end_tok == k and k < len(tokens) and _titles("suffix").match_at(text, tokens, k):
        m = _titles("suffix").match_at(text, tokens, k)
        assert m is not None
        end_tok, suffixes = m.last, [m.surface.rstrip(".,")]
    last_tok = tokens[end_tok - 1]
    return NameMatch(
        first=i,
        last=end_tok,
        start=tokens[i].start,
        end=last_tok.end,
        name=" ".join(name.split()),
        prefix=" ".join(prefixes) or None,
        suffix=", ".join(suffixes) or None,
    )


def parse_name_before(text: str, tokens: list[Token], end: int, reach: int = 10) -> NameMatch | None:
    """A person name whose last token (titles included) is token end-1, or None."""
    for i in range(max(0, end - reach), end):
        m = parse_name(text, tokens, i)
        if m is not None and m.last == end:
            return m
    return None


def headline_spans(body: str) -> list[tuple[int, int]]:
    """Lines written in headline case ('Wabup Kutim Lepas Peserta Pelatihan ke Jepang'): their
    capitalized words are not names, so no person is read from them."""
    out: list[tuple[int, int]] = []
    offset = 0
    for line in body.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        long_words = [w for w in words if len(w) > 3]
        if 4 <= len(words) <= 16 and not line.rstrip().endswith((".", '"', "”")) and long_words and \
                sum(w[:1].isupper() for w in long_words) >= 0.75 * len(long_words):
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out
