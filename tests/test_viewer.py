"""kg.viewer and ``kg view``: one offline, escaped, deterministic HTML page."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.errors import KgError
from kg.graphio import load_dataset, union_graph
from kg.network import to_networkx
from kg.viewer import layout, page_data, render_html, script_json, select, write_html

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
ID = "https://w3id.org/kapasitas/id/"
HERMAN = ID + "person/herman-suryatman"
PAYLOADS = ("</script><img src=x onerror=alert(1)>", "<img src=x onerror=window.__xss=1>")


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SAMPLE)


@pytest.fixture(scope="module")
def html(dataset: Dataset) -> str:
    return render_html(dataset, title="Kapasitas: Jawa Barat")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    parser = Page()
    parser.feed(html)
    return parser


def page_json(page: Page) -> dict:  # type: ignore[type-arg]
    blocks = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_nothing_is_loaded_from_outside(page: Page) -> None:
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
    assert not [tag for tag, _ in page.tags if tag in ("link", "img", "iframe", "object", "embed")]
    assert all(not attrs.get("src") for attrs, _ in page.scripts)


def test_a_content_security_policy_forbids_every_request(page: Page) -> None:
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for attrs, text in page.scripts:
        if attrs.get("type") != "application/json":
            digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in csp


def test_the_page_inlines_vis_network_and_no_font_or_stylesheet(html: str) -> None:
    assert "vis-network" in html and "@version 9.1.2" in html
    assert "@import" not in html and "@font-face" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_xss_payload_appears_only_escaped(html: str, page: Page, payload: str) -> None:
    assert payload not in html
    assert "<img" not in html
    assert html.count("</script>") == len(page.scripts) == 3
    data = page_json(page)
    names = {n["label"] for n in data["nodes"]} | {a for n in data["nodes"] for a in n["alt"]}
    assert any(payload in name for name in names), "the page still shows the article's string, as text"


def test_the_title_is_escaped(dataset: Dataset) -> None:
    out = render_html(dataset, title="<b onmouseover=alert(1)>Jabar</b> & co")
    assert "<b onmouseover" not in out
    assert "&lt;b onmouseover=alert(1)&gt;Jabar&lt;/b&gt; &amp; co" in out


@pytest.mark.parametrize(("text", "escaped"), [("</script>", "\\u003c/script\\u003e"), ("a & b", "a \\u0026 b"), ("\u2028", "\\u2028")])
def test_script_json_escapes_what_could_end_the_block(text: str, escaped: str) -> None:
    out = script_json({"k": text})
    assert escaped in out and json.loads(out) == {"k": text}


def test_same_input_gives_the_same_bytes(dataset: Dataset, html: str) -> None:
    assert render_html(load_dataset(SAMPLE), title="Kapasitas: Jawa Barat") == html
    assert render_html(dataset, title="Kapasitas: Jawa Barat") == html


def test_nodes_edges_legend_and_events(page: Page) -> None:
    data = page_json(page)
    assert len(data["nodes"]) == 29
    assert {e["label"] for e in data["edges"]} >= {"schema:attendee", "org:holds", "kap:host"}
    assert "schema:mentions" not in {e["label"] for e in data["edges"]}, "mentions feed the panel, not the drawing"
    legend = {f["family"]: f["count"] for f in data["families"]}
    assert legend["person"] == 5 and legend["event"] == 2 and legend["region"] == 5
    assert len({f["color"] for f in data["families"]}) == len(data["families"])
    assert data["events"] == [ID + "event/digital-capacity-building-jabar-2023", ID + "event/bimtek-spbe-sumedang-2023"]


def test_panel_data_has_evidence_and_source_articles(page: Page) -> None:
    data = page_json(page)
    texts = [e["text"] for e in data["evidence"][HERMAN]]
    assert "Sekda Kabupaten Sumedang Herman Suryatman menilai pelatihan yang dilakukan sangat penting." in texts
    assert data["mentionedIn"][HERMAN] == [ID + "article/jpnn-2023-05-30", ID + "article/sumedang-2023-07-12"]
    setiawan = [e for e in data["evidence"][ID + "person/setiawan-wangsaatmaja"] if e["p"] == "schema:text"]
    assert setiawan and setiawan[0]["text"].startswith('"Itu semua bisa kami raih'), "a speaker sees their quotes"
    assert data["articles"][ID + "article/jpnn-2023-05-30"]["schema:url"].startswith("https://www.jpnn.com/")


@pytest.mark.parametrize(
    ("focus", "depth", "count"),
    [
        ("Herman Suryatman", 0, 1),
        ("herman suryatman", 1, 3),
        ("Sekda Herman", 1, 3),
        (HERMAN, 1, 3),
        ("Kabupaten Sumedang", 1, 6),
        ("Herman Suryatman", 2, 13),
    ],
)
def test_focus_and_depth(dataset: Dataset, focus: str, depth: int, count: int) -> None:
    shown = select(to_networkx(dataset), focus, depth, "sample.trig")
    assert shown.number_of_nodes() == count


def test_focus_keeps_the_page_small(dataset: Dataset) -> None:
    html = render_html(dataset, focus="Herman Suryatman", depth=1)
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert sorted(n["label"] for n in data["nodes"]) == [
        "2023 Digital Capacity Building Program for Civil Servants of West Java Province",
        "Herman Suryatman",
        "Sekretaris Daerah Kabupaten Sumedang",
    ]


@pytest.mark.parametrize(
    ("focus", "message"),
    [
        ("Hermann Suryatman", "no entity named 'Hermann Suryatman' in sample.trig; did you mean 'Herman Suryatman'?"),
        ("Gubernur Bengkulu", "no entity named 'Gubernur Bengkulu' in sample.trig"),
    ],
)
def test_an_unknown_focus_is_an_error_with_suggestions(dataset: Dataset, focus: str, message: str) -> None:
    with pytest.raises(KgError) as err:
        render_html(dataset, focus=focus, source="sample.trig")
    assert str(err.value) == message


def test_a_negative_depth_is_an_error(dataset: Dataset) -> None:
    with pytest.raises(KgError, match="--depth must be 0 or more"):
        render_html(dataset, focus="Herman Suryatman", depth=-1)


def test_layout_is_deterministic_and_spreads_nodes(dataset: Dataset) -> None:
    graph = to_networkx(dataset)
    positions = layout(graph)
    assert positions == layout(to_networkx(load_dataset(SAMPLE)))
    assert set(positions) == set(graph.nodes)
    assert len(set(positions.values())) == len(positions), "no two nodes share a position"


def test_layout_of_a_graph_without_events() -> None:
    graph = nx.MultiDiGraph()
    for i in range(40):
        graph.add_node(f"n{i:02d}", family="person")
    for i in range(0, 30):
        graph.add_edge(f"n{i:02d}", f"n{i + 1:02d}", key="schema:knows")
    positions = layout(graph)
    assert len(set(positions.values())) == 40


def test_write_html_is_atomic_and_utf8(dataset: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "graph.html"
    write_html(dataset, out, title="Sumedang")
    assert out.read_text(encoding="utf-8") == render_html(dataset, title="Sumedang")
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]


def test_page_data_physics_only_for_small_graphs(dataset: Dataset) -> None:
    graph = to_networkx(dataset)
    data = page_data(union_graph(dataset), graph, graph, "t")
    assert data["physics"] is True and data["iterations"] == 250


# --- the command ----------------------------------------------------------------------


def run(*args: str):  # type: ignore[no-untyped-def]
    from kg.cli import main

    return CliRunner().invoke(main, ["view", *args])


def test_cli_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = run(str(SAMPLE), "--output", str(out), "--focus", "Herman Suryatman", "--depth", "1", "--title", "Herman")
    assert result.exit_code == 0, result.output
    assert "<title>Herman</title>" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "fmt", "marker"), [("g.graphml", None, "<graphml"), ("g.json", None, '"nodes"'), ("g.out", "graphml", "<graphml")])
def test_cli_exports_for_networkx(tmp_path: Path, name: str, fmt: str | None, marker: str) -> None:
    out = tmp_path / name
    result = run(str(SAMPLE), "-o", str(out), *(["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    assert marker in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "Hermann Suryatman"], "no entity named 'Hermann Suryatman' in"),
        (["--depth", "-2", "--focus", "Herman"], "--depth must be 0 or more, not -2"),
    ],
)
def test_cli_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(str(SAMPLE), "-o", str(tmp_path / "g.html"), *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "g.html").exists()


def test_cli_unknown_extension(tmp_path: Path) -> None:
    result = run(str(SAMPLE), "-o", str(tmp_path / "g.txt"))
    assert result.exit_code == 2
    assert "cannot tell the output format from '.txt'" in result.output


def test_cli_help_has_an_example() -> None:
    from kg.cli import main

    result = CliRunner().invoke(main, ["view", "--help"])
    assert result.exit_code == 0 and "kg view out/graph.trig --output graph.html" in result.output


def test_an_empty_graph_gives_an_empty_page() -> None:
    html = render_html(Dataset(), title="kosong")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert data["nodes"] == [] and data["edges"] == [] and data["families"] == []
