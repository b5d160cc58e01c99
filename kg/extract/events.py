"""Capacity-building events: name, kind, dates, places, organizer, host, participants, topics.

Finding comes first: event words of the lexicon (pelatihan, bimtek, studi tiru ...), names in
quotation marks after a naming word ("bertajuk '...'"), and capitalized names around an event
word ("Diklat PIM IV Angkatan II", "Digital Leadership Academy"). Choosing follows: each
distinct name is an event; event words that name no event belong to the main (first) event.
Each event then takes what the sentences that mention it say (see the ``_fill`` helpers).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg import dates, numbers
from kg.keys import key, slug
from kg.lexicon import EventKind, Lexicon
from kg.matcher import Match, PhraseMatcher, Token, tokenize
from kg.model import (Article, Audience, Event, Findings, Link, Organization, Person, Post, Region, Sentence,
                      Span, Topic, Venue)
from kg.resources import column, table

_QUOTED_NAME = r"\s*:?\s*['\"“‘](?P<name>[^'\"”’\n]{6,200})['\"”’]"
_ROMAN = re.compile(r"^(?:[IVX]{1,5}|1V)$")
_CONNECT = frozenset({"dan", "bagi", "untuk", "tentang", "of", "for", "and", "on", "the", "in"})
LOCATION_LINKERS = frozenset({"di", "in", "at", "ke", "to"})
ONE_DAY_KINDS = frozenset({"seminar", "workshop"})
MAX_GROUP_TOKENS = 12
LIST_JOINERS = frozenset({"dan", "serta", "and"})
GROUP_LEADERS = frozenset({"para", "sebanyak", "seluruh", "semua", "sejumlah", "all", "the", "oleh", "by", ":",
                           "orang", "total"})
GROUP_STOPS = frozenset({"yang", "untuk", "guna", "agar", "selama", "pada", "mulai", "sejak", "hingga", "sampai",
                         "dengan", "who", "which", "to", "for", "on", "at", "during", "since", "until", "with",
                         "sebagai", "as", "itu", "tersebut", "ini", "come", "came", "are", "is", "was", "were",
                         "will", "would", "have", "has", "had", "said", "say", "says", "include", "includes",
                         "including", "attended", "took", "take", "joined", "join", "taking", "attending",
                         "participating", "telah", "akan", "sudah", "sedang", "masih", "tidak", "bukan", "belum",
                         "lebih", "juga", "pun", "hanya", "harus", "perlu", "dapat", "bisa", "mampu", "wajib"})
PLURAL_LEADERS = frozenset({"para", "sebanyak", "seluruh", "sejumlah"})
SIDE_KINDS = frozenset({"study-visit", "workshop"})
SIDE_STOP = frozenset({"pada", "tanggal", "selama", "mulai", "on", "from", "during", "yang", "untuk", "guna",
                       "dan", "sebelum", "setelah", "sejak", "hingga", "sampai"})
_DESTINATION = re.compile(r"\s*(?:\w+\s+){0,3}(?:ke|menuju|to)\s+[A-Z]")
_REFERENCE = re.compile(r"\b(?:pengganti|menggantikan|alumni|lulusan|dulu(?: namanya| bernama)?|dahulu|eks|bekas|"
                        r"sebelumnya|formerly|replac(?:es|ed|ing)|alumnus|graduates? of)\s*$", re.I)
_HELD = re.compile(r"\b(menggelar|digelar|diselenggarakan|menyelenggarakan|berlangsung|dilaksanakan|mengadakan|"
                   r"diadakan|was held|were held|took place)\b", re.I)
HOST_KINDS = frozenset({"training-institution", "university", "foreign-agency"})
VENUE_HOST_KINDS = HOST_KINDS | {"company"}  # 'workshop ... di Inixindo Bandung': the firm whose premises hold it hosts it
MAX_NAME_TOKENS = 20
GENERIC_AUDIENCES = frozenset({"peserta", "pejabat", "pegawai", "aparatur", "participants", "officials", "trainees",
                               "Aparatur Sipil Negara", "Pegawai Negeri Sipil", "civil servants"})
_BATCH = re.compile(r"^(?P<base>.+?)\s+(?P<word>Angkatan|Gelombang|Batch|Kelas)\s+(?P<a>[IVX]{1,5}|\d{1,3})"
                    r"\s*(?:,|dan|&|and)\s*(?:(?P=word)\s+)?(?P<b>[IVX]{1,5}|\d{1,3})$")
_BARE_BATCH = re.compile(r"\b(?P<word>[Aa]ngkatan|[Gg]elombang|Batch|Kelas)\s+(?P<n>[IVX]{1,5}|\d{1,3})\b")
_NAME_STOP = frozenset({"dan", "and", "of", "the", "for", "bagi", "untuk", "tahun", "di", "in"})


@dataclass
class Draft:
    name: str
    kind: str
    span: Span
    named: bool
    sentences: set[int] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    batch: str | None = None  # "Angkatan II" when the draft is one numbered batch of a named series
    one_day: bool = False  # a ceremony (a send-off) held on the one day it is dated


@functools.cache
def kind_matcher() -> PhraseMatcher[EventKind]:
    matcher: PhraseMatcher[EventKind] = PhraseMatcher()
    for ek in Lexicon.load().event_kinds:
        matcher.add(ek.term, ek, case_sensitive=False)
    return matcher


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in table("event_cues.csv"):
        out[row["kind"]].add(row["cue"])
    return {k: frozenset(v) for k, v in out.items()}


WORD_KINDS = frozenset({"list-open", "subject-open", "subject-stop", "subject-generic", "subject-word",
                        "programme-participant", "end-date", "delegation", "unit-head", "side-activity",
                        "group-word", "continuation", "programme-word", "programme-runs", "side-modifier", "day-before"})


@functools.cache
def cue_matcher() -> PhraseMatcher[str]:
    """The cues looked for in sentences; the word kinds (WORD_KINDS) are read one token at a time."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for kind, words in cues().items():
        if kind in WORD_KINDS:
            continue
        for w in words:
            matcher.add(w, kind, case_sensitive=False)
    return matcher


@functools.cache
def participant_nouns() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for row in table("participant_nouns.csv"):
        matcher.add(row["noun"], row["type"], case_sensitive=row["noun"].isupper())
    return matcher


def extract(article: Article, found: Findings) -> list[object]:
    text = article.body
    tokens = tokenize(text)
    triggers = kind_matcher().find(text, tokens)
    if not triggers:
        return []
    triggers = [t for t in triggers if not _inside_name(found, t)]
    if not triggers:
        return []
    drafts = _drafts(article, tokens, triggers)
    _assign_sentences(article, tokens, triggers, drafts)
    drafts = _split_batches(article, drafts)
    send_off = _send_off(article, triggers, drafts)
    out: list[object] = []
    for i, d in enumerate(drafts):
        others = tuple(n for x in drafts if x is not d for n in (x.name, *x.aliases))
        out.extend(_event(article, tokens, d, found, main=i == 0, others=others))
    out = _same_cohort(article, drafts, out, found)
    out = _side_organizers(article, _share_joint_roles(article.body, _share_series_roles(out, drafts), drafts),
                           drafts)
    out = _receivers(article, out, found)
    if send_off is not None:
        records = _event(article, tokens, send_off, found, main=False)
        main = next(r for r in out if isinstance(r, Event))
        out.extend(records[:-1])
        out.append(_seen_off(records[-1], main, article, found))  # type: ignore[arg-type]
    return out


def _seen_off(ev: Event, main: Event, article: Article, found: Findings) -> Event:
    """Those seen off are the participants of the event they leave for, and those who run that
    event see them off (unless the send-off's own sentence names its organizer). When that
    sentence names the officials who see them off ('dilepas Plt Sekda X'), only the organizers
    those officials serve do. A bare ceremony ('Pelepasan berlangsung di ...') sees off the
    groups and offices, not the people and bodies the article names as the event's participants
    elsewhere; a send-off held within an activity of its own ('dilepas ... dalam acara
    pembekalan') has all of them."""
    seen = main.attendees if _within_activity(ev, main, article) else \
        _unique([*ev.attendees, *(l for l in main.attendees if l.key.startswith("post/"))])
    return replace(ev, attendees=seen, audiences=main.audiences, count=main.count,
                   organizers=ev.organizers or _served(main.organizers, ev, article, found))


def _within_activity(ev: Event, main: Event, article: Article) -> bool:
    """Whether the send-off's sentence names an activity other than the event seen off
    ('Mereka dilepas Plt Sekda dalam acara pembekalan di ...')."""
    s = article.sentence_at(ev.span.start) if ev.span is not None else None
    if s is None:
        return False
    own = _name_words(main.name)
    return any(not _name_words(s.text[m.start : m.end]) & own for m in kind_matcher().find(s.text, tokenize(s.text)))


def _served(organizers: tuple[Link, ...], ev: Event, article: Article, found: Findings) -> tuple[Link, ...]:
    """The organizers that the offices named in the event's own sentence belong to (the office's
    body or the body above it); all of them when it names none of theirs."""
    s = article.sentence_at(ev.span.start) if ev.span is not None else None
    if s is None:
        return organizers
    bodies: set[str] = set()
    for l in found.mentions:
        post = found.entities.get(l.key) if l.key.startswith("post/") and s.start <= l.span.start < s.end else None
        if isinstance(post, Post):
            org = found.entities.get(post.org)
            bodies |= {post.org, org.parent or ""} if isinstance(org, Organization) else {post.org}
    served = tuple(l for l in organizers if l.key in bodies)
    return served or organizers


@functools.cache
def send_off_words() -> tuple[PhraseMatcher[str], dict[str, str]]:
    """The send-off cue matcher and the send-off name's head per language."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    titles: dict[str, str] = {}
    for row in table("send_off.csv"):
        if row["kind"] == "cue":
            matcher.add(row["term"], "send-off", case_sensitive=False)
        elif row["kind"] == "title":
            titles[row["lang"]] = row["term"]
    return matcher, titles


@functools.cache
def departure_matcher() -> PhraseMatcher[str]:
    """Words that say participants leave (a send-off's cues and the departure words of
    send_off.csv): a sentence with one tells where they leave from, not where the event is."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for row in table("send_off.csv"):
        if row["kind"] in ("cue", "departure"):
            matcher.add(row["term"], "departure", case_sensitive=False)
    return matcher


def _send_off(article: Article, triggers: list[Match[EventKind]], drafts: list[Draft]) -> Draft | None:
    """The ceremony that sees participants off ('Pelepasan peserta dilaksanakan di ..., Jumat
    (13/10)'): a sentence with a send-off word and one day of its own, next to an event word,
    on a day before the main event starts, is an event of its own. Its sentence then says
    nothing about the other events' dates. The main event must have a start of its own:
    otherwise the one day may as well be its first."""
    if not drafts:
        return None
    matcher, titles = send_off_words()
    head = headline_span(article.body)
    quoted: list[Span] | None = None
    main = drafts[0]
    for s in article.sentences:
        if head is not None and s.start < head.end:
            continue
        cues = matcher.find(s.text)
        if not cues:
            continue
        lo = article.sentences[s.index - 1].start if s.index else s.start
        if not any(lo <= t.start < s.end for t in triggers):
            continue
        days = [dm for dm in dates.find_dates(s.text, article.published, article.language)
                if dm.last is None and not _UNTIL.search(s.text[: dm.start][-30:])]
        if len(days) != 1:
            continue
        quoted = _quotation_spans(article.body) if quoted is None else quoted
        if any(q.start <= s.start + cues[0].start < q.end for q in quoted):
            continue
        rest = [article.sentences[i] for i in sorted(main.sentences - {s.index})]
        main_dates = _fill_dates(article, rest, Event(key("event", main.name), main.name, kind=main.kind))
        if main_dates.start is None or days[0].first >= main_dates.start:
            return None  # the day may as well be the event's own first day
        for d in drafts:
            d.sentences.discard(s.index)
        follows = main.name if main.named else main.name[:1].lower() + main.name[1:]
        title = titles.get(article.language, titles.get("id", ""))
        span = Span(s.start + cues[0].start, s.start + cues[0].end)
        return Draft(f"{title} {follows}", "other", span, False, sentences={s.index}, one_day=True)
    return None


def _side_organizers(article: Article, records: list[object], drafts: list[Draft]) -> list[object]:
    """'peserta juga akan melakukan benchmarking ke Pemkab X': a field visit the participants make
    is part of the main programme and run by its lead organizer, unless the text names one."""
    events = [r for r in records if isinstance(r, Event)]
    if not events or not events[0].organizers:
        return records
    main = events[0]
    side = {d.span for d in drafts[1:] if not d.named and d.kind == "study-visit"}
    out: list[object] = []
    for r in records:
        if isinstance(r, Event) and r is not main and r.span in side and not r.organizers and r.span is not None:
            s = article.sentence_at(r.span.start)
            if s is not None and any(t.low in cues()["programme-participant"] for t in tokenize(s.text)):
                lead = main.organizers[:1]
                r = replace(r, organizers=lead, hosts=tuple(h for h in r.hosts if h.key != lead[0].key))
        out.append(r)
    return out


