"""Benchmark of ``kg view`` on a deterministic synthetic graph of ~5,000 entities.

Measures, in Python, building the networkx graph, the layout and the whole page; then opens
the page in headless Chromium (file://, no network) and reads the page's own timings: first
draw and 'ready' (drawn and settled, usable), in ms since navigation start. Writes a table
into docs/viewer.md between the ``bench`` markers. Not a unit test:

    .venv/bin/python benchmarks/viewer_bench.py [--nodes 5000] [--no-docs]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.network import KAP, to_networkx  # noqa: E402
from kg.viewer import layout, render_html, select  # noqa: E402

ID = "https://w3id.org/kapasitas/id/"
DOC = ROOT / "docs" / "viewer.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def iri(kind: str, slug: str | int) -> URIRef:
    return URIRef(f"{ID}{kind}/{slug}")


def _entity(g: Dataset, node: URIRef, classes: list[URIRef], name: str) -> None:
    for cls in classes:
        g.add((node, RDF.type, cls))
    g.add((node, SDO.name, Literal(name)))


def _regions(g: Dataset, provinces: int, per_province: int) -> list[URIRef]:
    country = iri("region", "id")
    _entity(g, country, [KAP.Region, KAP.Country, SDO.AdministrativeArea, SDO.Country], "Indonesia")
    regencies = []
    for p in range(provinces):
        prov = iri("region", f"id-{p + 11}")
        _entity(g, prov, [KAP.Region, KAP.Province, SDO.AdministrativeArea], f"Provinsi {p + 11}")
        g.add((prov, SDO.containedInPlace, country))
        for r in range(per_province):
            reg = iri("region", f"id-{p + 11}.{r + 1:02d}")
            _entity(g, reg, [KAP.Region, KAP.Regency, SDO.AdministrativeArea], f"Kabupaten {p + 11}.{r + 1:02d}")
            g.add((reg, SDO.identifier, Literal(f"{p + 11}.{r + 1:02d}")))
            g.add((reg, SDO.containedInPlace, prov))
            regencies.append(reg)
    return regencies


def _event(g: Dataset, e: int, regencies: list[URIRef], persons: list[URIRef], posts: list[URIRef], topics: list[URIRef]) -> None:
    event = iri("event", e)
    _entity(g, event, [KAP.CapacityBuildingEvent, KAP.Training, SDO.Event, SDO.EducationEvent], f"Pelatihan {e}")
    g.add((event, SDO.startDate, Literal(f"2023-{e % 12 + 1:02d}-{e % 28 + 1:02d}", datatype=XSD.date)))
    region = regencies[(e * 7) % len(regencies)]
    org = iri("org", f"pemkab-{(e * 7) % len(regencies)}")
    g.add((event, SDO.location, region))
    g.add((event, SDO.organizer, org))
    g.add((event, SDO.about, topics[e % len(topics)]))
    for k in range(6):
        g.add((event, SDO.attendee, persons[(e * 6 + k * 13) % len(persons)]))
    g.add((event, SDO.attendee, posts[e % len(posts)]))
    audience = iri("audience", e)
    _entity(g, audience, [KAP.ParticipantGroup, SDO.Audience], f"ASN peserta {e}")
    g.add((audience, KAP.participantCount, Literal(20 + e % 80)))
    g.add((event, SDO.audience, audience))
    _evidence(g, e, event, persons[(e * 6) % len(persons)])


def _evidence(g: Dataset, e: int, event: URIRef, person: URIRef) -> None:
    stmt, sent = iri("statement", e), iri("sentence", f"a{e}-1")
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, event))
    g.add((stmt, RDF.predicate, SDO.attendee))
    g.add((stmt, RDF.object, person))
    g.add((stmt, PROV.wasDerivedFrom, sent))
    g.add((sent, RDF.type, KAP.Sentence))
    g.add((sent, SDO.text, Literal(f"Peserta pelatihan {e} hadir.")))


def synthetic_dataset(nodes: int = 5000) -> Dataset:
    """A deterministic contract-shaped dataset of about ``nodes`` entities (no randomness)."""
    g = Dataset()
    scale = nodes / 5000
    regencies = _regions(g, 38, max(1, round(12 * scale)))
    for i in range(len(regencies)):
        org = iri("org", f"pemkab-{i}")
        _entity(g, org, [KAP.GovernmentOrganization, ORG.Organization, SDO.Organization, SDO.GovernmentOrganization], f"Pemerintah Kabupaten {i}")
        g.add((org, SDO.areaServed, regencies[i]))
    topics = [iri("topic", t) for t in range(40)]
    for t, topic in enumerate(topics):
        _entity(g, topic, [KAP.Topic, SKOS.Concept], f"Topik {t}")
    roles = [iri("role", r) for r in range(20)]
    for r, role in enumerate(roles):
        _entity(g, role, [KAP.Role, ORG.Role, SKOS.Concept], f"Jabatan {r}")
    posts = [iri("post", p) for p in range(round(700 * scale))]
    for p, post in enumerate(posts):
        _entity(g, post, [KAP.Post, ORG.Post], f"Kepala Dinas {p}")
        g.add((post, ORG.role, roles[p % len(roles)]))
        g.add((post, ORG.postIn, iri("org", f"pemkab-{p % len(regencies)}")))
    persons = [iri("person", p) for p in range(round(2400 * scale))]
    for p, person in enumerate(persons):
        _entity(g, person, [KAP.Person, SDO.Person], f"Orang Nomor {p}")
        if p < len(posts):
            g.add((person, ORG.holds, posts[p]))
    fixed = 1 + 38 + 2 * len(regencies) + len(topics) + len(roles) + len(posts) + len(persons)
    for e in range(max(1, (nodes - fixed) // 2)):  # an event and its audience each
        _event(g, e, regencies, persons, posts, topics)
    return g


def browser_timings(html: Path) -> dict[str, float]:
    """Open ``html`` in headless Chromium; the page's first-draw and ready times (ms)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900", f"--user-data-dir={tempfile.mkdtemp()}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))
    try:
        started = time.perf_counter()
        driver.get(html.as_uri())
        while not driver.execute_script("return !!(window.kgViewer && window.kgViewer.ready)"):
            if time.perf_counter() - started > 120:
                raise TimeoutError("the page did not get ready within 120 s")
            time.sleep(0.05)
        first, ready = driver.execute_script("return [kgViewer.firstDrawMs, kgViewer.stabilizedMs]")
        t0 = time.perf_counter()
        driver.execute_script("kgViewer.search('Orang Nomor 7')")
        search_ms = (time.perf_counter() - t0) * 1000
        return {"first_draw_ms": first, "ready_ms": ready, "search_ms": search_ms}
    finally:
        driver.quit()


