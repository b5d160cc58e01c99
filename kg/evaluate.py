"""Scoring extracted graphs against gold facts: per-category precision, recall and F1.

The categories, name normalization and matching rules are those of the project's scoring
instrument (shared/tools/score.py), so that ``kg eval`` and that tool agree: a graph is read
only through the terms of the graph contract (schema.org, W3C ORG, names and altLabels).
"""

# The matching code below follows shared/tools/score.py closely on purpose; keep the two in
# step when either changes.
# mypy: ignore-errors
# ruff: noqa

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import InputError

CORE = {"people", "holds", "orgs", "regions", "events", "event-dates", "event-location",
        "event-organizers", "event-participants_people", "event-participants_posts",
        "event-participants_orgs", "quotes", "published", "noise"}
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

ABBREV = {
    "kab": "kabupaten", "sekda": "sekretaris daerah", "pemprov": "pemerintah provinsi",
    "pemkab": "pemerintah kabupaten", "pemkot": "pemerintah kota", "jabar": "jawa barat",
    "jateng": "jawa tengah", "jatim": "jawa timur", "kadis": "kepala dinas",
    "diy": "daerah istimewa yogyakarta", "sumut": "sumatera utara", "sumbar": "sumatera barat",
    "sumsel": "sumatera selatan", "kaltim": "kalimantan timur", "kalsel": "kalimantan selatan",
    "kalbar": "kalimantan barat", "kalteng": "kalimantan tengah", "sulsel": "sulawesi selatan",
    "sulut": "sulawesi utara", "sulteng": "sulawesi tengah", "sultra": "sulawesi tenggara",
    "ntb": "nusa tenggara barat", "ntt": "nusa tenggara timur", "kepri": "kepulauan riau",
    "babel": "kepulauan bangka belitung", "wagub": "wakil gubernur", "wabup": "wakil bupati",
    "walkot": "wali kota", "walikota": "wali kota", "kemendagri": "kementerian dalam negeri",
}
DROP = {"provinsi", "prov", "the", "of", "republik", "pemerintah"}
HONORIFIC = re.compile(
    r"\b(h|hj|dr|drs|dra|ir|prof|s\.?sos|s\.?h|s\.?e|s\.?t|s\.?ip|s\.?ag|s\.?pd|s\.?kom|m\.?si|m\.?m|m\.?h|"
    r"m\.?t|m\.?pd|m\.?ag|mba|msi|ap|se|sh|st|mm|mh|mt|phd|ph\.d|bapak|ibu|bu|pak)\b\.?", re.I)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = s.replace("-", " ")
    s = re.sub(r"[^\w\s]", " ", s)
    toks = []
    for t in s.split():
        toks.extend(ABBREV.get(t, t).split())
    return " ".join(t for t in toks if t not in DROP)


def person_norm(s: str) -> str:
    return norm(HONORIFIC.sub(" ", str(s)))


def tokens(s: str) -> set[str]:
    return set(norm(s).split())


def jaccard(a: str, b: str) -> float:
    x, y = tokens(a), tokens(b)
    return len(x & y) / len(x | y) if x and y else 0.0


class Counts:
    def __init__(self):
        self.tp = defaultdict(int)
        self.fp = defaultdict(int)
        self.fn = defaultdict(int)
        self.misses = defaultdict(list)

    def add(self, cat, tp=0, fp=0, fn=0, miss=None):
        self.tp[cat] += tp
        self.fp[cat] += fp
        self.fn[cat] += fn
        if miss:
            self.misses[cat].append(miss)

    def merge(self, other):
        for d in ("tp", "fp", "fn"):
            for k, v in getattr(other, d).items():
                getattr(self, d)[k] += v
        for k, v in other.misses.items():
            self.misses[k].extend(v)

    def prf(self, cats=None):
        cats = cats or set(self.tp) | set(self.fp) | set(self.fn)
        tp = sum(self.tp[c] for c in cats)
        fp = sum(self.fp[c] for c in cats)
        fn = sum(self.fn[c] for c in cats)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match_sets(gold: list[set[str]], system: list[set[str]]):
    """Greedy one-to-one matching of items given as sets of normalized labels."""
    used = set()
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used and g & s:
                used.add(si)
                pairs.append((gi, si))
                break
    return pairs