def _receivers(article: Article, records: list[object], found: Findings) -> list[object]:
    """'Selama di Banyuwangi, rombongan akan diterima oleh Pemkab Banyuwangi melalui Dinas PMD':
    the bodies that receive the visiting delegation host the article's one study visit, and so
    do the bodies visited ('lalu berkunjung ke X') wherever the article tells of it."""
    visits = [r for r in records if isinstance(r, Event) and r.kind == "study-visit"]
    if len(visits) != 1:
        return records
    hosts: list[Link] = []
    words = cues()["delegation"]
    for s in article.sentences:
        for cue in _cue_spans(s, "received-by"):
            if any(t.low in words for t in tokenize(s.text[: cue.start])):
                orgs = [l for l in _links_in(found, s, "org/") if not _in_office(found, l)]
                hosts.extend(_agent_orgs(article.body, found, orgs, s.start + cue.end))
        for cue in _cue_spans(s, "visit-to"):
            orgs = [l for l in _links_in(found, s, "org/") if not _in_office(found, l)]
            hosts.extend(_agent_orgs(article.body, found, orgs, s.start + cue.end))
    if not hosts:
        return records
    ev = visits[0]
    keys = {l.key for l in ev.organizers}
    new = replace(ev, hosts=_unique([*ev.hosts, *(h for h in hosts if h.key not in keys)]))
    return [new if r is ev else r for r in records]


_ATTRIBUTED = re.compile(r"\s*(?:[A-Z][\w.'-]*\s*){1,4},\s*$")


def _attributed(text: str, s: Sentence, link: Link) -> bool:
    """'According to Rangkuti, the World Bank loan ...': the organization right after the name
    of who said it starts the clause; it is no host named in a list after 'to'."""
    return any(s.start + cue.end <= link.span.start
               and _ATTRIBUTED.match(text, s.start + cue.end, link.span.start) is not None
               for cue in _cue_spans(s, "attribution"))


def _share_joint_roles(text: str, records: list[object], drafts: list[Draft]) -> list[object]:
    """'BKPSDM menggelar PKA Angkatan I dan PKP Angkatan II ... Pelatihan dilaksanakan bekerja sama
    dengan X': two named events of one kind joined by 'dan' and run by the same bodies are run
    together, so each takes the hosts and topics found for either."""
    by_span = {r.span: r for r in records if isinstance(r, Event) and r.span is not None}
    joint: dict[str, Event] = {}
    named = sorted((d for d in drafts if d.named and d.span in by_span), key=lambda d: d.span.start)
    for a, b in zip(named, named[1:]):
        ea, eb = joint.get(by_span[a.span].key, by_span[a.span]), by_span[b.span]
        if (a.kind != b.kind or not ea.organizers or {l.key for l in ea.organizers} != {l.key for l in eb.organizers}
                or text[a.span.end : b.span.start].strip().lower() not in LIST_JOINERS):
            continue
        keys = {l.key for l in ea.organizers}
        hosts = tuple(h for h in _unique([*ea.hosts, *eb.hosts]) if h.key not in keys)
        topics = tuple(dict.fromkeys([*ea.topics, *eb.topics]))
        joint[ea.key] = replace(ea, hosts=hosts, topics=topics)
        joint[eb.key] = replace(eb, hosts=hosts, topics=topics)
    return [joint.get(r.key, r) if isinstance(r, Event) else r for r in records]


def _visited(text: str, s: Sentence, link: Link) -> bool:
    """'lalu berkunjung ke X', 'kunjungan lapangan ke X': the organization is visited."""
    return any(s.start + cue.end <= link.span.start
               and text[s.start + cue.end : link.span.start].strip().lower() in ("", "the")
               for cue in _cue_spans(s, "visit-to"))


def _share_series_roles(records: list[object], drafts: list[Draft]) -> list[object]:
    """Numbered batches of one series ('Latsar Angkatan I dan II') are run by the same bodies on
    the same curriculum: each batch takes the organizers, hosts and topics found for any batch."""
    series = {d.span: d.name[: -len(d.batch)].strip() for d in drafts if d.batch}
    members: dict[str, list[Event]] = defaultdict(list)
    for r in records:
        if isinstance(r, Event) and r.span in series:
            members[series[r.span]].append(r)
    shared: dict[str, Event] = {}
    for group in members.values():
        organizers = _unique([l for e in group for l in e.organizers])
        keys = {l.key for l in organizers}
        hosts = tuple(h for h in _unique([l for e in group for l in e.hosts]) if h.key not in keys)
        topics = tuple(dict.fromkeys(t for e in group for t in e.topics))
        for e in group:
            shared[e.key] = replace(e, organizers=organizers, hosts=hosts, topics=topics)
    return [shared.get(r.key, r) if isinstance(r, Event) else r for r in records]


# --- finding ---------------------------------------------------------------------------------

def _inside_name(found: Findings, t: Match[EventKind]) -> bool:
    """An event word inside an organization or venue name ('Badan Diklat Provinsi ...', 'Gedung Diklat')."""
    return any(l.key.startswith(("org/", "place/")) and l.span.start <= t.start and t.end <= l.span.end
               and l.span != Span(t.start, t.end) for l in found.mentions)


def headline_span(text: str) -> Span | None:
    """The headline: a first line that is short and does not end as a sentence does."""
    stripped = text.lstrip()
    if not stripped:
        return None
    start = len(text) - len(stripped)
    line = stripped.split("\n", 1)[0].rstrip()
    if not line or line[-1] in ".!?\"”" or len(line.split()) > 25 or re.search(r"\s[-–—]\s", line):
        return None
    return Span(start, start + len(line))


MAX_SUBHEADING_WORDS = 8


def subheading_spans(text: str) -> list[Span]:
    """Subheadings inside the body ('Bimtek Kepala Kampung' alone between blank lines): a short
    line in title case, not ended as a sentence is, with a blank line before and after it."""
    out: list[Span] = []
    lines = text.split("\n")
    offset = len(lines[0]) + 1
    for i in range(1, len(lines) - 1):
        line = lines[i].strip()
        words = line.split()
        if (words and len(words) <= MAX_SUBHEADING_WORDS and not lines[i - 1].strip() and not lines[i + 1].strip()
                and line[-1] not in ".!?\"”:;,)" and all(w[:1].isupper() for w in words if len(w) > 3 and w not in _CONNECT)):
            start = offset + len(lines[i]) - len(lines[i].lstrip())
            out.append(Span(start, start + len(line)))
        offset += len(lines[i]) + 1
    return out


def _drafts(article: Article, tokens: list[Token], triggers: list[Match[EventKind]]) -> list[Draft]:
    text = article.body
    drafts: dict[str, Draft] = {}
    head = headline_span(text)
    naming = "|".join(sorted((re.escape(c) for c in cues()["naming"]), key=len, reverse=True))
    quoted = _quotation_spans(text)
    headings = subheading_spans(text)
    for m in re.finditer(rf"\b(?:{naming}){_QUOTED_NAME}", text, re.I):
        kind = _kind_near(triggers, m.start()) or _kind_in(m.group("name"))
        if _looks_like_a_name(m.group("name")):
            _put(drafts, Draft(m.group("name").strip(), kind or "training", Span(m.start("name"), m.end("name")), True))
    for t in triggers:
        if head is not None and head.start <= t.start < head.end or any(h.start <= t.start < h.end for h in headings):
            continue  # headlines and subheadings capitalize every word: no event names from them
        if _reference(text, t, quoted):
            continue  # 'pengganti Diklat PIM III', 'dulu namanya Diklat PIM IV': not this story's event
        name = _capitalized_name(text, tokens, t)
        if name is not None and not _inside(drafts, name[1]):
            for part in _batches(name[0]):
                _put(drafts, Draft(part[0], t.payloads[0].kind, name[1], True, batch=part[1]))
    if not drafts:
        body = [t for t in triggers if head is None or t.start >= head.end] or triggers
        main = max(body, key=lambda t: sum(x.payloads[0].kind == t.payloads[0].kind for x in body))
        first = next(t for t in body if t.payloads[0].kind == main.payloads[0].kind)
        titled = _programme_title(article, tokens, head)
        if titled is not None:
            _put(drafts, Draft(titled[0], first.payloads[0].kind, titled[1], True))
        else:
            generic, span = _generic_name(text, tokens, first)
            _put(drafts, Draft(generic, first.payloads[0].kind, span, False))
    for side in _side_events(article, tokens, triggers, drafts, head, quoted):
        _put(drafts, side)
    return _merge_short_names(sorted(drafts.values(), key=lambda d: d.span.start))


MAX_TITLE_LEFT = 6


def _programme_title(article: Article, tokens: list[Token], head: Span | None) -> tuple[str, Span] | None:
    """An article that names its event by no event word may give it a programme's title that runs
    on dates: 'The Knowledge Co-Creation Program on Waste Management runs from Feb. 5 to 16',
    'Program Desa Cerdas Digital berlangsung 5-9 Juni': the capitalized words around the title word
    ('programme-word' cues), followed (after at most two lower-case words) by a verb of running
    ('programme-runs' cues) and a date later in the sentence."""
    text = article.body
    heads, verbs = cues()["programme-word"], cues()["programme-runs"]
    for p, tok in enumerate(tokens):
        if tok.text not in heads or (head is not None and head.start <= tok.start < head.end):
            continue
        lo = p
        while lo > 0 and p - lo < MAX_TITLE_LEFT and _same_line(text, tokens[lo - 1], tokens[lo]) and (
                (tokens[lo - 1].text[:1].isupper() and tokens[lo - 1].low != "the")
                or (tokens[lo - 1].text == "-" and tokens[lo - 1].start == tokens[lo - 2].end == tokens[lo].start - 1)):
            lo -= 1
        hi = p + 1
        while hi < len(tokens) and hi - lo < MAX_NAME_TOKENS and _same_line(text, tokens[hi - 1], tokens[hi]) and (
                _name_token(tokens[hi]) or (tokens[hi].low in _CONNECT and hi + 1 < len(tokens)
                                            and _name_token(tokens[hi + 1]))):
            hi += 1
        while hi > p + 1 and (tokens[hi - 1].low in _CONNECT or tokens[hi - 1].text == "("):
            hi -= 1
        words = [t for t in tokens[lo:hi] if t.text[:1].isupper() and t.text not in heads]
        if len(words) < 2 or _unbalanced(tokens[lo:hi]):
            continue
        verb = next((i for i in range(hi, min(hi + 4, len(tokens)))
                     if tokens[i].low in verbs or not tokens[i].text.islower()), None)
        if verb is None or tokens[verb].low not in verbs:
            continue
        sentence = article.sentence_at(tokens[verb].start)
        if sentence is None or not dates.find_dates(text[tokens[verb].end : sentence.end], article.published,
                                                    article.language):
            continue
        span = Span(tokens[lo].start, tokens[hi - 1].end)
        return " ".join(text[span.start : span.end].split()), span
    return None


def _quotation_spans(text: str) -> list[Span]:
    from kg.extract.quotes import find_quotes

    return [Span(q.start, q.end) for q in find_quotes(text)]


def _looks_like_a_name(name: str) -> bool:
    """A quoted title names an event when it holds an event word or is written as a title."""
    words = [w for w in name.split() if len(w) > 3]
    capitalized = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    return bool(kind_matcher().find(name)) or (bool(words) and capitalized >= 0.5 * len(words))


def _reference(text: str, t: Match[EventKind], quoted: list[Span]) -> bool:
    """An event word that refers to another programme: inside direct speech, or after
    'pengganti', 'alumni', 'dulu namanya', 'formerly' ..."""
    if any(q.start <= t.start < q.end for q in quoted):
        return True
    return bool(_REFERENCE.search(text[max(0, t.start - 30) : t.start]))


def _side_events(article: Article, tokens: list[Token], triggers: list[Match[EventKind]],
                 drafts: dict[str, Draft], head: Span | None, quoted: list[Span]) -> list[Draft]:
    """A field visit, benchmarking or follow-up workshop of another kind than the events named,
    or an internship ('magang') not named by an event, with its own date or destination ('studi
    lapangan ke Kabupaten Kulon Progo pada 20 Agustus 2024'), is an event of its own."""
    kinds = {d.kind for d in drafts.values()}
    spans = [d.span for d in drafts.values()]
    activities = cues()["side-activity"]
    out: list[Draft] = []
    for t in triggers:
        kind = t.payloads[0].kind
        word = t.surface.lower()
        if word in activities:
            if any(word in d.name.lower() for d in (*drafts.values(), *out)):
                continue
        elif kind not in SIDE_KINDS or kind in kinds:
            continue
        if any(sp.start <= t.start < sp.end for sp in spans):
            continue
        if (head is not None and head.start <= t.start < head.end) or _reference(article.body, t, quoted):
            continue
        if _part_of(article.body, t):
            continue
        sentence = article.sentence_at(t.start)
        if sentence is None:
            continue
        after = article.body[t.end : sentence.end]
        dated = bool(dates.find_dates(after, article.published, article.language))
        if not (dated or _DESTINATION.match(after)):
            continue
        if word in activities:
            gloss = _gloss(article.body, triggers, t)
            name, span = _side_name(article.body, tokens, gloss or t, sentence.end, first_stops=True)
            name, span = _with_place(article.body, name, Span(t.start, span.end), sentence.end)
        else:
            name, span = _side_name(article.body, tokens, t, sentence.end)
        out.append(Draft(name, kind, span, False, one_day=dated and word not in activities))  # a visit on one day
        spans.append(span)
        kinds.add(kind)
    return out


