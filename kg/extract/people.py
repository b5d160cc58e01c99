"""People and the offices they hold.

An office phrase is ``[qualifier] <role> [complement] <jurisdiction>``: the role comes from the
lexicon ("Sekda", "Kabag", "deputy"), the complement is what narrows it ("Pemerintahan" in
"Kabag Pemerintahan Setdakab Aceh Besar", "for regional development"), and the jurisdiction is
the region or organization that follows the role (or, in English, precedes it: "Bappenas
deputy", "JICA Indonesia chief representative", or follows "of the"). A government's offices
without a jurisdiction take the one government of that level the article names.

The holder is the name right after the phrase (``Sekda Kabupaten Sumedang Herman Suryatman``,
also after a comma, a period, or "sekaligus ..."), or right before it (``Andi Wijaya, Kepala
BKPSDM ...``, ``X selaku Bupati``). An office with no holder named is still a post. A list after
a role (``delapan sekda itu, yakni Kab. Sumedang, Kab. Majalengka ...``) names one post per
region.
"""

from __future__ import annotations

import bisect

import functools
import re
from dataclasses import dataclass

from kg.extract.names import NameMatch, headline_spans, parse_name, parse_name_before
from kg.extract.orgs import government_of
from kg.extract.regions import LEVEL_WORD, display_name
from kg.gazetteer import Gazetteer, Place
from kg.keys import key
from kg.lexicon import Lexicon, Qualifier
from kg.lexicon import Role as RoleRow
from kg.matcher import Match, PhraseMatcher, Token, tokenize
from kg.model import Article, Findings, Holding, Link, Organization, Person, Post, Region, Role, Span
from kg.paths import DATA

LEADER_CUES = re.compile(
    r"\b(pimpinan|ketua|kepala) (delegasi|rombongan)\b|\bdelegation (leader|head)\b|\bhead(ed)? (of )?the delegation\b",
    re.I,
)
LIST_OPENERS = frozenset({"yakni", "yaitu", "antara", "meliputi", ":", "namely", "including", "adalah"})
LEVEL_OF_ROLE = {"gubernur": "province", "wakil gubernur": "province", "bupati": "regency",
                 "wakil bupati": "regency", "wali kota": "city", "wakil wali kota": "city"}
CONNECTORS = frozenset({"dan", "&", "serta", "-", "/"})
PARTICIPANT_WORDS = frozenset({"peserta", "participant", "participants", "trainee", "trainees"})
_AS_PARTICIPANT = re.compile(r"\b(?:(?:juga|turut|ikut) )?(?:menjadi|sebagai) peserta\b|\b(?:was|is|were|are) (?:also )?"
                             r"(?:a |one of the |among the )?participants?\b", re.I)
# 'Hj. Nurhayati Siregar, salah satu peserta PKA, ...' / 'Benny Sutrisno, one of the participants, said'
_APPOSED_PARTICIPANT = re.compile(r",\s*(?:salah (?:satu|seorang)|one of the|among the|a) (?:peserta|participants?|"
                                  r"trainees?)\b", re.I)
_SUFFIX_GAP = re.compile(r"^(?:\s*,?\s*[A-Z][A-Za-z]*\.(?:[A-Za-z]+\.?)*)*[\s,]*$")  # ', S.Sos., M.Si'
_SUBJECT_GAP = re.compile(r"^[\s,]*(?:(?:and|dan|serta|also|juga|pun|turut|ikut|the)[\s,]+)*$", re.I)
PLURAL_WORDS = frozenset({"para", "seluruh", "semua", "sejumlah", "sebanyak", "se", "all", "the"})
UNIT_WORDS = frozenset({"Desa", "Gampong", "Kelurahan", "Kalurahan", "Nagari", "Kampung", "Pekon", "Kecamatan",
                        "Kapanewon", "Kemantren", "Distrik", "Lembang", "Tiyuh"})
EN_LINKERS = frozenset({"of", "the", "at", "in", "for"})
COMPLEMENT_REACH = 8
IMPLIED_LEVEL = {"Bupati": "Kabupaten", "Gubernur": "Provinsi", "Kota": "Kota"}
CHAIN_WORDS = frozenset({"yang", "sekaligus", "merangkap", "and", "dan", "also"})
MAX_NAME_WORDS = 4
ITS_REACH = 300  # characters back to the organization that 'its' refers to