def similar(a: str, b: str) -> float:
    """1.0 when equal or when one name holds every word of the other (at least 3 words);
    else the token Jaccard. 'Sekretaris Daerah Kabupaten Cirebon' vs '... Sumedang' is 0.6."""
    if a == b:
        return 1.0
    x, y = set(a.split()), set(b.split())
    small = x if len(x) <= len(y) else y
    if len(small) >= 3 and (x <= y or y <= x):
        return 1.0
    return len(x & y) / len(x | y) if x and y else 0.0


def match_fuzzy(gold: list[str], system: list[set[str]], threshold: float = 0.75):
    """Greedy one-to-one matching of normalized gold strings to label sets (see similar)."""
    used, pairs = set(), []
    for gi, gs in enumerate(gold):
        best, best_s = None, 0.0
        for si, labels in enumerate(system):
            if si in used:
                continue
            sc = max([similar(gs, l) for l in labels] or [0.0])
            if sc > best_s:
                best, best_s = si, sc
        if best is not None and best_s >= threshold:
            used.add(best)
            pairs.append((gi, best))
    return pairs


class View:
    """The contract's view of one graph."""

    def __init__(self, g: Graph):
        self.g = g

    def labels(self, node, fn=norm) -> set[str]:
        out = {fn(o) for o in self.g.objects(node, SDO.name)}
        out |= {fn(o) for o in self.g.objects(node, SKOS.altLabel)}
        return {x for x in out if x}

    def post_labels(self, post) -> set[str]:
        out = self.labels(post)
        roles = set().union(*[self.labels(r) for r in self.g.objects(post, ORG.role)] or [set()])
        orgs = set().union(*[self.labels(o) for o in self.g.objects(post, ORG.postIn)] or [set()])
        out |= {f"{r} {o}" for r in roles for o in orgs}
        return out

    def of_type(self, cls):
        return set(self.g.subjects(RDF.type, cls))

    def name(self, node):
        for o in self.g.objects(node, SDO.name):
            return str(o)
        return str(node)