def _part_of(text: str, t: Match[EventKind]) -> bool:
    """'Program ... itu meliputi kunjungan lapangan ke X': an activity listed as a part of the
    programme (at most two words after 'meliputi', 'termasuk', 'including') is no event of its own."""
    window = text[max(0, t.start - 40) : t.start]
    return any("part-of" in m.payloads and len(window[m.end :].split()) <= 2 for m in cue_matcher().find(window))


_GLOSS = re.compile(r"\s*,?\s*(?:atau|or|alias)\s*$", re.I)
_PLACE_AFTER = re.compile(r"\b(?:di|ke|at|to)\s+(?:the\s+)?(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")


def _gloss(text: str, triggers: list[Match[EventKind]], t: Match[EventKind]) -> Match[EventKind] | None:
    """'a magang, or internship, at ...': the event word that glosses the one before it."""
    return next((x for x in triggers if x.start > t.end and _GLOSS.fullmatch(text[t.end : x.start])), None)


def _with_place(text: str, name: str, span: Span, limit: int) -> tuple[str, Span]:
    """'Magang' told of with its place later in the sentence ('mengikuti magang selama tiga hari,
    27-29 Mei 2024, di Desa Kutuh') is named with it: 'Magang di Desa Kutuh'."""
    if len(name.split()) > 1:
        return name, span
    m = _PLACE_AFTER.search(text, span.end, limit)
    if m is None:
        return name, span
    return f"{name} {text[m.start() : m.end()].split()[0]} {' '.join(m['place'].split())}", span


def _side_name(text: str, tokens: list[Token], t: Match[EventKind], limit: int,
               first_stops: bool = False) -> tuple[str, Span]:
    """'Studi lapangan ke Kabupaten Kulon Progo', 'Internship at the Kitakyushu City Environment Bureau'.
    With ``first_stops`` a stop word right after the event word ends the name too ('magang selama ...')."""
    hi = t.last
    while hi < len(tokens) and tokens[hi].start < limit and hi - t.last < 8:
        tok = tokens[hi]
        if tok.text in ",.;:(" or (tok.low in SIDE_STOP and (hi > t.last or first_stops)):
            break
        hi += 1
    span = Span(_modified_start(text, t.start), tokens[hi - 1].end)
    name = " ".join(text[span.start : span.end].split())
    return name[:1].upper() + name[1:], span


_WORD_BEFORE = re.compile(r"(?:^|\s)(?P<word>\w+(?:-\w+)*)\s+$")


def _modified_start(text: str, start: int) -> int:
    """'their international benchmarking visit', 'a follow-up workshop': the words right before a
    side event's word that say which one it is ('side-modifier' cues) begin its name."""
    modifiers = cues()["side-modifier"]
    for _ in range(2):
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if m is None or m["word"].lower() not in modifiers:
            break
        start = m.start("word")
    return start


def _batches(name: str) -> list[tuple[str, str | None]]:
    """'PKA Angkatan I dan II' -> one name per numbered batch: 'PKA Angkatan I', 'PKA Angkatan II'."""
    m = _BATCH.match(name)
    if not m:
        return [(name, None)]
    return [(f"{m['base']} {m['word']} {n}", f"{m['word']} {n}") for n in (m["a"], m["b"])]


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", name)} - _NAME_STOP


def _merge_short_names(drafts: list[Draft]) -> list[Draft]:
    """A name whose words all occur in a longer name ('PKN Tingkat II' in 'Pelatihan Kepemimpinan
    Nasional (PKN) Tingkat II Angkatan LVII') is that event named short."""
    out: list[Draft] = []
    for d in drafts:
        words = _name_words(d.name)
        longer = [o for o in drafts if o is not d and len(_name_words(o.name)) > len(words)
                  and words <= _name_words(o.name) and (o.batch is None or d.batch is None or o.batch == d.batch)]
        if d.named and longer and d.batch is None:
            for o in longer:
                o.aliases.append(d.name)
            continue
        out.append(d)
    return out


def _put(drafts: dict[str, Draft], d: Draft) -> None:
    drafts.setdefault(slug(d.name), d)


def _inside(drafts: dict[str, Draft], span: Span) -> bool:
    return any(d.span.start <= span.start and span.end <= d.span.end for d in drafts.values())


def _kind_near(triggers: list[Match[EventKind]], offset: int) -> str | None:
    before = [t for t in triggers if t.end <= offset and offset - t.end < 80]
    return before[-1].payloads[0].kind if before else None


def _kind_in(name: str) -> str | None:
    found = kind_matcher().find(name)
    return found[-1].payloads[0].kind if found else None


def _name_token(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text.isdigit() or bool(_ROMAN.match(tok.text)) or tok.text in "()"


def _capitalized_name(text: str, tokens: list[Token], t: Match[EventKind]) -> tuple[str, Span] | None:
    """'Pelatihan Kepemimpinan Administrator (PKA) Angkatan 57' around a capitalized event word."""
    if not tokens[t.first].text[:1].isupper():
        return None
    lo, hi = t.first, t.last
    while lo > 0 and t.first - lo < 4 and tokens[lo - 1].text[:1].isupper() and tokens[lo - 1].text.isalpha() \
            and tokens[lo - 1].text[:1] != tokens[lo - 1].text and _same_line(text, tokens[lo - 1], tokens[lo]):
        lo -= 1
    while hi < len(tokens) and hi - lo < MAX_NAME_TOKENS and _same_line(text, tokens[hi - 1], tokens[hi]):
        tok = tokens[hi]
        if tok.low in _CONNECT and kind_matcher().match_at(text, tokens, hi + 1) is not None:
            break  # 'PKA Angkatan I dan Pelatihan Kepemimpinan Pengawas ...': a second event begins
        if _name_token(tok) or (tok.low in _CONNECT and hi + 1 < len(tokens) and _name_token(tokens[hi + 1])):
            hi += 1
            continue
        break
    while hi > t.last and (tokens[hi - 1].low in _CONNECT or tokens[hi - 1].text == "("):
        hi -= 1
    if tokens[hi - 1].text == "(" or _unbalanced(tokens[lo:hi]):
        hi = next(i for i in range(hi - 1, t.last - 1, -1) if tokens[i].text == "(") if "(" in [x.text for x in tokens[t.last:hi]] else hi
    close = next((i for i in range(lo, hi) if tokens[i].text == ")"), None)
    if close is not None and "(" not in [x.text for x in tokens[lo:close]]:
        return None  # the event word sits inside brackets: '(ToT) for 380' is no name
    if hi - lo < 2 or (lo == 0 or _sentence_start(text, tokens[lo])) and hi - lo < 3:
        return None
    span = Span(tokens[lo].start, tokens[hi - 1].end)
    return " ".join(text[span.start : span.end].split()), span


def _unbalanced(toks: list[Token]) -> bool:
    return sum(t.text == "(" for t in toks) != sum(t.text == ")" for t in toks)


def _same_line(text: str, a: Token, b: Token) -> bool:
    return "\n" not in text[a.end : b.start]


def _sentence_start(text: str, tok: Token) -> bool:
    before = text[: tok.start].rstrip(" ")
    return not before or before[-1] in ".\n\"“"


STOP_GENERIC = frozenset({"yang", "di", "pada", "ini", "itu", "tersebut", "selama", "mulai", "ke", "dari", "oleh",
                          "dengan", "digelar", "diselenggarakan", "berlangsung", "dilaksanakan", "sebagai", "agar",
                          "supaya", "untuk", "bagi", "was", "is", "which", "at", "in", "on", "from", "held", "by"})


def _generic_name(text: str, tokens: list[Token], t: Match[EventKind]) -> tuple[str, Span]:
    hi = t.last
    while hi < len(tokens) and hi - t.last < 6 and tokens[hi].text.isalnum() and tokens[hi].low not in STOP_GENERIC \
            and _same_line(text, tokens[hi - 1], tokens[hi]):
        hi += 1
    if t.payloads[0].kind == "study-visit":
        hi = _destination_end(text, tokens, hi)
    span = Span(t.start, tokens[hi - 1].end)
    name = " ".join(text[span.start : span.end].split())
    return name[:1].upper() + name[1:], span


def _destination_end(text: str, tokens: list[Token], hi: int) -> int:
    """A study visit is named with its destination: 'studi tiru ... ke Kabupaten Banyuwangi'
    (up to three capitalized words after 'ke' / 'to')."""
    if hi + 1 >= len(tokens) or tokens[hi].low not in ("ke", "to") or not tokens[hi + 1].text[:1].isupper():
        return hi
    end = hi + 1
    while end < len(tokens) and end - hi <= 3 and tokens[end].text[:1].isupper() and tokens[end].text.isalnum() \
            and _same_line(text, tokens[end - 1], tokens[end]):
        end += 1
    return end


def _assign_sentences(article: Article, tokens: list[Token], triggers: list[Match[EventKind]],
                      drafts: list[Draft]) -> None:
    """Each sentence that names an event or uses an event word goes to that event; a sentence that
    only says 'kegiatan' / 'acara' / 'the program' goes to the event the text last spoke of."""
    last: Draft | None = None
    for s in article.sentences:
        named = [d for d in drafts if d.named and (_names_in(d, s.text) or s.start <= d.span.start < s.end)]
        for d in named:
            d.sentences.add(s.index)
        for d in drafts:  # a side event told of in a sentence that names another event: its own sentence
            if named and not d.named and d not in named and s.start <= d.span.start < s.end:
                d.sentences.add(s.index)
        if named:
            last = named[-1] if len(named) == 1 or last not in named else last
            continue
        own = [d for d in drafts[1:] if not d.named and s.start <= d.span.start < s.end]
        if own:  # 'Usai pelatihan, 20 kepala desa akan mengikuti magang ... 27-29 Mei 2024': the side event's
            for d in own:
                d.sentences.add(s.index)
            continue
        words = [t for t in triggers if s.start <= t.start < s.end]
        if words and _every(article.body, words[0]):
            for d in drafts:  # 'Kedua pelatihan dijadwalkan berakhir ...': every event so named
                if d.kind == words[0].payloads[0].kind:
                    d.sentences.add(s.index)
            continue
        if words:
            kinds = {t.payloads[0].kind for t in words}
            fitting = [d for d in drafts if d.kind in kinds] or drafts[:1]
            chosen = last if last in fitting else fitting[0]
            chosen.sentences.add(s.index)
            last = chosen
        elif _cue_spans(s, "generic") and (last or drafts[0]) is not None:
            (last or drafts[0]).sentences.add(s.index)


def _every(text: str, t: Match[EventKind]) -> bool:
    """'Kedua pelatihan', 'both trainings': the word right before the event word speaks of
    every event of that kind."""
    window = text[max(0, t.start - 20) : t.start]
    return any("every" in m.payloads and not window[m.end :].strip() for m in cue_matcher().find(window))


def _split_batches(article: Article, drafts: list[Draft]) -> list[Draft]:
    """'Bimtek diikuti 604 keuchik yang dibagi dalam dua angkatan. Angkatan I ... berlangsung 13-16
    Mei 2024, sedangkan Angkatan II ... dijadwalkan pada 20-23 Mei 2024': an event not named by
    batch, whose sentence (or one of the two sentences after its own) gives two or more numbered
    batches each with dates of its own, is held as those batches ('<name> Angkatan I', '<name> Angkatan II')."""
    if any(d.batch for d in drafts):
        return drafts
    for s in article.sentences:
        labels = [m for m in _BARE_BATCH.finditer(s.text)
                  if not any(d.span.start <= s.start + m.start() < d.span.end for d in drafts)]
        if len(labels) < 2 or len({m["word"].lower() for m in labels}) != 1 \
                or len({m["n"] for m in labels}) != len(labels):
            continue
        bounds = [m.start() for m in labels[1:]] + [len(s.text)]
        if not all(dates.find_dates(s.text[m.end() : hi], article.published, article.language)
                   for m, hi in zip(labels, bounds)):
            continue
        owner = next((d for d in drafts if s.index in d.sentences), None) or _last_told(drafts, s.index)
        if owner is None:
            continue
        word = labels[0]["word"][:1].upper() + labels[0]["word"][1:]
        batches = [Draft(f"{owner.name} {word} {m['n']}", owner.kind, owner.span, owner.named,
                         sentences=owner.sentences | {s.index}, batch=f"{word} {m['n']}") for m in labels]
        at = drafts.index(owner)
        return drafts[:at] + batches + drafts[at + 1 :]
    return drafts


def _last_told(drafts: list[Draft], index: int) -> Draft | None:
    """The event told of last in the two sentences before sentence ``index``."""
    for i in (index - 1, index - 2):
        told = [d for d in drafts if i in d.sentences]
        if told:
            return told[-1]
    return None


def _batch_clauses(sentences: list[Sentence], d: Draft) -> list[Sentence]:
    """A batch's part of each sentence that tells of several batches: from its own label to the
    next batch's ('Angkatan I ... 13-16 Mei 2024, sedangkan Angkatan II ... 20-23 Mei 2024')."""
    if d.batch is None:
        return sentences
    out: list[Sentence] = []
    for s in sentences:
        labels = list(_BARE_BATCH.finditer(s.text))
        own = [m for m in labels if f"{m['word'][:1].upper()}{m['word'][1:]} {m['n']}" == d.batch]
        if len(labels) < 2 or not own:
            out.append(s)
            continue
        lo = own[0].start()
        hi = next((m.start() for m in labels if m.start() > lo), len(s.text))
        out.append(Sentence(s.index, s.start + lo, s.start + hi, s.text[lo:hi]))
    return out


def _names_in(d: Draft, text: str) -> bool:
    if d.batch is not None:
        return bool(re.search(rf"\b{re.escape(d.batch)}\b(?!\s*(?:dan|,|&)\s*(?:[IVX]+|\d+)\b)", text))
    return any(n in text for n in [d.name, *d.aliases])


# --- choosing what each event says ----------------------------------------------------------------

def _event(article: Article, tokens: list[Token], d: Draft, found: Findings, main: bool,
           others: tuple[str, ...] = ()) -> list[object]:
    sentences = [article.sentences[i] for i in sorted(d.sentences)]
    ev = Event(key("event", d.name), d.name, tuple(sorted(set(d.aliases) - {d.name})), span=d.span, kind=d.kind)
    out: list[object] = []
    ev = _fill_dates(article, _batch_clauses(sentences, d), ev, _continuations(article, sentences))
    if d.one_day and ev.start is not None:
        ev = replace(ev, end=ev.end or ev.start)
    ev = replace(ev, key=event_key(ev, article))
    ev = _fill_places(article, tokens, sentences, ev, found)
    ev, premises = _premises(ev, found)
    out.extend(premises)
    ev = _fill_roles(article, tokens, sentences, ev, found)
    ev, extra = _fill_participants(article, tokens, sentences, ev, found, main, others)
    out.extend(extra)
    ev, topics = _fill_topics(article, tokens, sentences, ev, found, main)
    out.extend(topics)
    out.append(ev)
    found.mention(ev.key, d.span)
    return out


def event_key(ev: Event, article: Article) -> str:
    """One event is one name on one start date: 'PKA Angkatan I' of two regencies or two years
    are two events. Without a date the article is part of the key: nothing says two undated
    mentions in two articles are one event."""
    return key("event", f"{ev.name} {ev.start.isoformat() if ev.start else article.id}")


_OPENING = re.compile(r"\b(?:membuka|dibuka|pembukaan|melepas|dilepas|pelepasan|opened|opening|launched)\b", re.I)
_UNTIL = re.compile(r"(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|until|through|till|berakhir(?:\s+pada)?|ends?\s+on)"
                    r"\s+(?:tanggal\s+|pada\s+)?$", re.I)


@functools.cache
def _closing() -> re.Pattern[str]:
    """Words right before a date that make it the last day ('ditutup Selasa,21/5', 'closed on')."""
    words = sorted((re.escape(w) for w in cues().get("end-date", ())), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(words) or '(?!)'})\s+(?:tanggal\s+|pada\s+)?$", re.I)