@dataclass(frozen=True)
class Jurisdiction:
    first: int  # token index where the office phrase starts (a pre-modifier may move it left)
    last: int  # one past the phrase's last token
    complement: str
    org: Organization


@dataclass(frozen=True)
class Office:
    first: int
    last: int
    post: Post
    role: Role
    org: Organization


@functools.cache
def role_matcher() -> PhraseMatcher[RoleRow | Qualifier]:
    lex = Lexicon.load()
    matcher: PhraseMatcher[RoleRow | Qualifier] = PhraseMatcher()
    for q in lex.qualifiers:
        for form in q.forms:
            matcher.add(form, q, case_sensitive=False)
    for r in lex.roles:
        for form in (*r.forms, *r.en):
            matcher.add(form, r, case_sensitive=form.isupper() and len(form) > 1)
    return matcher


def role_words(text: str, tokens: list[Token]) -> set[int]:
    """Start offsets of tokens that begin a role word ("Sekda", "Bupati", "Wabup")."""
    return {m.start for m in role_matcher().find(text, tokens) if isinstance(m.payloads[0], RoleRow)}


def extract(article: Article, found: Findings) -> list[object]:
    text = article.body
    tokens = tokenize(text)
    blocked = _blocked(found, tokens) | role_words(text, tokens)
    headlines = headline_spans(text)
    blocked |= {t.start for t in tokens for lo, hi in headlines if lo <= t.start < hi}
    out: list[object] = []
    pending: Match | None = None
    chain: list[Office] = []
    for m in role_matcher().find(text, tokens):
        payload = m.payloads[0]
        if isinstance(payload, Qualifier):
            if not (pending and m.first > 0 and tokens[m.first - 1].text == "("):
                pending = m  # 'Penjabat (Pj.) Gubernur': the parenthesised short form repeats it
            continue
        qual_match = pending if pending and _skip_paren(tokens, pending.last) == m.first else None
        pending = None
        qual = qual_match.payloads[0] if qual_match else None
        first = qual_match.first if qual_match else m.first
        office = _office(text, tokens, m, first, payload, qual, found,  # type: ignore[arg-type]
                         english=article.language == "en")
        if office is None:
            out.extend(_listed_posts(tokens, m, payload, found))  # type: ignore[arg-type]
            continue
        out.extend((office.org, office.role, office.post))
        found.mention(office.post.key, Span(tokens[office.first].start, tokens[office.last - 1].end))
        held = _holder(text, tokens, office, found, blocked)
        out.extend(held)
        chain = [c for c in chain if tokens[c.last:office.first] and _chains(tokens, c.last, office.first)]
        if held:
            person = held[0]
            out.extend(Holding(person.key, c.post.key, Span(tokens[c.first].start, person.span.end))  # type: ignore[attr-defined]
                       for c in chain)
            chain = []
        elif office.last < len(tokens) and tokens[office.last].low in CHAIN_WORDS:
            chain.append(office)
    out.extend(_named_participants(text, tokens, found, blocked))
    return out


def _named_participants(text: str, tokens: list[Token], found: Findings, blocked: set[int]) -> list[object]:
    """'Salah satu peserta, Agus Setiawan dari ...': a person named right after 'peserta,';
    'Maria Gebze, yang juga menjadi peserta': the person named just before. Both take part."""
    out: list[object] = []
    for i, tok in enumerate(tokens[:-2]):
        if tok.low in PARTICIPANT_WORDS and tokens[i + 1].text == ",":
            name = _valid(parse_name(text, tokens, i + 2), tokens, blocked)
            if name is not None and len(name.name.split()) >= 2:
                person = Person(key("person", name.name), name.name, span=Span(name.start, name.end),
                                prefix=name.prefix, suffix=name.suffix)
                found.mention(person.key, Span(name.start, name.end))
                found.participant_hints.append(Link(person.key, Span(tok.start, name.end)))
                out.append(person)
    for m in _AS_PARTICIPANT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = [l for l in found.mentions if l.key.startswith("person/") and line_start <= l.span.start < m.start()]
        if before:
            last = max(before, key=lambda l: l.span.start)
            found.participant_hints.append(Link(last.key, Span(last.span.start, m.end())))
    for m in _APPOSED_PARTICIPANT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = [l for l in found.mentions if l.key.startswith("person/") and line_start <= l.span.start
                  and l.span.end <= m.start() and _SUFFIX_GAP.match(text[l.span.end : m.start()])]
        if before:
            last = max(before, key=lambda l: l.span.start)
            found.participant_hints.append(Link(last.key, Span(last.span.start, m.end())))
    from kg.extract.events import cue_matcher

    said = cue_matcher().find(text)
    found.participant_hints.extend(_subjects_taking_part(text, found, said))
    found.participant_hints.extend(_delegation_leaders(text, found, said))
    return out