def run(nodes: int) -> dict[str, float]:
    """Build, lay out, render and open a synthetic graph of about ``nodes`` entities."""
    ds = synthetic_dataset(nodes)
    t0 = time.perf_counter()
    graph = to_networkx(ds)
    t1 = time.perf_counter()
    layout(select(graph, None, 2, "bench"))
    t2 = time.perf_counter()
    html = render_html(ds, title=f"Synthetic graph ({graph.number_of_nodes()} entities)")
    t3 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.html"
        path.write_text(html, encoding="utf-8")
        timings = browser_timings(path)
    return {
        "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
        "networkx_s": t1 - t0, "layout_s": t2 - t1, "render_s": t3 - t2,
        "html_mb": len(html.encode("utf-8")) / 1e6, **timings,
    }


def table(rows: list[dict[str, float]]) -> str:
    """The results as a Markdown table, with the machine it ran on."""
    head = ("| entities | edges | to_networkx (s) | layout (s) | render_html (s) | HTML (MB) "
            "| first draw (ms) | ready (ms) | search (ms) |\n|---|---|---|---|---|---|---|---|---|\n")
    body = "".join(
        f"| {r['nodes']:.0f} | {r['edges']:.0f} | {r['networkx_s']:.2f} | {r['layout_s']:.2f} | "
        f"{r['render_s']:.2f} | {r['html_mb']:.1f} | {r['first_draw_ms']:.0f} | {r['ready_ms']:.0f} | "
        f"{r['search_ms']:.0f} |\n"
        for r in rows
    )
    machine = (f"\nMachine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
               "headless Chromium (Debian package). render_html is the whole page (RDF to networkx, "
               "layout, JSON, template); first draw and ready are ms from navigation start.\n")
    return head + body + machine


def write_docs(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    DOC.write_text(pattern.sub(lambda _: f"{START}\n{text}{END}", doc), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="*", default=[500, 1500, 5000])
    parser.add_argument("--no-docs", action="store_true", help="print the table only")
    args = parser.parse_args()
    text = table([run(n) for n in args.nodes])
    print(text)
    if not args.no_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
