"""Quotations and their speakers.

A quotation is text in double quotation marks (straight or curly, possibly running over
paragraphs) that is said by someone: a speech verb after it (``," ungkap Setiawan``,
``," bebernya``) or before it (``Herman mengatakan, "...``), or a speaker in focus. Short
quoted terms ("Jabar Digital Province") with no speech verb are not quotations. Speakers are
resolved through short names (a name that is one word of exactly one person met before) and
through pronouns and ``-nya`` (the person in focus: the last speaker or the last person who
opened a sentence).
"""

from __future__ import annotations

import bisect

import functools
import re
from dataclasses import dataclass

from kg.extract.names import is_name_token, not_names, parse_name, parse_name_before
from kg.extract.people import merge_short_names
from kg.keys import key
from kg.lexicon import Lexicon
from kg.matcher import Token, tokenize
from kg.model import Article, Findings, Person, Quote, Span

PRONOUNS = frozenset({"dia", "ia", "beliau", "he", "she"})
ADDRESS = frozenset({"pak", "bapak", "bu", "ibu", "mas", "mbak", "kang", "bang"})
MAX_TAIL = 14
MAX_NEW_NAME = 3
_NICKNAME = re.compile(r"\byang (?:akrab |biasa |karib )?(?:disapa|dipanggil|disebut|known as) "
                       r"(?P<nick>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})")
MIN_WORDS = 5
MAX_SUBJECT = 32  # tokens before a sentence's speech verb: a long office, a name and its titles


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the opening mark
    end: int  # just after the closing mark
    text: str