@functools.cache
def _continuation() -> re.Pattern[str]:
    """Words after an event's dates that say it goes on at later dates ('dilanjutkan', 'followed by')."""
    words = sorted((re.escape(w) for w in cues().get("continuation", ())), key=len, reverse=True)
    return re.compile(rf"^\W*(?:{'|'.join(words) or '(?!)'})\b", re.I)


def _continued_to(article: Article, s: Sentence, dm: dates.DateMention) -> date | None:
    """'Sesi kelas di Jakarta pada 12-16 Mei, dilanjutkan program imersi di Seoul pada 9-13 Juni':
    the last day of a later stage told right after the event's dates in the same sentence, when no
    event word between names an activity of its own ('dilanjutkan studi banding ke Bali ...')."""
    after = s.text[dm.end :]
    if not _continuation().search(after):
        return None
    later = next((m for m in dates.find_dates(s.text, article.published, article.language) if m.start >= dm.end), None)
    if later is None or later.first <= (dm.last or dm.first) or (later.first - dm.first).days > 120:
        return None
    between = s.text[dm.end : later.start]
    if any(kind_matcher().find(between)):
        return None
    return later.last or later.first


def _fill_dates(article: Article, sentences: list[Sentence], ev: Event, more: list[Sentence] | None = None) -> Event:
    """The event's dates: a stated range, else the opening day; an end from 'hingga <date>',
    'ditutup <date>' or a stated duration. The sentences in ``more`` go on telling about the
    event without naming it ('Tahap klasikal berlangsung hingga 30 Agustus 2024'): their end
    dates count, and their other dates only when the event's own sentences give none."""
    ends: list[dates.DateMention] = []
    best, end_only = _best_date(article, sentences, ev, ends)
    if more:
        best_more, end_more = _best_date(article, more, ev, ends)
        if best is None or best[0] < 0:
            best = best_more
        end_only = end_only or end_more
    if (best is None or best[0] < 0) and end_only is not None:
        return _start_from_end(article, ev, *end_only)
    if best is None or best[0] < 0:
        return ev
    _, dm, s = best
    start, end = dm.first, dm.last
    if end is None:
        later = [e.first for e in ends if e.first > start and (e.first - start).days < 400]
        end = min(later) if later else None
    if end is None:  # the opening day, and elsewhere 'berlangsung 5-24 Agustus 2024'
        spans = [m.last for t in article.sentences for m in dates.find_dates(t.text, article.published, article.language)
                 if m.last and m.first == start]
        end = spans[0] if spans else None
    for du in dates.find_durations(s.text, article.language):
        if end is None and du.days >= 1:
            end = start + timedelta(days=du.days - 1)
    if end is None and ev.kind in ONE_DAY_KINDS and not _OPENING.search(s.text):
        end = start  # a seminar, socialization or workshop on one stated day
    end = _continued_to(article, s, dm) or end
    return replace(ev, start=start, end=end, date_span=Span(s.start + dm.start, s.start + dm.end))


def _best_date(article: Article, sentences: list[Sentence], ev: Event, ends: list[dates.DateMention]
               ) -> tuple[tuple[int, dates.DateMention, Sentence] | None, tuple[dates.DateMention, Sentence] | None]:
    """The likeliest start (a scored date mention) of the sentences, and the first end date
    without a start; every end date found is added to ``ends``."""
    best: tuple[int, dates.DateMention, Sentence] | None = None
    end_only: tuple[dates.DateMention, Sentence] | None = None
    for s in sentences:
        opening = bool(_OPENING.search(s.text))
        for dm in dates.find_dates(s.text, article.published, article.language):
            before = s.text[: dm.start][-30:]
            if dm.last is None and (_UNTIL.search(before) or _closing().search(before)):
                ends.append(dm)
                end_only = end_only or (dm, s)
                continue
            score = (5 if dm.last else 0) + (2 if dm.year_stated else 0) + (1 if ev.name in s.text else 0)
            if opening and dm.last is None:
                score += 2
            elif article.published and dm.first == article.published and not dm.last and _report_date(s.text, dm):
                score -= 5
            if best is None or score > best[0]:
                best = (score, dm, s)
    return best, end_only


def _start_from_end(article: Article, ev: Event, dm: dates.DateMention, s: Sentence) -> Event:
    """'berlangsung selama 12 hari dan berakhir pada 26 Juli 2024': an end date and a length
    in one sentence give the start (the length counts the first and the last day)."""
    lengths = [du.days for du in dates.find_durations(s.text, article.language) if du.days >= 1]
    if lengths:
        start = dm.first - timedelta(days=lengths[0] - 1)
    else:
        weekday = _weekday_before(s.text[: dm.start])
        if weekday is None:
            return ev
        start = dm.first - timedelta(days=(dm.first.weekday() - weekday) % 7)
    return replace(ev, start=start, end=dm.first, date_span=Span(s.start + dm.start, s.start + dm.end))


