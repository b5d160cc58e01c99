"""Splitting text into sentences with character offsets.

A sentence ends at a line break or at ``.``, ``!`` or ``?`` followed by a space and an
upper-case letter, a digit or a quotation mark, unless the period ends a known abbreviation
(data file ``abbreviations.txt``) or a one-letter initial. A period inside quotation marks
does not end the sentence, so a quotation and its speech verb stay together. A period typed
without its space between a lower-case word and a capitalised one ("Kediri.Pelatihan") ends a
sentence too, unless the word is an abbreviation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.model import Sentence
from kg.paths import DATA

OPENING = "\"“”„«"
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_GLUED = re.compile(r"[a-z]{3}\.[A-Z][a-z]{2,}\b(?!\.\w)")
_CANDIDATE = re.compile(r'["“”.!?]')


@functools.cache
def abbreviations() -> frozenset[str]:
    lines = (DATA / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def _is_abbreviation(line: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(line, 0, dot)
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    return len(word) == 1 or word in abbreviations() or word.split(".")[-1] in abbreviations()


def _glued(line: str, dot: int) -> bool:
    """'di Kabupaten Kediri.Pelatihan berlangsung': a sentence end typed without its space."""
    match = _GLUED.match(line, dot - 3)
    return dot >= 3 and match is not None and not _is_abbreviation(line, dot)


def _boundaries(line: str) -> Iterator[int]:
    """Offsets (within one line) just after each sentence end."""
    inside = False
    for m in _CANDIDATE.finditer(line):  # only quotation marks and sentence punctuation matter
        i, ch = m.start(), m.group()
        if ch in "\"“”":
            inside = not inside if ch == '"' else ch == "“"
            continue
        if inside:
            continue
        if ch == "." and _glued(line, i):
            yield i + 1
            continue
        if line[i + 1 : i + 2] != " ":
            continue
        rest = line[i + 1 :].lstrip()
        if not rest:
            continue
        nxt = rest[0]
        if not (nxt.isupper() or nxt.isdigit() or nxt in OPENING):
            continue
        if ch == "." and _is_abbreviation(line, i):
            continue
        yield i + 1


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Sentences of ``body`` in order; blank lines and blanked-out lines give none."""
    out: list[Sentence] = []
    offset = 0
    for line in body.split("\n"):
        start = 0
        for end in [*_boundaries(line), len(line)]:
            _add(out, line, offset, start, end)
            start = end
        offset += len(line) + 1
    return tuple(out)


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    out.append(Sentence(len(out), begin, begin + len(stripped), stripped))