@functools.cache
def speech_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs after a quotation, verbs before it), lower case, with their -nya forms."""
    after: set[str] = set()
    before: set[str] = set()
    for v in Lexicon.load().speech_verbs:
        target = after if v.kind == "after" else before if v.kind == "before" else None
        if target is not None:
            target.add(v.verb.lower())
    return frozenset(after), frozenset(before)


def find_quotes(body: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for m in re.finditer(r"[\"“]", body):
        if out and m.start() < out[-1].end:
            continue
        close = _closing(body, m.start())
        if close is None:
            continue
        inner = body[m.start() + 1 : close]
        text = " ".join(re.sub(r"^[\"“”\s]+|[\"“”\s]+$", "", line) for line in inner.split("\n") if line.strip())
        out.append(QuoteSpan(m.start(), close + 1, text.strip().rstrip(",").strip()))
    return out


def _closing(body: str, start: int) -> int | None:
    """The closing mark of the quotation opened at ``start``; it may run over paragraphs."""
    i = start + 1
    while i < len(body):
        ch = body[i]
        if ch in "\"”":
            return i
        if ch == "\n":
            nxt = body[i + 1 :].lstrip(" \n")
            if not nxt.startswith(("\"", "“")):
                return None
            i = i + 1 + (len(body[i + 1 :]) - len(nxt))
        i += 1
    return None


class Speakers:
    """Resolves names, short names and pronouns to person keys; tracks the person in focus."""

    def __init__(self, found: Findings) -> None:
        self.found = found
        self.focus: str | None = None
        self.last_speaker: str | None = None
        self.nicknames: dict[str, str] = {}

    def people(self) -> list[Person]:
        return [p for p in self.found.of(Person) if p.key not in self.found.byline]

    def resolve(self, name: str, span: Span) -> str | None:
        if name in self.nicknames:
            return self.nicknames[name]
        words = name.split()
        for p in self.people():
            if p.name == name:
                return p.key
        fits = [p for p in self.people() if len(words) == 1 and words[0] in p.name.split()]
        if len(fits) == 1:
            return fits[0].key
        if len(fits) > 1 or name.lower() in not_names() or len(words) > MAX_NEW_NAME or _not_a_name(name) \
                or _inside_other_mention(self.found, span):
            return None
        person = Person(key("person", name), name, span=span)
        self.found.add(person)
        self.found.mention(person.key, span)
        return person.key


def extract(article: Article, found: Findings) -> list[Quote]:
    body = article.body
    tokens = tokenize(body)
    speakers = Speakers(found)
    quotes = find_quotes(body)
    out: list[Quote] = []
    for sentence in article.sentences:
        inside = [q for q in quotes if sentence.start <= q.start < sentence.end]
        if not inside:
            _update_focus(body, tokens, sentence.start, sentence.end, speakers)
            _nicknames(body, tokens, sentence.start, sentence.end, speakers)
            continue
        for q in inside:
            speaker = _speaker(body, tokens, q, sentence.start, speakers)
            if speaker is None or len(q.text.split()) < MIN_WORDS:
                continue
            speakers.focus = speakers.last_speaker = speaker
            out.append(Quote(f"quote/{article.id}-{len(out) + 1}", q.text, speaker, Span(q.start, q.end)))
    found.quotes.extend(out)
    merge_short_names(found)
    merged, found.quotes[:] = list(found.quotes), []
    return merged


def _tokens_between(tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens if start <= t.start and t.end <= end]


def _speaker(body: str, tokens: list[Token], q: QuoteSpan, line_start: int, sp: Speakers) -> str | None:
    after, before = speech_verbs()
    tail = [t for t in tokens if t.start >= q.end][:MAX_TAIL]
    tail = tail[: next((i for i, t in enumerate(tail) if t.text in ".\"“" or "\n" in body[q.end : t.start]), len(tail))]
    idx = 1 if tail and tail[0].text == "," else 0
    if len(tail) > idx:
        verb = tail[idx].low
        if verb.endswith("nya") and verb[:-3] in after:
            return sp.last_speaker if verb[:-3] == "imbuh" and sp.last_speaker else sp.focus
        if verb in after:
            return _named(body, tokens, tokens.index(tail[idx]) + 1, sp)
        for v in range(idx + 1, len(tail)):
            if tail[v].low in after or tail[v].low in before:
                return _subject_before(body, tokens, tokens.index(tail[v]), sp, lo=tail[idx].start)
    head = _tokens_between(tokens, line_start, q.start)
    for i in range(len(head) - 1, -1, -1):
        if head[i].low in before or head[i].low in after or head[i].low == "menurut":
            at = tokens.index(head[i])
            who = _subject_before(body, tokens, at, sp, lo=line_start) if head[i].low != "menurut" else None
            return who if who else _named(body, tokens, at + 1, sp)
    return sp.focus if len(q.text.split()) >= MIN_WORDS else None


def _named(body: str, tokens: list[Token], i: int, sp: Speakers) -> str | None:
    """The speaker named from token i on: a person mention, an office, a pronoun, or a name."""
    for j in range(i, min(i + 8, len(tokens))):
        k = sp.found.key_at(tokens[j].start, "person/")
        if k is not None:
            return k
        if tokens[j].low in PRONOUNS:
            return sp.focus
        if tokens[j].text in ",.;" or tokens[j].text in "\"“":
            break
    holder = _office_holder(body, tokens, i, sp)
    if holder is not None:
        return holder
    name = parse_name(body, tokens, i)
    if name is None or not is_name_token(tokens[name.first]) and name.prefix is None:
        return None
    return sp.resolve(name.name, Span(name.start, name.end))


def _person_at(found: Findings, offset: int) -> str | None:
    """The person whose mention (titles included) covers a character offset."""
    for link in found.mentions:
        if link.key.startswith("person/") and link.span.start <= offset < link.span.end:
            return link.key
    return None


def _inside_other_mention(found: Findings, span: Span) -> bool:
    """A name the article already read as (part of) a body, an office or a place ('Kepala Desa
    Air Belo', 'Bappenas said') is no new speaker."""
    return any(not link.key.startswith("person/") and link.span.start <= span.start and span.end <= link.span.end
               for link in found.mentions)


def _office_holder(body: str, tokens: list[Token], i: int, sp: Speakers) -> str | None:
    """'kata Wabup', 'ujar Pak Wali': the person who holds that office in the article."""
    from kg.extract.people import role_matcher

    from kg.lexicon import Qualifier

    j = i + (i < len(tokens) and tokens[i].low in ADDRESS)
    m = role_matcher().match_at(body, tokens, j) if j < len(tokens) else None
    while m is not None and isinstance(m.payloads[0], Qualifier):
        j = m.last + (m.last < len(tokens) and tokens[m.last].text == ".")
        m = role_matcher().match_at(body, tokens, j) if j < len(tokens) else None
    if m is None:
        return None
    surface = m.surface.lower()
    holders = []
    for h in sp.found.holdings:
        post = sp.found.entities.get(h.post)
        role = sp.found.entities.get(getattr(post, "role", ""))
        forms = {x.lower() for x in (*(role.aliases if role else ()), role.name if role else "")}
        fits = any(f == surface or f.startswith(surface + " ") or f.endswith(" " + surface) for f in forms)
        if fits and h.person not in holders:
            holders.append(h.person)
    return holders[0] if len(holders) == 1 else None


def _subject_before(body: str, tokens: list[Token], i: int, sp: Speakers, lo: int = 0) -> str | None:
    """The speaker named just before the speech verb at token i ('Agus menegaskan', 'Morimoto said')."""
    if i > 0 and tokens[i - 1].low in PRONOUNS:
        return sp.focus
    window = [j for j in range(max(0, i - 8), i) if tokens[j].start >= lo]
    for j in reversed(window):
        k = _person_at(sp.found, tokens[j].start)
        if k is not None:
            return k
    end = i - 1 if i > 1 and tokens[i - 1].text == "," else i  # '..., Ahmad Faisal Rangkuti, said'
    name = parse_name_before(body, tokens, end)
    if name is not None and name.start >= lo and is_name_token(tokens[name.first]):
        words = name.name.split()
        if len(words) > MAX_NEW_NAME:  # 'Senior Social Development Specialist Sarah Whitmore said'
            words = words[-2:]
            tail = body.rfind(words[0], name.start, name.end)
            return sp.resolve(" ".join(words), Span(tail, name.end))
        return sp.resolve(name.name, Span(name.start, name.end))
    for j in window:
        holder = _office_holder(body, tokens, j, sp)
        if holder is not None:
            return holder
    return None


def _update_focus(body: str, tokens: list[Token], start: int, end: int, sp: Speakers) -> None:
    """A sentence's speaker or subject goes into focus: the one named before its first speech
    verb ('Kepala BPSDM Jatim, Dr. Bambang ..., menyebut'), after 'Menurut', or a person that
    opens the sentence."""
    first = _first_token_at(tokens, start)
    sentence = tokens[first : _first_token_at(tokens, end)]
    if sentence and sentence[0].low == "menurut" and len(sentence) > 1:
        who = _named(body, tokens, first + 1, sp)
        if who:
            sp.focus = who
            return
    verbs = _all_verbs()
    for n, t in enumerate(sentence[:MAX_SUBJECT]):
        if t.low in verbs and n > 0:
            who = _subject_before(body, tokens, first + n, sp, lo=start)
            if who:
                sp.focus = who
            return
    for t in sentence[:15]:
        k = sp.found.key_at(t.start, "person/")
        if k is not None:
            sp.focus = k
            return


def _first_token_at(tokens: list[Token], offset: int) -> int:
    """The index of the first token starting at or after ``offset`` (tokens are in text order)."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)


def _nicknames(body: str, tokens: list[Token], start: int, end: int, sp: Speakers) -> None:
    """'Rendy Lasabuda yang akrab disapa Papa Nayla', 'Pj. Gubernur yang akrab disapa Papa Nadia',
    'Pria yang akrab disapa Mas Bambang': the nickname names that person from now on."""
    for m in _NICKNAME.finditer(body, start, end):
        at = next((i for i, t in enumerate(tokens) if t.start >= start + 0 and t.start >= m.start()), None)
        if at is None:
            continue
        who = _subject_before(body, tokens, at, sp, lo=start) or sp.focus
        person = sp.found.entities.get(who or "")
        if isinstance(person, Person):
            nick = m.group("nick")
            sp.nicknames[nick] = person.key
            sp.found.add(Person(person.key, person.name, (nick,)))
            sp.found.mention(person.key, Span(m.start("nick"), m.end("nick")))


def _not_a_name(name: str) -> bool:
    """An office word or a known body is never a new person ('kata Bupati', 'ujar Bappeda')."""
    from kg.extract.people import role_matcher

    toks = tokenize(name)
    m = role_matcher().match_at(name, toks, 0)
    return m is not None or name.isupper()


@functools.cache
def _all_verbs() -> frozenset[str]:
    return frozenset(v.verb.lower() for v in Lexicon.load().speech_verbs if " " not in v.verb)
