"""Tokens with offsets and a one-pass phrase matcher over them (a dictionary of token n-grams).

The matcher finds every listed phrase in one left-to-right pass, longest match first, without
a regular expression per phrase. Phrases written with inner capitals or all capitals
("LAN", "KemenPAN-RB", "BPSDM") match only as written; other phrases match in any case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")
_TOKEN = re.compile(r"\w+(?:['’](?![sS]\b)\w+)*|[^\w\s]")  # "Ma'ruf" is one word; "Ministry's" two


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # the text lowercased, made once

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return list(_tokens(text))


@functools.lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[Token, ...]:
    """Tokens of a text, made once: the extractors ask again for the same article and sentences."""
    return tuple(Token(m.start(), m.end(), w := m.group(), w.lower()) for m in _TOKEN.finditer(text))


def exact_case(phrase: str) -> bool:
    """True when the phrase must match as written (an acronym or mixed-case form)."""
    words = [w for w in re.findall(r"\w+", phrase)]
    return any(any(c.isupper() for c in w[1:]) for w in words) or (len(words) == 1 and phrase[:1].isupper())


@dataclass(frozen=True)
class Match(Generic[T]):
    first: int  # index of the first token
    last: int  # index one past the last token
    start: int  # character offsets
    end: int
    surface: str
    payloads: tuple[T, ...]


@dataclass
class PhraseMatcher(Generic[T]):
    entries: dict[tuple[str, ...], list[tuple[tuple[str, ...] | None, T]]] = field(default_factory=dict)
    longest: int = 0
    lengths: dict[str, list[int]] = field(default_factory=dict)  # first word -> phrase lengths, longest first

    def add(self, phrase: str, payload: T, case_sensitive: bool | None = None) -> None:
        toks = tuple(t.text for t in tokenize(phrase))
        if not toks:
            return
        sensitive = exact_case(phrase) if case_sensitive is None else case_sensitive
        key = tuple(t.lower() for t in toks)
        bucket = self.entries.setdefault(key, [])
        entry = (toks if sensitive else None, payload)
        if entry not in bucket:
            bucket.append(entry)
        self.longest = max(self.longest, len(toks))
        sizes = self.lengths.setdefault(key[0], [])
        if len(toks) not in sizes:
            sizes.append(len(toks))
            sizes.sort(reverse=True)

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        for phrase in phrases:
            self.add(phrase, payload)

    def match_at(self, text: str, tokens: list[Token], i: int) -> Match[T] | None:
        """The longest phrase starting at token i, or None (also past the last token)."""
        if i >= len(tokens):
            return None
        sizes = self.lengths.get(tokens[i].low)
        if not sizes:
            return None  # no phrase starts with this word
        for n in sizes:
            if n > len(tokens) - i:
                continue
            if n == 1:  # the common case, without building windows
                token = tokens[i]
                bucket = self.entries.get((token.low,))
                if not bucket:
                    continue
                payloads = tuple(p for toks, p in bucket if toks is None or toks == (token.text,))
                if payloads:
                    return Match(i, i + 1, token.start, token.end, text[token.start : token.end], payloads)
                continue
            window = tokens[i : i + n]
            if any(window[k].end != window[k + 1].start and window[k + 1].text in ".-/'" for k in range(n - 1)):
                continue
            bucket = self.entries.get(tuple(t.low for t in window))
            if not bucket:
                continue
            surface = tuple(t.text for t in window)
            payloads = tuple(p for toks, p in bucket if toks is None or toks == surface)
            if payloads:
                start, end = window[0].start, window[-1].end
                return Match(i, i + n, start, end, text[start:end], payloads)
        return None

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Match[T]]:
        tokens = tokenize(text) if tokens is None else tokens
        out: list[Match[T]] = []
        lengths = self.lengths
        after = 0  # tokens before this index are inside the last match
        for i in [i for i, token in enumerate(tokens) if token.low in lengths]:  # where a phrase may start
            if i >= after:
                m = self.match_at(text, tokens, i)
                if m is not None:
                    out.append(m)
                    after = m.last
        return out