def score_article(gold: dict, g: Graph, verbose=False) -> Counts:
    v = View(g)
    c = Counts()
    gid = gold["id"]

    # --- people (story people = persons that are not only byline) ---
    articles = v.of_type(SDO.NewsArticle)
    byline_nodes = set()
    for a in articles:
        byline_nodes |= set(g.objects(a, SDO.author)) | set(g.objects(a, SDO.editor))
    persons = v.of_type(SDO.Person)
    story_nodes = []
    for p in persons:
        if p in byline_nodes:
            # a byline person is story person only if it holds a post / quoted / attends
            if not (set(g.objects(p, ORG.holds)) or set(g.subjects(SDO.creator, p))
                    or set(g.subjects(SDO.attendee, p))):
                continue
        story_nodes.append(p)
    sys_people = [v.labels(p, person_norm) for p in story_nodes]
    gold_people = [{person_norm(x["name"])} | {person_norm(a) for a in x.get("aliases", [])}
                   for x in gold.get("people", [])]
    pairs = match_sets(gold_people, sys_people)
    c.add("people", tp=len(pairs), fp=len(sys_people) - len(pairs), fn=len(gold_people) - len(pairs))
    matched_g = {gi for gi, _ in pairs}
    for gi, x in enumerate(gold.get("people", [])):
        if gi not in matched_g:
            c.misses["people"].append(f"{gid}: missing person {x['name']}")
    matched_s = {si for _, si in pairs}
    for si, p in enumerate(story_nodes):
        if si not in matched_s:
            c.misses["people"].append(f"{gid}: extra person {v.name(p)}")
    person_of_gold = {gi: story_nodes[si] for gi, si in pairs}

    # noise people must be absent entirely
    all_person_labels = set().union(*[v.labels(p, person_norm) for p in persons]) if persons else set()
    for n in gold.get("noise_people", []):
        if person_norm(n) in all_person_labels:
            c.add("noise", fp=1, miss=f"{gid}: noise person extracted {n}")
        else:
            c.add("noise", tp=0)

    # --- posts held by people (a post also answers to "<role> <organization>"; see similar) ---
    for gi, x in enumerate(gold.get("people", [])):
        gposts = [norm(p) for p in x.get("posts", [])]
        node = person_of_gold.get(gi)
        sposts = [v.post_labels(pn) for pn in g.objects(node, ORG.holds)] if node is not None else []
        pp = match_fuzzy(gposts, sposts)
        c.add("holds", tp=len(pp), fp=len(sposts) - len(pp), fn=len(gposts) - len(pp))
        got = {gposts[i] for i, _ in pp}
        for p in gposts:
            if p not in got:
                c.misses["holds"].append(f"{gid}: {x['name']} should hold {p}; has "
                                         f"{[sorted(s)[0] if s else '?' for s in sposts]}")

    # --- organizations ---
    orgs = list(v.of_type(ORG.Organization) | v.of_type(SDO.Organization))
    sys_orgs = [v.labels(o) for o in orgs]
    gold_orgs = [{norm(x["name"])} | {norm(a) for a in x.get("aliases", [])} for x in gold.get("organizations", [])]
    op = match_sets(gold_orgs, sys_orgs)
    # an organization the contract makes implicit (the government an office belongs to,
    # e.g. Pemerintah Kabupaten Sumedang for its Sekda) is no false positive when unmatched
    implied_orgs = set(g.objects(None, ORG.postIn)) | set(g.objects(None, ORG.subOrganizationOf))
    extra_orgs = [o for si, o in enumerate(orgs) if si not in {s_ for _, s_ in op} and o not in implied_orgs]
    c.add("orgs", tp=len(op), fp=len(extra_orgs), fn=len(gold_orgs) - len(op))
    got = {gi for gi, _ in op}
    for gi, x in enumerate(gold.get("organizations", [])):
        if gi not in got:
            c.misses["orgs"].append(f"{gid}: missing org {x['name']}")
    for o in extra_orgs:
        c.misses["orgs"].append(f"{gid}: extra org {v.name(o)}")

    # --- regions and their parents ---
    regions = list(v.of_type(SDO.AdministrativeArea) | v.of_type(SDO.Country) | v.of_type(SDO.City))
    sys_regions = [v.labels(r) for r in regions]
    gold_regions = [{norm(x["name"])} | {norm(a) for a in x.get("aliases", [])} for x in gold.get("regions", [])]
    rp = match_sets(gold_regions, sys_regions)
    # parents the gazetteer adds (Sulawesi Utara above a regency the text names) are no
    # false positives when unmatched
    parents = set(g.objects(None, SDO.containedInPlace))
    extra_regions = [r for si, r in enumerate(regions) if si not in {s_ for _, s_ in rp} and r not in parents]
    c.add("regions", tp=len(rp), fp=len(extra_regions), fn=len(gold_regions) - len(rp))
    got = {gi for gi, _ in rp}
    for gi, x in enumerate(gold.get("regions", [])):
        if gi not in got:
            c.misses["regions"].append(f"{gid}: missing region {x['name']}")
    for r in extra_regions:
        c.misses["regions"].append(f"{gid}: extra region {v.name(r)}")
    for gi, si in rp:
        within = gold["regions"][gi].get("within")
        if not within:
            continue
        parents = set()
        for par in g.objects(regions[si], SDO.containedInPlace):
            parents |= v.labels(par)
        if norm(within) in parents:
            c.add("within", tp=1)
        else:
            c.add("within", fn=1, fp=1 if parents else 0,
                  miss=f"{gid}: {gold['regions'][gi]['name']} within {within}; has {sorted(parents)}")

    # --- events ---
    events = list(v.of_type(SDO.Event) | v.of_type(SDO.EducationEvent))
    gold_events = gold.get("events", [])
    used = set()
    for ge in gold_events:
        best, best_s = None, 0.0
        for ei, e in enumerate(events):
            if ei in used:
                continue
            s = max([jaccard(ge["name"], n) for n in g.objects(e, SDO.name)] or [0.0])
            if len(gold_events) == 1 and len(events) == 1:
                s = max(s, 0.5)
            if s > best_s:
                best, best_s = ei, s
        if best is None or best_s < 0.3:
            c.add("events", fn=1, miss=f"{gid}: missing event {ge['name']}")
            for k in ("start", "end"):
                if ge.get(k):
                    c.add("event-dates", fn=1)
            for k in ("location", "organizers", "participants_people", "participants_posts", "topics"):
                c.add("event-" + k, fn=len(ge.get(k, [])))
            continue
        used.add(best)
        e = events[best]
        c.add("events", tp=1)
        for k, prop in (("start", SDO.startDate), ("end", SDO.endDate)):
            vals = {str(o)[:10] for o in g.objects(e, prop)}
            if ge.get(k):
                if ge[k] in vals:
                    c.add("event-dates", tp=1, fp=len(vals) - 1)
                else:
                    c.add("event-dates", fn=1, fp=len(vals), miss=f"{gid}: {k} {ge[k]} vs {sorted(vals)}")
            else:
                c.add("event-dates", fp=len(vals))

        def linked(props, labelfn=norm, types=None):
            nodes = []
            for prop in props:
                nodes.extend(n for n in g.objects(e, prop)
                             if types is None or any((n, RDF.type, t) in g for t in types))
            return nodes, [v.labels(n, labelfn) for n in nodes]

        def cmp(cat, gold_list, props, labelfn=norm, fuzzy=False, types=None):
            nodes, sys_lab = linked(props, labelfn, types)
            gl = [{labelfn(x)} for x in gold_list]
            if fuzzy:
                pairs, usedf = [], set()
                for gi, x in enumerate(gold_list):
                    for si, n in enumerate(nodes):
                        if si not in usedf and max([jaccard(x, l) for l in sys_lab[si]] or [0]) >= 0.5:
                            usedf.add(si)
                            pairs.append((gi, si))
                            break
            else:
                pairs = match_sets(gl, sys_lab)
            c.add(cat, tp=len(pairs), fp=len(nodes) - len(pairs), fn=len(gl) - len(pairs))
            gotg = {gi for gi, _ in pairs}
            for gi, x in enumerate(gold_list):
                if gi not in gotg:
                    c.misses[cat].append(f"{gid}: missing {x}")

        # location: venue or region, and anything they are contained in counts as the same place chain
        loc_nodes = list(g.objects(e, SDO.location))
        chain = set()
        frontier = list(loc_nodes)
        seen = set()
        while frontier:
            n = frontier.pop()
            if n in seen:
                continue
            seen.add(n)
            chain |= v.labels(n)
            frontier.extend(g.objects(n, SDO.containedInPlace))
        gl = [norm(x) for x in ge.get("location", [])]
        hit = sum(1 for x in gl if x in chain)
        c.add("event-location", tp=hit, fn=len(gl) - hit)
        for x in gl:
            if x not in chain:
                c.misses["event-location"].append(f"{gid}: location {x} not in {sorted(chain)}")
        cmp("event-organizers", ge.get("organizers", []) + ge.get("hosts", []),
            [SDO.organizer, URIRef("https://w3id.org/kapasitas/ontology#host")])
        cmp("event-participants_people", ge.get("participants_people", []), [SDO.attendee], person_norm,
            types=[SDO.Person])
        cmp("event-participants_orgs", ge.get("participants_orgs", []), [SDO.attendee],
            types=[ORG.Organization, SDO.Organization])
        # participating offices or groups: an attendee post, an audience (participant
        # group such as "kepala desa se-Kabupaten X"), or a named attendee holding the post
        att = list(g.objects(e, SDO.attendee))
        post_labels = []
        for a in att:
            if (a, RDF.type, ORG.Post) in g:
                post_labels.append(v.post_labels(a))
        for a in g.objects(e, SDO.audience):
            lab = v.labels(a) | {norm(t) for t in g.objects(a, SDO.audienceType)}
            for area in g.objects(a, SDO.geographicArea):
                lab |= {f"{t} {r}" for t in list(lab) for r in v.labels(area)}
            post_labels.append(lab)
        gp = [norm(x) for x in ge.get("participants_posts", [])]
        pp = match_fuzzy(gp, post_labels)
        held = []
        for a in att:
            for pn in g.objects(a, ORG.holds):
                held.append(v.post_labels(pn))
        extra = 0
        got = {gi for gi, _ in pp}
        for gi, gs in enumerate(gp):
            if gi not in got and any(max([similar(gs, l) for l in h] or [0]) >= 0.75 for h in held):
                got.add(gi)
                extra += 1
        c.add("event-participants_posts", tp=len(pp) + extra, fp=len(post_labels) - len(pp),
              fn=len(gp) - len(pp) - extra)
        for gi, x in enumerate(ge.get("participants_posts", [])):
            if gi not in got:
                c.misses["event-participants_posts"].append(f"{gid}: missing attendee post {x}")
        if ge.get("participant_count") is not None:
            counts = {int(o) for o in g.objects(e, URIRef("https://w3id.org/kapasitas/ontology#participantCount"))
                      if str(o).isdigit()}
            if ge["participant_count"] in counts:
                c.add("event-count", tp=1)
            else:
                c.add("event-count", fn=1, fp=len(counts), miss=f"{gid}: count {ge['participant_count']} vs {counts}")
        cmp("event-topics", ge.get("topics", []), [SDO.about], fuzzy=True)
    for ei, e in enumerate(events):
        if ei not in used:
            c.add("events", fp=1, miss=f"{gid}: extra event {v.name(e)}")

    # --- quotes ---
    quotes = list(v.of_type(SDO.Quotation))
    sys_q = []
    for q in quotes:
        text = norm(" ".join(str(t) for t in g.objects(q, SDO.text)))
        spk = set()
        for s in g.objects(q, SDO.creator):
            spk |= v.labels(s, person_norm)
        sys_q.append((text, spk))
    usedq = set()
    for gq in gold.get("quotes", []):
        op_ = norm(gq["opening"])
        found = None
        for qi, (text, spk) in enumerate(sys_q):
            if qi not in usedq and text.startswith(op_[: max(10, len(op_) - 2)]):
                found = qi
                break
        if found is None:
            c.add("quotes", fn=1, miss=f"{gid}: missing quote '{gq['opening']}'")
            continue
        usedq.add(found)
        if person_norm(gq["speaker"]) in sys_q[found][1]:
            c.add("quotes", tp=1)
        else:
            c.add("quotes", fn=1, fp=1, miss=f"{gid}: quote '{gq['opening']}' by {gq['speaker']}, got {sys_q[found][1]}")
    c.add("quotes", fp=len(sys_q) - len(usedq))

    # --- measures ---
    obs = list(v.of_type(SDO.Observation))
    sys_m = []
    for o in obs:
        subj = set()
        for s in g.objects(o, SDO.observationAbout):
            subj |= v.labels(s)
        vals = set()
        for val in g.objects(o, SDO.value):
            try:
                vals.add(round(float(val), 4))
            except (TypeError, ValueError):
                pass
        sys_m.append((subj, vals))
    usedm = set()
    for gm in gold.get("measures", []):
        hit = None
        for mi, (subj, vals) in enumerate(sys_m):
            if (mi not in usedm and round(float(gm["value"]), 4) in vals
                    and max([jaccard(gm["subject"], x) for x in subj] or [0]) >= 0.3):
                hit = mi
                break
        if hit is None:
            c.add("measures", fn=1, miss=f"{gid}: missing measure {gm}")
        else:
            usedm.add(hit)
            c.add("measures", tp=1)
    c.add("measures", fp=len(sys_m) - len(usedm))

    # --- article date ---
    if gold.get("published"):
        vals = {str(o)[:10] for a in articles for o in g.objects(a, SDO.datePublished)}
        if gold["published"] in vals:
            c.add("published", tp=1)
        else:
            c.add("published", fn=1, fp=len(vals), miss=f"{gid}: published {gold['published']} vs {vals}")
    return c