@functools.cache
def _on_weekday() -> re.Pattern[str]:
    """A capitalized word after a word that dates something ('on', 'pada', 'sejak'; day-before cues)."""
    words = sorted((re.escape(w) for w in cues().get("day-before", ())), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(words) or '(?!)'})\s+(?P<day>[A-Z][a-z’']+)\b", re.I)


def _weekday_before(text: str) -> int | None:
    """'began ... on Monday and ... wrapping up on Friday, June 16': the bare weekday said before
    an end date (the last one, capitalized, after a day-before cue) as a number."""
    days = dates.calendar_words()["weekday"]
    found = [days[m["day"].lower()] for m in _on_weekday().finditer(text)
             if m["day"][:1].isupper() and m["day"].lower() in days]
    return int(found[-1]) if found else None


def _report_date(text: str, dm: dates.DateMention) -> bool:
    """'... kata X dalam keterangan yang diterima di Jakarta, Selasa (30/5)': the day of the
    report, not of the event - unless the sentence says the event is held that day."""
    if _HELD.search(text):
        return False
    return bool(re.search(r"(diterima|keterangan|kata|ujar|ungkap|said|told)\b", text[: dm.start][-80:])) \
        or "(" in dm.text and not _OPENING.search(text)


def _links_in(found: Findings, s: Sentence, prefix: str) -> list[Link]:
    return [l for l in found.mentions if l.key.startswith(prefix) and s.start <= l.span.start < s.end]


@functools.cache
def place_cue_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for row in table("place_cues.csv"):
        matcher.add(row["cue"], row["kind"], case_sensitive=False)
    return matcher


def _same_place(found: Findings, s: Sentence) -> list[Link]:
    """'Masih di hotel yang sama, ... menggelar Sosialisasi': the venue named last before the cue."""
    out: list[Link] = []
    for m in place_cue_matcher().find(s.text):
        if "same-place" not in m.payloads:
            continue
        at = s.start + m.start
        before = [l for l in found.mentions if l.key.startswith("place/") and l.span.end <= at]
        if before:
            last = max(before, key=lambda l: (l.span.start, l.key))
            out.append(Link(last.key, Span(at, s.start + m.end)))
    return out


def _fill_places(article: Article, tokens: list[Token], sentences: list[Sentence], ev: Event, found: Findings) -> Event:
    """The event's venues and regions: those after 'di' / 'in' / 'ke' or a visiting verb
    ('mengunjungi', 'visited'), a venue referred back to ('di hotel yang sama'), and the region
    of a government visited ('benchmarking ke Pemkab Sidoarjo'), in the event's sentences and the
    sentences that go on telling where it is held. Training bodies after 'di' host it. A place
    after an event word of another kind, or after one of another event of the same kind
    ('orientasi serupa di X'), is not the event's."""
    locs: list[Link] = []
    hosts: list[Link] = []
    text = article.body
    places = LOCATION_LINKERS | visit_verbs()
    for s in sentences + _continuations(article, sentences):
        locs.extend(_same_place(found, s))
        words = _event_words_in(s, found)
        for link in found.mentions:
            if not (s.start <= link.span.start < s.end):
                continue
            if not link.key.startswith(("region/", "place/", "org/")):
                continue
            if link.key.startswith("org/"):
                org = found.entities.get(link.key)
                if not isinstance(org, Organization):
                    continue
                if org.kind in VENUE_HOST_KINDS and _after_linker(text, link.span.start, found):
                    if not (ev.kind != "study-visit" and _visited(text, s, link)) and not _attributed(text, s, link):
                        hosts.append(link)
                elif _visited_government(text, link, org, ev, found):
                    locs.append(Link(org.region or "", link.span))
                continue
            if _after_linker(text, link.span.start, found, places) and not _origin(text, link, article) \
                    and not _of_another_kind(words, link, ev):
                locs.append(link)
    return replace(ev, locations=_unique(locs), hosts=_unique(hosts))


def _premises(ev: Event, found: Findings) -> tuple[Event, list[Venue]]:
    """'runs from Feb. 5 to 16 at the Kitakyushu International Techno-cooperative Association',
    'an internship at the Kitakyushu City Environment Bureau': a body that hosts the event by
    being named after 'di' / 'at' in its sentences is also where it is held, a venue of the same
    name in the body's region - unless a venue of the text is named there already ('di Inixindo
    Bandung'; a school's campus) or names the body ('Kampus LOGODI' before 'di LOGODI')."""
    if not ev.hosts:
        return ev, []
    named = [f" {n} " for v in found.of(Venue) for n in (v.name, *v.aliases)]
    venues: list[Venue] = []
    locs = list(ev.locations)
    for h in ev.hosts:
        org = found.entities.get(h.key)
        if not isinstance(org, Organization) or any(
                l.key.startswith("place/") and l.span.start <= h.span.start < l.span.end for l in found.mentions) \
                or any(f" {n} " in v for n in (org.name, *org.aliases) for v in named):
            continue
        venue = Venue(key("place", org.name), org.name, span=h.span, within=org.region)
        venues.append(venue)
        locs.insert(0, Link(venue.key, h.span))
    if not venues:
        return ev, []
    return replace(ev, locations=_unique(locs)), venues


MAX_CONTINUATION = 2  # sentences after an event's own that may still tell where it is held


def _event_words_in(s: Sentence, found: Findings) -> list[tuple[int, str]]:
    """(offset, kind) of the event words of a sentence that are not inside a name."""
    out: list[tuple[int, str]] = []
    for m in kind_matcher().find(s.text):
        start, end = s.start + m.start, s.start + m.end
        if not any(l.key.startswith(("org/", "place/")) and l.span.start <= start and end <= l.span.end
                   for l in found.mentions):
            kind = "another" if _likeness(s.text, m.start, m.end) else m.payloads[0].kind
            out.append((start, kind))
    return out


def _likeness(text: str, start: int, end: int) -> bool:
    """'orientasi serupa', 'a similar training': the event word speaks of another event of its kind."""
    after = text[end : end + 12].lower().lstrip()
    before = text[max(0, start - 12) : start].lower().rstrip()
    return any(after.startswith(w + " ") or after == w or before.endswith(" " + w) or before == w
               for w in likeness_words())


@functools.cache
def likeness_words() -> tuple[str, ...]:
    """Words next to an event word that make it another event of that kind ('serupa', 'similar')."""
    return tuple(row["cue"] for row in table("place_cues.csv") if row["kind"] == "likeness")


def _of_another_kind(words: list[tuple[int, str]], link: Link, ev: Event) -> bool:
    """'Ikut Pelatihan P3PD, 20 Orang Lanjut Magang ke Desa Kutuh': a place after an event word of
    another kind than the event's, with none of its own kind or its own name between, is where
    that other activity goes. A send-off (kind 'other') has no event word of its own."""
    if ev.kind == "other":
        return False
    before = [(start, k) for start, k in words if start < link.span.start]
    if not before:
        return False
    start, kind = before[-1]
    return kind != ev.kind and not (ev.span is not None and ev.span.start <= start < ev.span.end)


def _continuations(article: Article, sentences: list[Sentence]) -> list[Sentence]:
    """The sentence right after one of the event's, or the next but one after a sentence that
    names no event either, that names no event but says where something is held ('Sesi kelas
    dijadwalkan di Jakarta ...', 'The residential module, held at ...'): it goes on telling
    about the event, and its places are the event's - unless it tells of a send-off ('Pelepasan
    peserta dilaksanakan di ...'), which is where the participants leave from."""
    own = {s.index for s in sentences}
    out: list[Sentence] = []
    for i in sorted(own):
        for j in range(i + 1, min(i + 1 + MAX_CONTINUATION, len(article.sentences))):
            nxt = article.sentences[j]
            if j in own or kind_matcher().find(nxt.text) or _cue_spans(nxt, "generic"):
                break
            cues = {kind for m in place_cue_matcher().find(nxt.text) for kind in m.payloads}
            if "held" in cues and not departure_matcher().find(nxt.text):
                if nxt not in out:
                    out.append(nxt)
                break
    return out


MAX_ORIGIN_WORDS = 8


def _origin(text: str, link: Link, article: Article) -> bool:
    """'pejabat dari 4 provinsi baru di Papua', 'officials from agencies in East Java, Surabaya':
    a region after 'dari ... di' / 'from ... in', with no verb between, is where people come
    from, not where the event is ('officials from 21 provinces are spending four days in X' and
    'dari 10 hingga 12 Juni di X' are not)."""
    if not link.key.startswith("region/"):
        return False
    words = re.split(r"\s+", text[max(0, link.span.start - 200) : link.span.start].strip())
    words = [w for w in words if w]
    linkers = LOCATION_LINKERS | visit_verbs()
    i = len(words) - 1
    while i >= 0 and words[i].lower() not in linkers:  # back over the comma-set places
        i -= 1
    if i < 0 or words[i].lower() not in LOCATION_LINKERS:
        return False
    origins, clause = origin_words(), clause_words()
    for j in range(i - 1, max(0, i - MAX_ORIGIN_WORDS) - 1, -1):
        w = words[j]
        low = w.lower()
        if low in origins:  # 'dari 10 Juni di Bandung' is a date, not an origin
            return not dates.find_dates(" ".join(words[j:i]), article.published or date(2000, 1, 1),
                                        article.language)
        if w[-1:] in ",.;:" or low in clause or _verb_like(w):
            return False
    return False


def _verb_like(word: str) -> bool:
    """An Indonesian verb by its prefix ('mengikuti', 'dilatih', 'berkumpul')."""
    return word.islower() and len(word) > 4 and word.startswith(("me", "di", "ber", "ter"))


@functools.cache
def origin_words() -> frozenset[str]:
    """Words after which the places named say where people come from ('dari', 'from')."""
    return frozenset(row["cue"] for row in table("place_cues.csv") if row["kind"] == "origin")


@functools.cache
def clause_words() -> frozenset[str]:
    """Words that begin a predicate ('are', 'was', 'akan'): 'from ...' before them is not
    part of the place phrase after."""
    return frozenset(row["cue"] for row in table("place_cues.csv") if row["kind"] == "predicate")


@functools.cache
def visit_verbs() -> frozenset[str]:
    """Verbs whose object is a place visited ('mengunjungi', 'visited')."""
    return frozenset(row["cue"] for row in table("place_cues.csv") if row["kind"] == "visit")


def _visited_government(text: str, link: Link, org: Organization, ev: Event, found: Findings) -> bool:
    """A government a study visit goes to ('studi banding ke Pemkab Sidoarjo'), or one any event
    visits ('visit Seoul Metropolitan Government'): its region is where the event is."""
    if not org.region or not (org.government or org.kind == "regional-government"):
        return False
    if ev.kind == "study-visit" and _after_linker(text, link.span.start, found):
        return True
    return _after_linker(text, link.span.start, found, visit_verbs())


def _after_linker(text: str, start: int, found: Findings, linkers: frozenset[str] = LOCATION_LINKERS) -> bool:
    """True when 'di' / 'in' / 'at the' / 'ke' (or another of ``linkers``) stands right before, or
    before a part of the place ('di halaman Kompleks X', 'in the courtyard of the Hotel X'),
    or when the place is one of a few comma-set names, or the next of a list, after a venue or
    place so introduced ('di Hotel X, Cisarua, Bogor'; 'mengunjungi MPP X serta Desa Y')."""
    for _ in range(4):
        before = _past_part(text[max(0, start - 60) : start].rstrip())
        words = before.split()
        if not words:
            return False
        last = words[-1].lower()
        if last in linkers or (last == "the" and len(words) > 1 and words[-2].lower() in linkers):
            return True
        if last in LIST_JOINERS:
            end = max(0, start - 60) + len(before[: -len(last)].rstrip())
            prev = [l for l in found.mentions if l.span.end == end and l.key.startswith(("region/", "place/"))]
            if not prev:
                return False
            start = min(l.span.start for l in prev)
            continue
        if not before.endswith(","):
            return False
        comma = max(0, start - 60) + len(before) - 1
        prev = [l for l in found.mentions if l.span.end == comma and l.key.startswith(("region/", "place/"))]
        if prev:
            start = min(l.span.start for l in prev)
            continue
        m = re.search(r"(?:^|\s)((?:[A-Z][\w-]*\s?){1,3})$", text[max(0, comma - 40) : comma])
        if not m:
            return False
        start = comma - len(m.group(1))
    return False


def _past_part(before: str) -> str:
    """The text before a place without the part of it named first: 'di halaman' -> 'di',
    'in the courtyard of the' -> 'in the'."""
    low = before.lower()
    for part in part_words():
        for tail in (part, part + " the"):
            if low.endswith(" " + tail):
                return before[: -len(tail)].rstrip()
    return before


@functools.cache
def part_words() -> tuple[str, ...]:
    """Words naming a part of a place, between 'di' / 'at' and its name ('halaman', 'lobby of')."""
    return tuple(sorted((row["cue"] for row in table("place_cues.csv") if row["kind"] == "part"), key=len,
                        reverse=True))


def _unique(links: list[Link]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for l in links:
        seen.setdefault(l.key, l)
    return tuple(seen.values())


def _cue_spans(s: Sentence, kind: str) -> list[Match[str]]:
    return [m for m in _cues_in(s.text) if kind in m.payloads]


@functools.lru_cache(maxsize=512)
def _cues_in(text: str) -> tuple[Match[str], ...]:
    """Every cue of a sentence, found once however many kinds are asked for."""
    return tuple(cue_matcher().find(text))


def _fill_roles(article: Article, tokens: list[Token], sentences: list[Sentence], ev: Event, found: Findings) -> Event:
    organizers: list[Link] = []
    hosts = list(ev.hosts)
    text = article.body
    for s in [*sentences, *_follow_ons(article, sentences, ev.kind)]:
        orgs = [l for l in _links_in(found, s, "org/") if not _in_office(found, l)]
        for cue in _cue_spans(s, "organizer-verb"):
            organizers.extend(_subject_orgs(text, found, orgs, s.start + cue.start))
        for kind, target in (("organizer-by", organizers), ("host-by", hosts)):
            for cue in _cue_spans(s, kind):
                target.extend(_agent_orgs(text, found, orgs, s.start + cue.end))
    hosts.extend(_campus_owners(found, ev))
    hosts.extend(_destinations(text, found, ev))
    organizer_keys = {l.key for l in organizers}
    return replace(ev, organizers=_unique(organizers), hosts=tuple(h for h in _unique(hosts) if h.key not in organizer_keys))


def _destinations(text: str, found: Findings, ev: Event) -> list[Link]:
    """'Benchmarking ke Pemkab Sidoarjo', 'study visit to the Seoul Metropolitan Government': the
    body a visit goes to receives it."""
    if ev.kind != "study-visit" or ev.span is None:
        return []
    return [l for l in found.mentions if l.key.startswith("org/") and ev.span.start < l.span.start < ev.span.end
            and re.search(r"\b(?:ke|to|to the)\s*$", text[max(0, l.span.start - 8) : l.span.start], re.I)]


def _follow_ons(article: Article, sentences: list[Sentence], kind: str) -> list[Sentence]:
    """'Orientasi dibuka Wali Kota. Penyelenggaranya Sekretariat DPRD ...': a sentence right after
    one whose last event word is of this event's kind, and that uses no event word of its own,
    goes on speaking of that event."""
    own = {s.index for s in sentences}
    out: list[Sentence] = []
    for s in sentences:
        if s.index + 1 >= len(article.sentences) or s.index + 1 in own:
            continue
        words = kind_matcher().find(s.text)
        nxt = article.sentences[s.index + 1]
        if words and words[-1].payloads[0].kind == kind and not kind_matcher().find(nxt.text):
            out.append(nxt)
    return out


def _campus_owners(found: Findings, ev: Event) -> list[Link]:
    """'di Kampus BPSDM Kaltim', 'di Aula Badan Diklat ...': a training body whose campus or hall
    holds the event delivers it."""
    words = cues().get("training-body", frozenset())
    out: list[Link] = []
    for loc in ev.locations:
        if not loc.key.startswith("place/"):
            continue
        for l in found.mentions:
            org = found.entities.get(l.key)
            if (isinstance(org, Organization) and loc.span.start <= l.span.start and l.span.end <= loc.span.end
                    and any(w.lower() in org.name.lower() for w in words)):
                out.append(l)
    return out


_AGENT_GAP = re.compile(r"^\s*(?:oleh|by|pihak|the|by the|oleh pihak)?\s*$", re.I)
_JOIN_GAP = re.compile(r"^[\s()]*(?:,|dan|serta|bersama|bersama dengan|dengan|bekerja ?sama dengan|melalui|lewat|"
                       r"through|and|and the|with|with the|together with|in cooperation with|in collaboration with)?\s*"
                       r"(?:the\s+)?$", re.I)
_SUBJECT_GAP = re.compile(r"^[^.;:\"“”]{0,60}$")


def _in_office(found: Findings, link: Link) -> bool:
    """An organization named as part of an office ('Asisten III Sekretariat Daerah Garut')."""
    return any(l.key.startswith(("post/", "person/")) and l.span.start < link.span.start and link.span.end <= l.span.end
               for l in found.mentions)


def _agent_orgs(text: str, found: Findings, orgs: list[Link], offset: int) -> list[Link]:
    """'diselenggarakan (oleh) X dan Y': the organizations right after a passive verb."""
    out: list[Link] = []
    for l in sorted(orgs, key=lambda l: l.span.start):
        if l.span.start < offset:
            continue
        gap = text[offset : l.span.start]
        if not (_AGENT_GAP.match(gap) if not out else _JOIN_GAP.match(gap)):
            break
        if _governmental(found, l.key) or out == []:
            m = _POSSESSIVE_UNIT.match(text, l.span.end) if not out else None
            unit = _unit_named(found, l, m, by_acronym=True) if m is not None else None
            out.append(unit or l)  # 'implemented by Komdigi's Human Resources Development Agency (BPSDM Komdigi)'
            if unit is not None and m is not None:
                offset = m.end()
        offset = max(offset, l.span.end)
    return out


def _subject_orgs(text: str, found: Findings, orgs: list[Link], cue_start: int) -> list[Link]:
    """'X (bersama Y) menggelar ...': the organizations that are the subject of an organizing verb."""
    before = _outermost(sorted((l for l in orgs if l.span.end <= cue_start and _governmental(found, l.key)),
                               key=lambda l: l.span.start))
    if before:
        unit = _unit_through(text, found, before[-1], cue_start)
        if unit is not None:
            return [before[-1], unit]
    if not before or not _SUBJECT_GAP.match(text[before[-1].span.end : cue_start]):
        return []
    if any(l.key.startswith("person/") and before[-1].span.end <= l.span.start < cue_start for l in found.mentions):
        return []
    out = [before[-1]]
    for l in reversed(before[:-1]):
        if l.span.end <= out[-1].span.start and _JOIN_GAP.match(text[l.span.end : out[-1].span.start]):
            out.append(l)
        elif l.span.end > out[-1].span.start:
            continue
        else:
            break
    if re.search(r"\bof\s+(?:the\s+)?$", text[max(0, out[-1].span.start - 8) : out[-1].span.start], re.I):
        return []  # 'the regional office of the BPKP is training ...': the subject is a unit not found
    if _unit_before(text, out[-1].span.start):
        return []  # 'Bagian Pengadaan Barang dan Jasa Setda Kota X menggelar': a unit of it, not found
    return out[::-1]


MAX_UNIT_WORDS = 8


def _unit_before(text: str, start: int) -> bool:
    """'Bagian Pengadaan Barang dan Jasa Setda Kota X': a unit's name not found as a body runs
    right up to the body named after it (capitalized words and joiners back to a unit head)."""
    words = text[max(0, start - 120) : start].split(" ")[:-1]
    heads = cues().get("unit-head", frozenset())
    for w in reversed(words[-MAX_UNIT_WORDS:]):
        if w in heads:
            return True
        if not (w[:1].isupper() and w.isalpha() or w in LIST_JOINERS or w == "&"):
            return False
    return False


def _outermost(links: list[Link]) -> list[Link]:
    """'The West Sumatra representative office of the Financial and Development Supervisory
    Agency (BPKP)': a body named inside a longer body's name, and its acronym after it, are
    part of that name, not bodies of their own."""
    inner = {l.key for l in links if any(o.span.start <= l.span.start and l.span.end <= o.span.end
                                         and o.span != l.span for o in links)}
    outer = [l for l in links if not any(o.span.start <= l.span.start and l.span.end <= o.span.end
                                         and o.span != l.span for o in links)]
    return [l for l in outer if l.key not in inner]


_THROUGH = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:melalui|lewat|through)\s+(?:the\s+)?"
                      r"(?P<unit>[A-Z][^.;:,\"“”()]{2,100}?)\s*(?:\((?P<acronym>[^()\s]{2,15})\)\s*)?$")


def _unit_through(text: str, found: Findings, government: Link, cue_start: int) -> Link | None:
    """'Pemkab X melalui Badan Kepegawaian ... (BKPSDM) menggelar': the unit named without its
    region is the unit of that government the article names in full elsewhere."""
    m = _THROUGH.match(text[government.span.end : cue_start])
    if m is None:
        return None
    return _unit_named(found, government, m)


def _unit_named(found: Findings, parent: Link, m: re.Match[str], by_acronym: bool = False) -> Link | None:
    """The unit of ``parent`` found in the article whose name or alias begins with the words
    (or the bracketed acronym) matched right after the parent; with ``by_acronym``, also any
    other body the bracketed acronym names exactly."""
    words = " ".join(m["unit"].split()).lower()
    acronym = (m["acronym"] or "").lower()
    for org in sorted(found.of(Organization), key=lambda o: o.key):
        names = [n.lower() for n in (org.name, *org.aliases)]
        exact = by_acronym and bool(acronym) and org.key != parent.key and acronym in names
        if org.parent != parent.key and not exact:
            continue
        if any(n.startswith(words + " ") for n in names) or (acronym and any(n.startswith(acronym + " ")
                                                                               or n == acronym for n in names)):
            start = parent.span.end + m.start("unit") - m.pos
            return Link(org.key, Span(start, start + len(m["unit"])))
    return None


_POSSESSIVE_UNIT = re.compile(r"['’]s\s+(?P<unit>[A-Z][^.;:,\"“”()]{2,100}?)\s*"
                              r"(?:\((?P<acronym>[^()]{2,30})\)|(?=[.;:,]|$))")


def _governmental(found: Findings, key_: str) -> bool:
    org = found.entities.get(key_)
    return isinstance(org, Organization) and org.kind != "media"


def _fill_participants(article: Article, tokens: list[Token], sentences: list[Sentence], ev: Event,
                       found: Findings, main: bool, others: tuple[str, ...] = ()) -> tuple[Event, list[object]]:
    """People and offices after a participation cue ('diikuti', 'peserta', 'bagi'), bodies
    after an origin cue ('peserta berasal dari', 'participants from'), listed offices, and the
    holders of attending offices. The main event takes such sentences from the whole article."""
    attendees: list[Link] = []
    side = {l.key for l in (*ev.organizers, *ev.hosts)}
    if main:
        attendees.extend(found.listed_posts)
        attendees.extend(l for l in found.participant_hints if not _staff_leader(article.text, l, found, side))
    scope = article.sentences if main else sentences
    names = [l.span for l in found.mentions if l.key.startswith(("post/", "org/"))]
    quoted = _quotation_spans(article.text)
    origin_at = -2
    for s in scope:
        guests = _cue_spans(s, "guests")
        cut = s.start + guests[0].start if guests else s.end
        for kind, prefixes in (("participation", ("person/", "post/")), ("origin", ("person/", "post/", "org/"))):
            said = _participant_cues(s, kind)
            if kind == "origin":
                said, origin_at = (said, s.index) if said else (_origin_list(s) if origin_at == s.index - 1 else [], origin_at)
            for cue in said:
                lo = s.start + cue.end
                if any(n.start <= s.start + cue.start < n.end for n in names):
                    continue  # part of a name: 'deputy for institutional affairs'
                hi = _quote_end(quoted, s.start + cue.start, max(cut, lo))
                attendees.extend(l for l in found.mentions if lo <= l.span.start < hi and
                                 l.key.startswith(prefixes) and l.key not in side and _attends(found, l.key))
    posts = {l.key for l in attendees if l.key.startswith("post/")}
    for h in found.holdings:
        if h.post in posts:
            attendees.append(Link(h.person, h.span))
    # an office whose holder is named attends through its holder ('Lurah Suryodiningratan,
    # Anindya ...' is one participant, and leaves the group 'lurah' its own), unless the article
    # lists the offices that take part
    people = {l.key for l in attendees if l.key.startswith("person/")}
    listed = {l.key for l in found.listed_posts} if main else set()
    held = {h.post for h in found.holdings if h.person in people} - listed
    attendees = [l for l in attendees if l.key not in held]
    roles = {found.entities[k].role for k in posts - held if k in found.entities}  # type: ignore[attr-defined]
    owner = _Owner.of(ev, others)
    audiences, count = _audiences(article, list(scope), found, roles, [ev.span] if ev.span else [], owner)
    if owner.batch is not None:
        count = _per_batch_count(article.sentences, article.language) or count
    attendees.extend(_group_members(found, audiences))
    # a body inside a group's phrase says whose people they are ('CPNS ... di lingkungan
    # Pemerintah Provinsi X'): the group takes part, not the body as a participant of its own
    inside = [a.span for a in audiences if a.span is not None]
    attendees = [l for l in attendees if not (l.key.startswith("org/") and
                                              any(g.start <= l.span.start and l.span.end <= g.end for g in inside))]
    # the body inside an attending office's name ('Kabag Organisasi Setdakab X') is the office's
    offices = [l.span for l in attendees if l.key.startswith("post/")]
    attendees = [l for l in attendees if not (l.key.startswith("org/") and
                                              any(o.start <= l.span.start and l.span.end <= o.end for o in offices))]
    count = count or len(found.listed_posts) or None if main else count
    ev = replace(ev, attendees=_unique(attendees), audiences=tuple(a.key for a in audiences), count=count)
    return ev, list(audiences)


def _origin_list(s: Sentence) -> list[Match[str]]:
    """The cue that opens a sentence listing the bodies an origin cue of the sentence before
    spoke of ('... berasal dari kementerian/lembaga dan pemerintah daerah. Di antaranya X, Y')."""
    return [c for c in _cue_spans(s, "origin-list") if not s.text[: c.start].strip()][:1]


def _staff_leader(text: str, hint: Link, found: Findings, side: set[str]) -> bool:
    """'LAN deputy X, who leads the delegation': an officer of the body that organizes or hosts
    the event leads its participants as staff, not as one of them."""
    if not any("leads-delegation" in c.payloads for c in _cues_in(text[hint.span.start : hint.span.end])):
        return False
    for h in found.holdings:
        post = found.entities.get(h.post) if h.person == hint.key else None
        if isinstance(post, Post) and post.org in side:
            return True
    return False


def _quote_end(quoted: list[Span], at: int, end: int) -> int:
    """Where the participants after a cue at ``at`` may be named, up to ``end``: a cue inside
    direct speech ('... for centuries," said Deputy X') names no one outside the quotation."""
    q = next((q for q in quoted if q.start <= at < q.end), None)
    return min(end, q.end) if q is not None else end


_SPEAKER_GAP = re.compile(r"^[^,;:.]{0,40}$")


def _participant_cues(s: Sentence, kind: str) -> list[Match[str]]:
    """The participation or origin cues of a sentence whose subject is not the speakers or
    staff: 'narasumber pelatihan berasal dari BPKP' names who teaches, not who takes part."""
    speakers = _cue_spans(s, "speakers")
    found = _cue_spans(s, kind)
    if kind == "origin":  # 'The participants, all senior executives, come from the Ministry of ...'
        found += [c for c in _cue_spans(s, "origin-of-participants") if _participants_before(s, c.start)]
    return [c for c in found
            if not any(sp.end <= c.start and _SPEAKER_GAP.match(s.text[sp.end : c.start]) for sp in speakers)]


def _participants_before(s: Sentence, end: int) -> bool:
    head = s.text[:end]
    return any(m.payloads[0] in COHORT_WORDS for m in participant_nouns().find(head, tokenize(head)))


def _group_members(found: Findings, groups: list[Audience]) -> list[Link]:
    """The people whose office is of a participating group's kind and lies in its region:
    'Camat Baleendah Yudi Permana' when the camat of Kabupaten Bandung take part. An office
    whose region is not known (a village outside the gazetteer) may be the host's, unless the
    region it lies in is set off right after it ('Keuchik Gampong X, Kecamatan Y')."""
    kinds: dict[str, list[str | None]] = defaultdict(list)
    for g in groups:
        if g.audience_type:
            kinds[key("role", g.audience_type)].append(g.region)
    out: list[Link] = []
    for h in found.holdings:
        post = found.entities.get(h.post)
        if not isinstance(post, Post) or post.role not in kinds:
            continue
        org = found.entities.get(post.org)
        where = org.region if isinstance(org, Organization) else None
        if where is None and post.span is not None:  # 'Keuchik Gampong X, Kecamatan Y, ...'
            where = _region_after(found, post.span.end)
        if where is not None and any(r is not None and _within(found, where, r) for r in kinds[post.role]):
            out.append(Link(h.person, h.span))
    return out


def _within(found: Findings, inner: str, outer: str) -> bool:
    """Whether region ``inner`` is ``outer`` or lies inside it."""
    if inner == outer:
        return True
    a, b = found.entities.get(inner), found.entities.get(outer)
    if not (isinstance(a, Region) and isinstance(b, Region)):
        return False
    from kg.gazetteer import Gazetteer

    return any(p.key == b.place for p in Gazetteer.load().ancestors(a.place))


COHORT_WORDS = frozenset({"peserta", "participants", "trainees"})


def _same_cohort(article: Article, drafts: list[Draft], records: list[object],
                 found: Findings | None = None) -> list[object]:
    """A numbered batch of the main event's series that names no participants of its own takes
    the main event's people, bodies, groups and number; a study visit or workshop that names none
    but speaks of 'the participants' ('peserta juga akan melakukan benchmarking ke ...') takes its
    number and the group said first, the whole cohort (later groups tell what it is made of),
    with the people named as members of that group ('Camat Baleendah Yudi Permana')."""
    events = [r for r in records if isinstance(r, Event)]
    if len(events) != len(drafts) or len(events) < 2:
        return records
    main = events[0]
    series = _BATCH_LABEL.sub("", main.name).strip()
    shared: dict[str, Event] = {}
    groups = {r.key: r for r in records if isinstance(r, Audience)}
    for d, ev in zip(drafts[1:], events[1:]):
        own = [groups[k] for k in ev.audiences if k in groups]
        if own and all(_bare(g) for g in own):  # 'para camat akan mengikuti ...': the camat said before, and its members
            fuller = [k for k in main.audiences if k in groups and
                      any(groups[k].audience_type == g.audience_type for g in own)]
            if fuller:
                members = _group_members(found, [groups[k] for k in fuller]) if found is not None else []
                shared[ev.key] = replace(ev, attendees=_unique([*ev.attendees, *members]),
                                         audiences=tuple(fuller), count=ev.count or main.count)
                continue
        if ev.audiences or any(l.key.startswith(("person/", "post/")) for l in ev.attendees):
            continue
        if d.batch is not None and _BATCH_LABEL.sub("", ev.name).strip() == series:
            shared[ev.key] = replace(ev, attendees=_unique([*ev.attendees, *main.attendees]),
                                     audiences=main.audiences, count=ev.count or main.count)
        elif ev.kind in SIDE_KINDS and any(_speaks_of_participants(article.sentences[i]) for i in sorted(d.sentences)):
            cohort = [groups[k] for k in main.audiences[:1] if k in groups]
            members = _group_members(found, cohort) if found is not None else []
            shared[ev.key] = replace(ev, attendees=_unique([*ev.attendees, *members]),
                                     audiences=main.audiences[:1], count=ev.count or main.count)
    return [shared.get(r.key, r) if isinstance(r, Event) else r for r in records]


def _bare(group: Audience) -> bool:
    """A group said by its kind alone ('camat', 'para lurah'), without place or complement."""
    return group.region is None and group.name.lower() in (group.audience_type or "").lower()


def _speaks_of_participants(s: Sentence) -> bool:
    tokens = tokenize(s.text)
    return any(m.payloads[0] in COHORT_WORDS for m in participant_nouns().find(s.text, tokens))


def _attends(found: Findings, key_: str) -> bool:
    """Media and training providers do not attend; everything else named there may."""
    entity = found.entities.get(key_)
    return not (isinstance(entity, Organization) and entity.kind in ("media", *HOST_KINDS))


_BATCH_LABEL = re.compile(r"\b(?P<word>Angkatan|Gelombang|Batch|Kelas)\s+(?P<n>[IVX]{1,5}|1V|\d{1,3})\b"
                          r"(?!\s*(?:dan|,|&|and)\s*(?:(?:Angkatan|Gelombang|Batch|Kelas)\s+)?(?:[IVX]{1,5}|\d{1,3})\b)")
CLAUSE_BREAKS = frozenset({",", ";", "sedangkan", "sementara", "adapun", "whereas", "while", "meanwhile"})


@dataclass(frozen=True)
class _Owner:
    """What tells that a clause speaks of this event: its numbered batch ('Angkatan II'), the
    words of its name, and the words that only the article's other events' names have."""

    batch: str | None
    words: frozenset[str]
    foreign: frozenset[str]

    @classmethod
    def of(cls, ev: Event, others: tuple[str, ...]) -> _Owner:
        mine = set().union(*(_name_words(n) for n in (ev.name, *ev.aliases)))
        theirs = set().union(*(_name_words(n) for n in others)) if others else set()
        batches = list(_BATCH_LABEL.finditer(ev.name))
        batch = f"{batches[-1]['word'].lower()} {batches[-1]['n']}" if batches else None
        return cls(batch, frozenset(mine), frozenset(theirs - mine))

    def claim(self, s: Sentence, tokens: list[Token], i: int) -> int:
        """Whose participants follow token ``i``, read from the clause before it: 2 when it
        names this event's batch, 1 when it names this event, -1 when it names another batch or
        another event ('PKA diikuti 30 pejabat, sedangkan PKP diikuti 60 ...'), 0 when unsaid."""
        k = min(i, len(tokens))
        while k > 0 and tokens[k - 1].low not in CLAUSE_BREAKS:
            k -= 1
        if k >= min(i, len(tokens)):
            return self._claim_after(s, tokens, i)
        clause = s.text[tokens[k].start : tokens[min(i, len(tokens)) - 1].end]
        label = next(_BATCH_LABEL.finditer(clause), None)
        if label is not None:
            if self.batch is None:
                return 0
            return 2 if f"{label['word'].lower()} {label['n']}" == self.batch else -1
        score = 0
        words = tokenize(clause)
        for m in kind_matcher().find(clause, words):
            if _next_one(words, m):
                return -1  # 'pelatihan berikutnya akan difokuskan bagi ...': a later event's people
            said = _name_words(clause[m.start : m.end])
            if said & self.words:
                return 1
            if said & self.foreign:
                score = -1
        return score or self._claim_after(s, tokens, i)

    def _claim_after(self, s: Sentence, tokens: list[Token], i: int) -> int:
        """-1 when the rest of the clause after token ``i`` names only another event ('...
        mengirim dua pejabat tinggi pratama mengikuti PKN Tingkat II'), else 0."""
        k = min(i, len(tokens))
        while k < len(tokens) and tokens[k].low not in CLAUSE_BREAKS:
            k += 1
        if k <= i:
            return 0
        clause = s.text[tokens[i].start : tokens[k - 1].end]
        said = [_name_words(clause[m.start : m.end]) for m in kind_matcher().find(clause, tokenize(clause))]
        if any(w & self.words for w in said):
            return 0
        return -1 if any(w & self.foreign for w in said) else 0


def _next_one(tokens: list[Token], m: Match[EventKind]) -> bool:
    """Whether an event word is said of a later event ('pelatihan berikutnya', 'the next training')."""
    after = tokens[m.last].low if m.last < len(tokens) else ""
    before = tokens[m.first - 1].low if m.first > 0 else ""
    return after in next_event_words() or before in next_event_words()


@functools.cache
def next_event_words() -> frozenset[str]:
    return frozenset(w.lower() for w in column("next_event_words.csv", "word"))


def _audiences(article: Article, sentences: list[Sentence], found: Findings,
               covered_roles: set[str], names: list[Span], owner: _Owner | None = None
               ) -> tuple[list[Audience], int | None]:
    """Groups described by role and place after a participation cue, as written ('keuchik
    se-Kabupaten Aceh Besar', 'CPNS golongan III formasi 2023', 'pejabat pimpinan tinggi
    pratama'), each item of a list its own group, and the number that takes part: the first
    number of the clauses that speak most closely of this event, none of another's."""
    out: list[Audience] = []
    count: int | None = None
    best = -1
    for s in sentences:
        tokens = tokenize(s.text)
        for i in _group_starts(s, tokens, article.language, article.dateline_span):
            claim = owner.claim(s, tokens, i) if owner is not None else 0
            if claim < 0:
                continue
            groups, number = _groups(s, tokens, i, found, article.language)
            if number is not None and claim > best:
                count, best = number, claim
            for group in groups:
                if any(d.start <= group.span.start < d.end for d in names) if group.span else False:
                    continue
                if key("role", group.audience_type or "") in covered_roles:
                    continue
                if all(a.key != group.key for a in out):
                    out.append(group)
    return _most_specific(out), count


def _per_batch_count(sentences: Sequence[Sentence], lang: str) -> int | None:
    """The number of people in each batch ('masing-masing 40 orang', 'setiap angkatan diikuti
    40 peserta', '40 peserta per angkatan'): what one numbered batch of a series counts."""
    for s in sentences:
        cues = _cue_spans(s, "per-batch")
        if not cues:
            continue
        tokens = tokenize(s.text)
        for cue in cues:
            k = next((n for n, t in enumerate(tokens) if t.start >= cue.end), len(tokens))
            while k < len(tokens) and any(c.start <= tokens[k].start < c.end for c in _cues_in(s.text)
                                          if "participation" in c.payloads):
                k += 1  # 'setiap angkatan diikuti 40 peserta'
            before = next((n for n in range(len(tokens) - 1, -1, -1) if tokens[n].end <= cue.start), None)
            for at in (k, before - 1 if before is not None else None):
                if at is None or at < 0 or at >= len(tokens):
                    continue
                number, after = _leading_number(tokens, at, lang)
                people = after > at + 1 and tokens[after - 1].low in GROUP_LEADERS  # '40 orang'
                if number is not None and number > 1 and (people or _group_head(s.text, tokens, after)):
                    return number
    return None


def _story_start(s: Sentence, tokens: list[Token], dateline: Span | None) -> int:
    """The first token of the story in a sentence: after the dash of a dateline that opens
    it ('Sejong (ANTARA) - Twenty-five officials ...', 'KUPANG, kupangkab.go.id – Sebanyak ...')."""
    if dateline is None or not s.start <= dateline.start < s.end:
        return 0
    for k, tok in enumerate(tokens[:12]):
        if tok.text in "-–—" and tok.start > 0 and s.text[tok.start - 1].isspace():
            return k + 1
    return 0


def _group_starts(s: Sentence, tokens: list[Token], lang: str = "id", dateline: Span | None = None) -> list[int]:
    """Where participant groups may begin: after a participation or origin cue; at the start
    of a sentence that has such a cue ('Sebanyak 50 anggota DPRD ... mengikuti orientasi',
    'Thirty officials are taking part in ...'); after an event word followed by a number ('is
    training 212 wali nagari')."""
    cues = [*_participant_cues(s, "participation"), *_participant_cues(s, "origin"),
            *_participant_cues(s, "group-participation")]
    starts = [next((k for k, t in enumerate(tokens) if t.start >= c.end), len(tokens)) for c in cues]
    first = _story_start(s, tokens, dateline)
    if cues and first < len(tokens) and (tokens[first].low in GROUP_LEADERS or tokens[first].text[:1].isdigit()
                                         or _spelled_number(tokens, first, lang) is not None):
        starts.append(first)
    if cues:  # '... melepas 75 lurah dan 17 panewu se-Kabupaten Bantul yang akan mengikuti ...'
        starts.extend(k for k, t in enumerate(tokens) if t.text.isdigit() and (k == 0 or tokens[k - 1].text != "("))
        starts.extend(k for k, t in enumerate(tokens)  # '... mengirim dua pejabat tinggi pratama mengikuti PKN'
                      if t.low in numbers.number_words() and (k == 0 or tokens[k - 1].text != "(")
                      and _spelled_number(tokens, k, lang) is not None)
        starts.extend(k for k, t in enumerate(tokens) if t.low in PLURAL_LEADERS)  # 'para camat akan mengikuti'
    for m in kind_matcher().find(s.text, tokens):
        if m.last < len(tokens) and tokens[m.last].text[:1].isdigit():
            starts.append(m.last)
    return sorted(set(starts))


def _groups(s: Sentence, tokens: list[Token], i: int, found: Findings,
            lang: str) -> tuple[list[Audience], int | None]:
    """The groups of a participation phrase and the number stated before the first one."""
    out: list[Audience] = []
    first_number: int | None = None
    while i < len(tokens):
        number, i = _leading_number(tokens, i, lang)
        head = _group_head(s.text, tokens, i)
        if head is None:
            k = _past_office(s, tokens, i, found)  # 'para camat, Kabag Organisasi Setdakab X, dan ...'
            if k > i and k < len(tokens) and tokens[k].low in LIST_JOINERS | {","}:
                i = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].low in LIST_JOINERS)
                continue
            break
        if first_number is None and number is not None and number > 1:
            first_number = number
        atype, head_end = head
        j = head_end
        while j < len(tokens) and j - i < MAX_GROUP_TOKENS and not _group_stop(tokens[j]) \
                and not _venue_follows(s, tokens, j, found):
            j += 1
        phrase = " ".join(s.text[tokens[i].start : tokens[j - 1].end].split())
        if not (j == head_end and atype in GENERIC_AUDIENCES):
            lo, hi = s.start + tokens[i].start, s.start + tokens[j - 1].end
            region = next((l.key for l in found.mentions if l.key.startswith("region/") and lo <= l.span.start < hi), None)
            out.append(Audience(key("audience", phrase), phrase, span=Span(lo, hi), audience_type=atype,
                                region=region, count=number))
        if j < len(tokens) and tokens[j].low in LIST_JOINERS | {","}:
            i = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].low in LIST_JOINERS)
            continue
        break
    return _shared_region(out), first_number