_LEADER_GAP = re.compile(r"^\s*,\s*(?:yang|who)\s+(?:(?:akan|juga|will|also)\s+)?$", re.I)


def _delegation_leaders(text: str, found: Findings, said: list[Match[str]]) -> list[Link]:
    """'Sekda X, Dr. Y, M.Si., yang akan memimpin rombongan, ...': the person named right before
    a cue of leading the delegation (kind leads-delegation) travels with it and takes part."""
    out: list[Link] = []
    for cue in (c for c in said if "leads-delegation" in c.payloads):
        line_start = text.rfind("\n", 0, cue.start) + 1
        before = [l for l in found.mentions if l.key.startswith("person/") and line_start <= l.span.start
                  and l.span.end <= cue.start]
        if not before:
            continue
        last = max(before, key=lambda l: (l.span.end, l.span.start))
        gap = text[last.span.end : cue.start]
        cut = gap.rfind(",")
        if cut >= 0 and _SUFFIX_GAP.match(gap[:cut]) and _LEADER_GAP.match(gap[cut:]):
            out.append(Link(last.key, Span(last.span.start, cue.end)))
    return out


def _subjects_taking_part(text: str, found: Findings, said: list[Match[str]]) -> list[Link]:
    """'Bupati X and the Sekda of Y, Z, also took part': the people named as the subject right
    before a verb of taking part (a cue of kind subject-participation), through a list of
    names, offices and places joined by commas and 'and'."""
    out: list[Link] = []
    verbs = [c for c in said if "subject-participation" in c.payloads]
    for verb in verbs:
        line_start = text.rfind("\n", 0, verb.start) + 1
        near = sorted((l for l in found.mentions if line_start <= l.span.start and l.span.end <= verb.start),
                      key=lambda l: (-l.span.end, l.span.start, l.key))
        cursor, after = verb.start, ""
        for l in near:
            if l.span.end > cursor:
                continue
            gap = text[l.span.end : cursor]
            if not (_SUBJECT_GAP.match(gap) or (l.key.startswith("person/") and _SUFFIX_GAP.match(gap))
                    or _enclosing_region_gap(gap, l.key, after)):
                break
            if l.key.startswith("person/"):
                out.append(Link(l.key, Span(l.span.start, verb.end)))
            cursor, after = l.span.start, l.key
    return out


IN_WORDS = frozenset({"in", "di"})


def _enclosing_region_gap(gap: str, inner: str, outer: str) -> bool:
    """'(the regional secretary) of Jayawijaya regency in Papua Pegunungan': between a region,
    or an office ending with one, and the region it lies in stand only a level word and 'in'."""
    if not (inner.startswith(("region/", "post/")) and outer.startswith("region/")):
        return False
    words = gap.lower().split()
    if words and words[0] in LEVEL_WORD:
        words = words[1:]
    return len(words) == 1 and words[0] in IN_WORDS


def _chains(tokens: list[Token], lo: int, hi: int) -> bool:
    """'Ketua APDESI Bangka Barat yang juga Kepala Desa Air Belo, Junaidi': one holder; not
    'Bupati Sergai yang diwakili Asisten III ..., Zulfikar' (someone stands in for the first)."""
    words = [t.low for t in tokens[lo:hi]]
    return 0 < len(words) <= 3 and words[0] in CHAIN_WORDS and all(w.isalpha() for w in words) \
        and not stand_in_words().intersection(words)