@dataclass(frozen=True)
class Gold:
    path: Path
    data: dict


def load_gold(path: Path) -> Gold:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or "id" not in data:
        raise InputError(f"{path}: not a gold file (no 'id')")
    return Gold(Path(path), data)


def text_for(gold: Gold, texts: Path | None, project: Path) -> Path:
    """The article a gold file describes: <texts>/<id>.txt, else its 'source' path."""
    if texts is not None and (texts / f"{gold.data['id']}.txt").exists():
        return texts / f"{gold.data['id']}.txt"
    for base in (project, gold.path.parent):
        src = gold.data.get("source")
        if src and (base / src).exists():
            return base / src
    if (gold.path.with_suffix(".txt")).exists():
        return gold.path.with_suffix(".txt")
    raise InputError(f"{gold.path}: no article text for id {gold.data['id']!r}")


@dataclass
class Evaluation:
    per_article: list[tuple[str, Counts]]
    total: Counts
    failed: list[str]

    def core_f1(self) -> float:
        return self.total.prf(CORE)[2]

    def lines(self, verbose: bool = False) -> list[str]:
        """The report as score.py prints it: per article, per category, then the headline."""
        out: list[str] = []
        for gid, c in self.per_article:
            p, r, f = c.prf()
            out.append(f"{gid:45s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
            if verbose:
                out.extend(f"    [{cat}] {m}" for cat, ms in c.misses.items() for m in ms)
        out.extend(self.failed)
        out.append("")
        t = self.total
        for cat in sorted(set(t.tp) | set(t.fp) | set(t.fn)):
            p, r, f = t.prf({cat})
            out.append(f"  {cat:28s} tp {t.tp[cat]:4d} fp {t.fp[cat]:4d} fn {t.fn[cat]:4d}  "
                       f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
        p, r, f = t.prf()
        out.append(f"all-categories micro-F1 {f:.3f} (P {p:.3f} R {r:.3f})")
        p, r, f = t.prf(CORE)
        out.append(f"micro-F1 {f:.3f} (P {p:.3f} R {r:.3f}) over {len(self.per_article)} articles, "
                   f"{len(self.failed)} failed builds")
        return out


def evaluate(gold_paths: list[Path], texts: Path | None = None, project: Path = Path(".")) -> Evaluation:
    """Build each gold file's article in process and score its graph against the gold."""
    from kg.build import graph_of
    from kg.reader import read_article

    total, per, failed = Counts(), [], []
    for gp in gold_paths:
        gold = load_gold(gp)
        try:
            _, graph = graph_of(read_article(text_for(gold, texts, project)))
        except InputError as exc:
            failed.append(f"{gold.data['id']}: build failed: {exc}")
            graph = Graph()
        c = score_article(gold.data, graph)
        per.append((gold.data["id"], c))
        total.merge(c)
    return Evaluation(per, total, failed)