def _past_office(s: Sentence, tokens: list[Token], i: int, found: Findings) -> int:
    """The index after a named office that starts at token ``i`` ('Kabag Organisasi Setdakab
    X' in a list of groups: it takes part as an office of its own), else ``i``."""
    if i >= len(tokens):
        return i
    start = s.start + tokens[i].start
    end = max((l.span.end for l in found.mentions if l.span.start == start and l.key.startswith("post/")),
              default=None)
    if end is None:
        return i
    return next((k for k in range(i, len(tokens)) if s.start + tokens[k].start >= end), len(tokens))


def _shared_region(groups: list[Audience]) -> list[Audience]:
    """'18 panewu dan 144 lurah se-Kabupaten Gunungkidul': the last item's region is everyone's."""
    region = groups[-1].region if groups else None
    return [g if g.region or region is None else replace(g, region=region) for g in groups]


def _most_specific(groups: list[Audience]) -> list[Audience]:
    """One group per kind of people: the one with a region, else the one said most fully; and
    no group of participants said only as such ('para peserta dari Kota X') beside a group
    that says what kind of people they are."""
    if any(g.audience_type not in COHORT_WORDS for g in groups):
        groups = [g for g in groups if g.audience_type not in COHORT_WORDS]
    best: dict[str, Audience] = {}
    for g in groups:
        k = g.audience_type or g.name
        cur = best.get(k)
        if cur is None or (bool(g.region), len(g.name)) > (bool(cur.region), len(cur.name)):
            best[k] = g
    return [g for g in groups if best.get(g.audience_type or g.name) is g]