@functools.cache
def stand_in_words() -> frozenset[str]:
    """Words by which an office hands its part to another ("diwakili", "represented")."""
    lines = (DATA / "stand_in_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _blocked(found: Findings, tokens: list[Token]) -> set[int]:
    """Token starts inside a region, organization or venue mention: never part of a name."""
    starts = [t.start for t in tokens]  # in text order
    out: set[int] = set()
    for l in found.mentions:
        if l.key.startswith(("region/", "org/", "place/")):
            out.update(starts[bisect.bisect_left(starts, l.span.start):bisect.bisect_left(starts, l.span.end)])
    return out


def _skip_paren(tokens: list[Token], i: int) -> int:
    """Index after a short parenthetical "(Pj)" / "(Sekda)" starting at i, else i."""
    if i < len(tokens) and tokens[i].text == "(":
        close = next((j for j in range(i, min(i + 6, len(tokens))) if tokens[j].text == ")"), None)
        if close is not None:
            return close + 1
    return i


# --- the office phrase -------------------------------------------------------------------------

def _office(text: str, tokens: list[Token], m: Match, first: int, row: RoleRow, qual: Qualifier | None,
            found: Findings, english: bool = False) -> Office | None:
    """An office phrase, in the article's language (the reader decides it once)."""
    jur = _jurisdiction_after(tokens, _skip_paren(tokens, m.last), found, row, english) \
        or _jurisdiction_before(text, tokens, first, m.last, found, row) \
        or _implied(tokens, first, m.last, row, found) \
        or (_jurisdiction_its(text, tokens, first, m.last, found) if english else None)
    if jur is None or "\n" in text[tokens[min(first, jur.first)].start : tokens[jur.last - 1].end]:
        return None  # an office phrase never runs over a line break (a headline's last word)
    if row.body in ("district", "village") and not _specific(tokens, m.last):
        return None  # '604 keuchik', 'para lurah': a kind of people, not one office
    complement = _expanded(jur.complement, found.expansions)
    # 'Asisten Pemerintahan dan Keistimewaan Aceh': a complement that goes on with 'dan' extends
    # the written title, which is then the role's name (not 'Asisten I dan Keistimewaan Aceh')
    words = complement.split()
    surface = m.surface if english or (words and words[0].lower() in CONNECTORS) else None
    role = _role(row, qual, complement, surface)
    if complement != jur.complement:
        written = _role(row, qual, jur.complement, surface).name
        role = Role(role.key, role.name, tuple(sorted({*role.aliases, written})))
    name = " ".join(x for x in (role.name, _org_part(role.name, jur.org, row.role)) if x)
    start = min(first, jur.first)
    span = Span(tokens[start].start, tokens[jur.last - 1].end)
    surface = " ".join(text[span.start : span.end].split())
    post = Post(key("post", name), name, (surface,) if surface != name else (), span, role=role.key, org=jur.org.key)
    return Office(start, jur.last, post, role, jur.org)


def _expanded(complement: str, expansions: dict[str, str]) -> str:
    """A role's complement with the acronyms the article spelled out written out ('Tata Kelola
    SPBE' after 'Sistem Pemerintahan Berbasis Elektronik (SPBE)')."""
    words = complement.split()
    return " ".join(expansions[w] if w in expansions and sum(c.isupper() for c in w) >= 2 else w
                    for w in words)


def _role(row: RoleRow, qual: Qualifier | None, complement: str, surface: str | None = None) -> Role:
    """The role as the lexicon names it (Indonesian), or as written in an English article."""
    base = f"{qual.qualifier} {row.role}" if qual else row.role
    if surface is not None:
        base = surface[:1].upper() + surface[1:]
    name = f"{base} {complement}".strip()
    aliases = tuple(sorted({f"{a} {complement}".strip() for a in (*row.aliases, *row.en)} - {name}))
    return Role(key("role", name), name, aliases)


def _org_part(role_name: str, org: Organization, canonical: str = "") -> str:
    """How the organization follows the role in the post's name ("Sekretaris Daerah Kabupaten
    Garut", "Menteri Dalam Negeri", "Kepala Badan ... Provinsi Jawa Tengah")."""
    part = org.name
    if org.kind == "regional-government" and part.startswith("Pemerintah "):
        part = part.removeprefix("Pemerintah ")
        if role_name.split()[-1] in ("Camat", "Panewu"):
            part = part.removeprefix("Kecamatan ").removeprefix("Kapanewon ")
    if "Menteri" in role_name.split():
        part = part.removeprefix("Kementerian ")
    last = role_name.split()[-1]
    implied = IMPLIED_LEVEL.get(canonical.split()[-1] if canonical else last)
    if implied and part.startswith(implied + " "):
        part = part[len(implied) + 1 :]  # 'Bupati Garut', 'Gubernur Jawa Barat'
    if part.startswith(last + " ") and part.count(" ") >= 1:
        part = part[len(last) + 1 :]
    return part


def _mention_at(found: Findings, tokens: list[Token], i: int) -> tuple[str, int] | None:
    """(entity key, index after its last token) of a region/organization mentioned from token i."""
    if i >= len(tokens):
        return None
    best: tuple[str, int] | None = None
    for link in found.mentions:
        if link.span.start == tokens[i].start and link.key.startswith(("org/", "region/")):
            last = next((j for j in range(i, len(tokens)) if tokens[j].end >= link.span.end), i) + 1
            if best is None or last > best[1] or (last == best[1] and link.key.startswith("org/")):
                best = (link.key, last)
    return best


def _org_for(found: Findings, entity_key: str, row: RoleRow) -> Organization | None:
    entity = found.entities.get(entity_key)
    if isinstance(entity, Organization):
        return entity
    place_key = getattr(entity, "place", None)
    if not place_key:
        return None
    place = Gazetteer.load().get(place_key)
    gov = government_of(place)
    if row.body == "legislature":
        dprd = f"Dewan Perwakilan Rakyat Daerah {display_name(place)}"
        return Organization(key("org", dprd), dprd, kind="legislature", government=True, region=gov.region)
    return gov


def _jurisdiction_after(tokens: list[Token], j: int, found: Findings, row: RoleRow,
                        english: bool = False) -> Jurisdiction | None:
    overlap = _mention_at(found, tokens, j - 1) if j > 0 else None
    if overlap is not None and overlap[1] > j:
        org = _org_for(found, overlap[0], row)
        return Jurisdiction(j, overlap[1], "", org) if org else None
    if row.body in ("district", "village"):
        local = _local_unit(tokens, j, row)
        if local is not None:
            return local
    for k in range(j, min(j + COMPLEMENT_REACH, len(tokens))):
        hit = _mention_at(found, tokens, k)
        if hit is not None:
            while (nxt := _mention_at(found, tokens, hit[1])) is not None and nxt[0].startswith("org/"):
                k, hit = hit[1], nxt  # 'Keistimewaan Aceh Setdakab Aceh Besar': the last body wins
            if english and (unit := _possessed(found, tokens, hit[1])) is not None:
                k, hit = hit[1], unit  # "the Home Affairs Ministry's Directorate General of ..."
            org = _org_for(found, hit[0], row)
            if org is None:
                return None
            words = [t.text for t in tokens[j:k]]
            if english and "at" in words:
                words = words[: words.index("at")]  # 'head of X at the ministry's ...': 'at' leads to the body
            while words and words[-1].lower() in EN_LINKERS:
                words.pop()
            return Jurisdiction(j, hit[1], " ".join(words), org)
        tok = tokens[k]
        lower_ok = english and k > j and (tokens[j].low in ("of", "for")) and tok.text.isalpha()
        if not (tok.is_cap or tok.low in CONNECTORS or lower_ok or (tok.low in EN_LINKERS and k + 1 < len(tokens))):
            return None
        if tok.is_cap and k > j and tokens[k - 1].low in EN_LINKERS - {"for"} and not english:
            return None
    return None


def _possessed(found: Findings, tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The organization named after an English possessive at token i ("'s Directorate ...")."""
    if i + 2 < len(tokens) and tokens[i].text in ("'", "’") and tokens[i + 1].text == "s":
        hit = _mention_at(found, tokens, i + 2)
        if hit is not None and hit[0].startswith("org/"):
            return hit
    return None


def _specific(tokens: list[Token], j: int) -> bool:
    """'Keuchik Gampong Lam Ujong' names one office; '604 keuchik', 'para lurah' name a kind of
    people: the role word is capitalized and no number or plural word stands before it."""
    role = next((k for k in range(j - 1, -1, -1) if tokens[k].is_cap or tokens[k].text.islower()), j - 1)
    first = role
    while first > 0 and tokens[first - 1].is_cap and tokens[first - 1].text.isalpha():
        first -= 1
    before = tokens[first - 1] if first > 0 else None
    return tokens[role].is_cap and not (before and (before.text.isdigit() or before.low in PLURAL_WORDS))


def _local_unit(tokens: list[Token], j: int, row: RoleRow) -> Jurisdiction | None:
    """'Camat Baleendah', 'Keuchik Gampong Lam Ujong', 'Lurah Sumbermulyo': the kecamatan or
    village named by the capitalized words after the role."""
    k = j + (j < len(tokens) and tokens[j].text in UNIT_WORDS)
    end = k
    while end < len(tokens) and end - k < 3 and tokens[end].is_cap and tokens[end].text.isalpha() \
            and tokens[end].text not in UNIT_WORDS and not (len(tokens[end].text) > 2 and tokens[end].text.isupper()) \
            and (end == 0 or "\n" not in _gap(tokens, end)):
        end += 1
    if end == k:
        return None
    delimited = end < len(tokens) and tokens[end].text in ",.;("
    if row.body == "district" or not delimited:
        stop = _unit_name_end(tokens, k, end, row)
        if stop is None:
            return None
        end = stop
    words = " ".join(t.text for t in tokens[k:end])
    if row.body == "district":
        places = [p for p in Gazetteer.load().lookup(f"Kecamatan {words}") if p.level == "district"]
        if len(places) == 1:
            return Jurisdiction(j, end, "", government_of(places[0]))
        name = f"Pemerintah Kecamatan {words}"
    else:
        unit = tokens[j].text if k > j else "Desa"
        name = f"Pemerintah {unit} {words}"
    return Jurisdiction(j, end, "", Organization(key("org", name), name, kind="regional-government", government=True))


def _gap(tokens: list[Token], i: int) -> str:
    """Whether a line break separates token i from the one before: the text between them is
    not kept, so this compares offsets against the previous token's end."""
    return "\n" if tokens[i].start - tokens[i - 1].end > 1 else " "


def _unit_name_end(tokens: list[Token], k: int, end: int, row: RoleRow) -> int | None:
    """Where a kecamatan or village name ends when a person's name follows with no comma
    ('Panewu Semanu Agus Riyanto'): the longest kecamatan the gazetteer knows, or one word."""
    gaz = Gazetteer.load()
    if row.body == "district":
        for stop in range(end, k, -1):
            words = " ".join(t.text for t in tokens[k:stop])
            if any(p.level == "district" for p in gaz.lookup(f"Kecamatan {words}")):
                return stop
        return None
    return k + 1 if end - k >= 2 else None


def _jurisdiction_before(text: str, tokens: list[Token], first: int, last: int, found: Findings,
                         row: RoleRow) -> Jurisdiction | None:
    """English pre-modifier: 'Bappenas deputy for regional development', 'Garut regent'."""
    if first == 0:
        return None
    before = first
    if tokens[first - 1].text == ")":
        opening = next((j for j in range(first - 1, max(0, first - 6), -1) if tokens[j].text == "("), None)
        before = opening if opening else first
    ending = [l for l in found.mentions if l.key.startswith(("org/", "region/")) and before > 0
              and l.span.end == tokens[before - 1].end]
    if not ending:
        return None
    link = min(ending, key=lambda l: l.span.start)  # the longest: 'BPSDM Komdigi head', not 'Komdigi'
    org = _org_for(found, link.key, row)
    if org is None:
        return None
    start = next(j for j in range(first) if tokens[j].start >= link.span.start)
    end = last
    if end < len(tokens) and tokens[end].low in ("for", "of"):
        while end < len(tokens) and tokens[end].text.isalpha() and (tokens[end].text.islower()):
            end += 1
    complement = " ".join(t.text for t in tokens[last:end])
    return Jurisdiction(start, end, complement, org)


def _jurisdiction_its(text: str, tokens: list[Token], first: int, last: int, found: Findings) -> Jurisdiction | None:
    """'The Association of ... (APKASI) welcomed the program. Its executive director, X': 'its'
    before a role is the organization named last before it in the same paragraph."""
    if first == 0 or tokens[first - 1].low != "its":
        return None
    at = tokens[first - 1].start
    lo = max(text.rfind("\n\n", 0, at), at - ITS_REACH)
    before = [l for l in found.mentions if l.key.startswith("org/") and lo <= l.span.start and l.span.end <= at]
    if not before:
        return None
    link = max(before, key=lambda l: (l.span.end, -l.span.start))
    org = found.entities.get(link.key)
    return Jurisdiction(first, last, "", org) if isinstance(org, Organization) else None


def _implied(tokens: list[Token], first: int, last: int, row: RoleRow, found: Findings) -> Jurisdiction | None:
    """'Bupati' alone: the one government of that level whose region the article names."""
    level = LEVEL_OF_ROLE.get(row.role.lower())
    if level is None:
        return None
    gaz = Gazetteer.load()
    orgs = {o.key: o for o in found.of(Organization) if o.kind == "regional-government" and o.region}
    fitting = [o for o in orgs.values() if _level_of(found, o.region or "", gaz) == level]
    if len(fitting) != 1:
        return None
    return Jurisdiction(first, last, "", fitting[0])


def _level_of(found: Findings, region_key: str, gaz: Gazetteer) -> str | None:
    """The level of a region the article names, through its gazetteer place (region keys are
    lowercased place keys, so the place key cannot be read back from them)."""
    region = found.entities.get(region_key)
    return gaz.get(region.place).level if isinstance(region, Region) else None


# --- the holder ---------------------------------------------------------------------------------

def _holder(text: str, tokens: list[Token], office: Office, found: Findings, blocked: set[int]) -> list[object]:
    name = _name_after(text, tokens, office.last, blocked) or _name_before(text, tokens, office.first, blocked)
    if name is None:
        return []
    person = Person(key("person", name.name), name.name, span=Span(name.start, name.end),
                    prefix=name.prefix, suffix=name.suffix)
    office_start, office_end = tokens[office.first].start, tokens[office.last - 1].end
    span = Span(min(office_start, name.start), max(office_end, name.end))
    found.mention(person.key, Span(name.start, name.end))
    between = text[office_end : name.start] if name.start > office_start else ""
    if LEADER_CUES.search(between):
        found.participant_hints.append(Link(person.key, span))
    return [person, Holding(person.key, office.post.key, span)]


def _valid(name: NameMatch | None, tokens: list[Token], blocked: set[int]) -> NameMatch | None:
    if name is None or len(name.name.split()) > MAX_NAME_WORDS:
        return None
    inner = [t for t in tokens[name.first : name.last] if name.start <= t.start]
    if any(t.start in blocked for t in inner if t.text in name.name.split()):
        return None
    return name


def _name_after(text: str, tokens: list[Token], i: int, blocked: set[int]) -> NameMatch | None:
    i = _skip_paren(tokens, i)
    if i < len(tokens) and tokens[i].low in LEVEL_WORD and i > 0 and tokens[i - 1].start in blocked:
        i += 1  # an English level word after the region: 'secretary of Jayawijaya regency, Yosias'
    while i < len(tokens) and tokens[i].start in blocked and tokens[i].is_cap:
        i += 1  # a region after the body: 'APDESI Babar, Junaidi'
    while i + 1 < len(tokens) and tokens[i].low == "in" and tokens[i + 1].start in blocked:
        i += 1  # 'regional secretary of Jayawijaya regency in Papua Pegunungan, Yosias Wenda'
        while i < len(tokens) and tokens[i].start in blocked:
            i += 1
    while i + 1 < len(tokens) and tokens[i].text == "," and tokens[i + 1].start in blocked:
        j = i + 1
        while j < len(tokens) and tokens[j].start in blocked:
            j += 1
        i = _skip_paren(tokens, j)
    if i >= len(tokens):
        return None
    if tokens[i].text in ",." and i + 1 < len(tokens):
        name = _valid(parse_name(text, tokens, i + 1), tokens, blocked)
        if name and (tokens[i].text == "," or len(name.name.split()) >= 2):
            return name
        return None
    if tokens[i].low == "sekaligus" or (tokens[i].low == "yang" and i + 1 < len(tokens) and tokens[i + 1].low == "juga"):
        j = i
        while j < len(tokens) and j - i < 6 and tokens[j].text.islower():
            j += 1
        return _valid(parse_name(text, tokens, j), tokens, blocked) if j > i else None
    return _valid(parse_name(text, tokens, i), tokens, blocked)


def _name_before(text: str, tokens: list[Token], first: int, blocked: set[int]) -> NameMatch | None:
    if first >= 4 and [t.low for t in tokens[first - 2 : first]] == ["yang", "juga"] and tokens[first - 3].text == ",":
        return _valid(parse_name_before(text, tokens, first - 3), tokens, blocked)
    if first >= 2 and (tokens[first - 1].text == "," or tokens[first - 1].low in ("selaku", "sebagai")):
        return _valid(parse_name_before(text, tokens, first - 1), tokens, blocked)
    return None


# --- lists of offices ----------------------------------------------------------------------------

def _listed_posts(tokens: list[Token], m: Match, row: RoleRow, found: Findings) -> list[object]:
    """'delapan sekda itu, yakni Kab. Sumedang, Kab. Majalengka, ... dan Kota Tasik'."""
    if row.body not in ("government", "legislature"):
        return []
    i = m.last
    while i < len(tokens) and i - m.last < 4 and tokens[i].low not in LIST_OPENERS:
        i += 1
    if i >= len(tokens) or tokens[i].low not in LIST_OPENERS:
        return []
    out: list[object] = []
    j = i + 1 + (tokens[i].low == "antara")
    while j < len(tokens):
        hit = _mention_at(found, tokens, j)
        if hit is None or not hit[0].startswith("region/"):
            if tokens[j].text == "," or tokens[j].low in ("dan", "and", "serta"):
                j += 1
                continue
            break
        org = _org_for(found, hit[0], row)
        j = hit[1]
        if org is None:
            continue
        role = _role(row, None, "")
        name = f"{role.name} {_org_part(role.name, org, row.role)}"
        span = Span(tokens[m.first].start, tokens[j - 1].end)
        post = Post(key("post", name), name, span=span, role=role.key, org=org.key)
        out.extend((org, role, post))
        found.listed_posts.append(Link(post.key, span))
    return out


# --- short names ----------------------------------------------------------------------------------

def merge_short_names(found: Findings) -> None:
    """'Rangkuti' or 'Ahmad Fauzi' is the one person whose fuller name holds those words: every
    reference to the short form moves to that person, who keeps it as an alias."""
    people = [p for p in found.of(Person) if p.key not in found.byline]
    for short in people:
        words = short.name.split()
        fuller = [p for p in people if p is not short and len(p.name.split()) > len(words)
                  and _contains(p.name.split(), words)]
        if len(fuller) == 1:
            _move(found, short, fuller[0])


def _contains(longer: list[str], words: list[str]) -> bool:
    n = len(words)
    return any(longer[i : i + n] == words for i in range(len(longer) - n + 1))


def _move(found: Findings, short: Person, full: Person) -> None:
    found.entities.pop(short.key, None)
    found.add(Person(full.key, full.name, (short.name,)))
    found.holdings[:] = [Holding(full.key if h.person == short.key else h.person, h.post, h.span)
                         for h in found.holdings]
    found.quotes[:] = [q if q.speaker != short.key else type(q)(q.key, q.text, full.key, q.span)
                       for q in found.quotes]
    for links in (found.mentions, found.participant_hints):
        links[:] = [Link(full.key, l.span) if l.key == short.key else l for l in links]