def _leading_number(tokens: list[Token], i: int, lang: str) -> tuple[int | None, int]:
    """Skip 'sebanyak 345 (tiga ratus empat puluh lima)', 'para', 'seluruh' before a group, and
    the word that opens a list after a number ('tiga orang, yakni ...')."""
    number: int | None = None
    while i < len(tokens):
        tok = tokens[i]
        value = numbers.parse_number(tok.text, lang) if tok.text[:1].isdigit() else None
        if value is not None and float(value).is_integer():
            number = number or int(value)
        elif tok.text == "(":
            close = next((k for k in range(i, min(i + 10, len(tokens))) if tokens[k].text == ")"), None)
            if close is None:
                break
            i = close
        elif tok.text == "," and number is not None and i + 1 < len(tokens) \
                and tokens[i + 1].low in cues().get("list-open", ()):
            i += 1  # 'mengirim tiga orang, yakni sekretaris dinas, ...': the groups are listed next
        elif tok.low not in GROUP_LEADERS:
            spelled = _spelled_number(tokens, i, lang)
            if spelled is None:
                break
            number, i = number or spelled[0], spelled[1] - 1
        i += 1
    return number, i


def _spelled_number(tokens: list[Token], i: int, lang: str) -> tuple[int, int] | None:
    if i < len(tokens) and tokens[i].low not in numbers.number_words() and tokens[i].text not in "-‐":
        return None  # no spelled number starts here (the common case, checked once)
    for n in range(6, 0, -1):
        chunk = " ".join(t.text for t in tokens[i : i + n])
        value = numbers.parse_number(chunk, lang) if chunk.isalpha() or " " in chunk else None
        if value is not None and float(value).is_integer() and value > 1:
            return int(value), i + n
    return None


def _group_head(text: str, tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A participant noun ('CPNS', 'pejabat') or an office word used for a kind of people
    ('keuchik', 'lurah', 'kepala desa'): the group's type and the index after it."""
    if i >= len(tokens):
        return None
    skipped = 0
    while skipped < 2 and i + 1 < len(tokens):
        width = _modifier_width(tokens, i)
        if not width:
            break
        i, skipped = i + width, skipped + 1  # '25 senior Indonesian officials', 'first-tier senior executives'
    m = participant_nouns().match_at(text, tokens, i)
    if m is not None:
        return m.payloads[0], m.last
    from kg.extract.people import role_matcher
    from kg.lexicon import Role as RoleRow

    r = role_matcher().match_at(text, tokens, i)
    if r is not None and isinstance(r.payloads[0], RoleRow) and tokens[i].text.islower():
        return r.payloads[0].role, r.last
    return None


def _modifier_width(tokens: list[Token], i: int) -> int:
    """How many tokens a modifier before a participant noun takes at ``i``: 1 for a word
    ('senior'), 3 for a hyphenated one the tokenizer splits ('mid-level', 'first-tier'), else 0."""
    if tokens[i].low in participant_modifiers():
        return 1
    if i + 3 < len(tokens) and tokens[i + 1].text == "-" \
            and f"{tokens[i].low}-{tokens[i + 2].low}" in participant_modifiers():
        return 3
    return 0


@functools.cache
def participant_modifiers() -> frozenset[str]:
    return frozenset(w.lower() for w in column("participant_modifiers.csv", "modifier"))


def _venue_follows(s: Sentence, tokens: list[Token], j: int, found: Findings) -> bool:
    """'keuchik se-Kabupaten Aceh Besar | di Aula Hotel ...': the group ends where its venue starts."""
    if tokens[j].low not in LOCATION_LINKERS or j + 1 >= len(tokens):
        return False
    start = s.start + tokens[j + 1].start
    return any(l.key.startswith("place/") and l.span.start == start for l in found.mentions) \
        or tokens[j + 1].text in venue_heads()


@functools.cache
def venue_heads() -> frozenset[str]:
    return frozenset(h.split()[0] for h in column("venue_heads.csv", "head"))


def _group_stop(tok: Token) -> bool:
    low = tok.low
    if tok.text in ",.;:\"“”" or low in GROUP_STOPS or low in LIST_JOINERS:
        return True
    return tok.text.islower() and len(low) > 4 and low.startswith(("meng", "mem", "men", "ber", "di")) \
        and low not in ("dinas", "distrik", "direktorat") and low not in cues().get("group-word", ())


def _region_after(found: Findings, offset: int) -> str | None:
    for l in found.mentions:
        if l.key.startswith("region/") and 0 <= l.span.start - offset <= 4:
            return l.key
    return None


def _number_before(text: str, start: int, lang: str) -> int | None:
    words = text[:start].split()[-4:]
    for n in range(len(words), 0, -1):
        chunk = " ".join(words[-n:]).strip("(),")
        if chunk.lower() in ("sebanyak", "para"):
            continue
        value = numbers.parse_number(chunk, lang)
        if value is not None and float(value).is_integer() and 1 < value < 1_000_000:
            return int(value)
    return None


def _fill_topics(article: Article, tokens: list[Token], sentences: list[Sentence], ev: Event,
                 found: Findings, main: bool = False) -> tuple[Event, list[Topic]]:
    topics: list[Topic] = []
    listed = set()
    for s in article.sentences:
        prev = article.sentences[s.index - 1] if s.index else None
        if main and _cue_spans(s, "topic-strong") and s.index not in ev_sentences(ev, sentences):
            listed.update(_list_items(s.text))  # 'Materinya meliputi A, B, serta C' anywhere in the article
            continue
        about = _cue_spans(s, "topic-list") or (prev is not None and prev.index in ev_sentences(ev, sentences)
                                                and bool(_cue_spans(prev, "topic-list")))
        if s.index not in ev_sentences(ev, sentences) and not (prev and prev.index in ev_sentences(ev, sentences)):
            continue
        if s.index in ev_sentences(ev, sentences):
            listed.update(_delivered(s))
        if not about:
            continue
        for item in _list_items(s.text):
            listed.add(item)
        for acronym, words in found.expansions.items():
            if re.search(rf"\b{re.escape(acronym)}\b", s.text) and _cue_spans(s, "topic-list") \
                    and _concept(article, found, acronym, words):
                listed.add(f"{words}|{acronym}")
    for subject in (_event_subject(article, tokens, ev, found), _purpose(article, ev)):
        if subject is not None:
            listed.add(subject)
    for item in sorted(listed):
        name, _, alias = item.partition("|")
        topics.append(Topic(key("topic", name), name, (alias,) if alias else ()))
    return replace(ev, topics=tuple(t.key for t in topics)), topics


MAX_DELIVERED_WORDS = 6


def _delivered(s: Sentence) -> list[str]:
    """'modul transformasi digital disampaikan tim X': the lower-case words between a topic word
    and a verb saying it was delivered are a topic of the event."""
    verbs = cues().get("topic-delivered", frozenset())
    out: list[str] = []
    for cue in _cue_spans(s, "topic-strong"):
        words = s.text[cue.end :].split(None, MAX_DELIVERED_WORDS + 1)[: MAX_DELIVERED_WORDS + 1]
        for i, w in enumerate(words):
            if w in verbs:
                if i:
                    out.append(" ".join(words[:i]))
                break
            if not (w.isalpha() and w.islower()) or w in LIST_JOINERS:
                break
    return out


_NAMED = ("region/", "post/", "person/", "org/", "place/")
_SUBJECT_JOINERS = frozenset({"/", "&", "-"})
_SUBJECT_TRIM = frozenset({"dan", "serta", "and", "of", "the", "for", "atau", "or", "/", "&", "-"})


def _event_subject(article: Article, tokens: list[Token], ev: Event, found: Findings) -> str | None:
    """What the event word says the event is about: 'Bimtek Penyusunan RPJM Kampung bagi ...',
    'executive course on digital government transformation at ...', 'bimtek SPBE' (an acronym
    answers with its expansion). Nothing when the event word is followed by its participants,
    its batch or place, or by words that only qualify the kind ('Diklat Kepemimpinan Tingkat IV')."""
    if ev.span is None:
        return None
    text = article.body
    i = next((k for k, t in enumerate(tokens) if t.start >= ev.span.start), len(tokens))
    trigger = None
    while i < len(tokens) and tokens[i].start < ev.span.end and trigger is None:
        trigger = kind_matcher().match_at(text, tokens, i)
        i += 1
    if trigger is None:
        return None
    k = _past_event_words(text, tokens, trigger.last)
    words = cues()
    explicit = k < len(tokens) and tokens[k].low in words["subject-open"] and _same_line(text, tokens[k - 1], tokens[k])
    k += explicit
    j = k
    while j < len(tokens) and j - k < 8 and _same_line(text, tokens[j - 1], tokens[j]):
        tok = tokens[j]
        if tok.low in words["subject-stop"] or tok.text[:1].isdigit() or not (tok.text.isalnum() or (
                tok.text in _SUBJECT_JOINERS and tokens[j - 1].end == tok.start)):
            break
        if _verb_ends_subject(tok) or any(l.key.startswith("region/") and l.span.start == tok.start for l in found.mentions):
            break
        if j == k and not explicit and (participant_nouns().match_at(text, tokens, j) or _office_word(text, tokens, j)):
            break  # 'Orientasi Anggota DPRD', 'Bimtek Kepala Kampung': the participants, not the subject
        j += 1
    while j > k and tokens[j - 1].low in _SUBJECT_TRIM:
        j -= 1
    if j == k:
        return None
    phrase = " ".join(text[tokens[k].start : tokens[j - 1].end].split())
    if not explicit and all(t.low in words["subject-generic"] for t in tokens[k:j]):
        return None
    expansion = found.expansions.get(phrase)
    if expansion is not None:
        return f"{expansion}|{phrase}" if _concept(article, found, phrase, expansion) else None
    acronym = next((a for a, w in sorted(found.expansions.items()) if w == phrase), None)
    if acronym is not None:
        return f"{phrase}|{acronym}" if _concept(article, found, acronym, phrase) else None
    plain = _untitled(phrase)
    return phrase if plain == phrase else f"{plain}|{phrase}"


def _purpose(article: Article, ev: Event) -> str | None:
    """'studi lapangan ke Kulon Progo untuk mempelajari inovasi pelayanan publik': what the
    participants go to learn, said after the event in the sentence that names it."""
    s = article.sentence_at(ev.span.start) if ev.span else None
    if s is None or ev.span is None:
        return None
    cue = next((c for c in _cue_spans(s, "topic-purpose") if s.start + c.start >= ev.span.end), None)
    if cue is None:
        return None
    phrase = " ".join(re.split(r"[.,;:!?\"“”()]", s.text[cue.end :])[0].split())
    return phrase if 1 <= len(phrase.split()) <= 10 else None


def _untitled(phrase: str) -> str:
    """An event name capitalizes every word ('Bimtek Pengelolaan Keuangan Gampong'): its subject is
    named in lowercase, as the same subject is written in running text; acronyms keep their case."""
    words = phrase.split()
    if not all(w[:1].isupper() or w.lower() in _SUBJECT_TRIM or not w[:1].isalpha() for w in words):
        return phrase
    return " ".join(w.lower() if w.istitle() else w for w in words)


def _past_event_words(text: str, tokens: list[Token], k: int) -> int:
    """Skip what still names the kind after an event word: a bracketed short form '(Bimtek)',
    another event word ('Pelatihan Peningkatan Kapasitas'), 'atau benchmarking'."""
    while k < len(tokens):
        if tokens[k].text == "(":
            close = next((c for c in range(k, min(k + 8, len(tokens))) if tokens[c].text == ")"), None)
            if close is None:
                return k
            k = close + 1
            continue
        if tokens[k].low in ("atau", "or") and k + 1 < len(tokens) and kind_matcher().match_at(text, tokens, k + 1):
            k += 1
        m = kind_matcher().match_at(text, tokens, k)
        if m is None:
            return k
        k = m.last
    return k


def _verb_ends_subject(tok: Token) -> bool:
    """'dibuka', 'berlangsung', 'menghadirkan': a verb ends the subject ('berbasis' does not)."""
    low = tok.low
    return tok.text.islower() and len(low) > 4 and low.startswith(("meng", "mem", "men", "ber", "di")) \
        and low not in cues()["subject-word"]


def _office_word(text: str, tokens: list[Token], j: int) -> bool:
    from kg.extract.people import role_matcher
    from kg.lexicon import Role as RoleRow

    r = role_matcher().match_at(text, tokens, j)
    return r is not None and isinstance(r.payloads[0], RoleRow)


def _concept(article: Article, found: Findings, acronym: str, words: str) -> bool:
    """An acronym's expansion that names a subject ('Sistem Keuangan Desa (Siskeudes)'), not an
    event ('Pelatihan Dasar (Latsar)'), a kind of participant ('ASN'), or a place, office or body
    found as such ('Deputy Governor (Wagub)')."""
    if kind_matcher().find(words) or participant_nouns().find(acronym) or participant_nouns().find(words):
        return False
    if any(acronym.lower() in (o.name.lower(), *(a.lower() for a in o.aliases)) for o in found.of(Organization)):
        return False  # '... (ANTARA)': the acronym is a body's name
    at = article.body.find(words)
    end = at + len(words) + len(acronym) + 3
    return at < 0 or not any(l.key.startswith(_NAMED) and l.span.start < end and at < l.span.end
                             for l in found.mentions)


def ev_sentences(ev: Event, sentences: list[Sentence]) -> set[int]:
    return {s.index for s in sentences}


_CONJ = re.compile(r"^(?:dan|serta|hingga|sampai|and|as well as|or|atau)\s+", re.I)


@functools.cache
def _list_open() -> re.Pattern[str]:
    """The words that open a list of subjects ('meliputi', 'antara lain', 'covers'): kind list-open."""
    words = sorted((re.escape(w) for w in cues()["list-open"]), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(words)})\s+", re.I)


def _list_items(text: str) -> list[str]:
    m = _list_open().search(text)
    if not m:
        return []
    rest = re.split(r"[.;\"”]", text[m.end() :])[0]
    pieces = [p.strip() for p in rest.split(",")]
    last = pieces.pop() if pieces else ""
    if _CONJ.match(last) or not pieces:
        pieces.append(_CONJ.sub("", last))
    else:
        pieces.extend(re.split(r"\s+(?:dan|serta|hingga|and)\s+", last, maxsplit=1))
    items = []
    for p in pieces:
        p = _CONJ.sub("", p.strip())
        p = re.sub(r"^(?:berbagai|beberapa|para|the|various)\s+", "", p, flags=re.I).strip(" ,")
        if 1 <= len(p.split()) <= 10:
            items.append(p)
    return items if len(items) >= 2 else []
