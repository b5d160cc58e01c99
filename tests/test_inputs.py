"""Input formats: folders of .txt/.html/.jsonl, HTML pages by trafilatura, JSONL line errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import DATA, run
from kg.inputs import expand, html_article, iter_items, to_article

MULTI = DATA / "multi"


def test_folder_lists_every_input_kind_sorted() -> None:
    failed: list[str] = []
    names = [p.name for p in expand([MULTI], failed)]
    assert failed == []
    assert names == sorted(names)
    assert {"garut-spbe-kompas.html", "news.jsonl", "jabar-digital-2023.txt"} <= set(names)


def test_missing_input_and_empty_folder_are_reported(tmp_path: Path) -> None:
    failed: list[str] = []
    assert expand([tmp_path / "tidak-ada.txt", tmp_path], failed) == []
    assert failed == [f"{tmp_path / 'tidak-ada.txt'}: no such file", f"{tmp_path}: folder holds no .txt article"]


def test_html_page_gives_main_text_and_metadata() -> None:
    article = html_article((MULTI / "garut-spbe-kompas.html").read_bytes(), "garut-spbe-kompas.html")
    assert article.title == "Pemkab Garut Gelar Bimtek SPBE"
    assert article.url == "https://regional.kompas.com/read/2023/05/30/bimtek-spbe-garut"
    assert article.published == date(2023, 5, 30)
    assert article.publisher == "Kompas.com"
    assert article.dateline == "GARUT"
    assert "Nurdin Yana" in article.text
    for boilerplate in ("Beranda", "Login", "Copyright", "Ikuti kami"):
        assert boilerplate not in article.text


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "kosong.html"
    page.write_text("<html><head><title>Kosong</title></head><body><script>var x = 1;</script></body></html>")
    result = run("build", page, "--output", tmp_path / "out.trig")
    assert result.exit_code == 2
    assert f"{page}: no article text found in the HTML page" in result.output


def test_jsonl_records_become_articles_with_their_metadata() -> None:
    failed: list[str] = []
    items = [i for i in iter_items([MULTI / "news.jsonl"], failed)]
    assert failed == []
    assert [(i.source, i.article_id) for i in items] == [
        (f"{MULTI / 'news.jsonl'}:1", "sumedang-bimtek-2023"), (f"{MULTI / 'news.jsonl'}:2", "cianjur-latsar-2024")]
    article = to_article(items[0])
    assert (article.id, article.title, article.published, article.publisher) == (
        "sumedang-bimtek-2023", "Pemkab Sumedang Gelar Bimtek SPBE", date(2023, 7, 4), "Pemkab Sumedang")
    assert article.url == "https://sumedangkab.go.id/berita/bimtek-spbe"


GOOD = {"id": "kutim-pelatihan", "text": "SANGATTA - Pemkab Kutai Timur menggelar pelatihan bagi 40 ASN."}


@pytest.mark.parametrize("line, problem", [
    ('{"id": "rusak", "text": "tidak ditutup', "not valid JSON"),
    ('["id", "text"]', "expected a JSON object, got list"),
    ('{"id": "tanpa-teks", "title": "Tanpa teks"}', "missing or empty 'text'"),
    ('{"id": "", "text": "Teks berita."}', "missing or empty 'id'"),
    ('{"id": "judul-angka", "text": "Teks berita.", "title": 12}', "'title' must be a string"),
    ('{"id": "tanggal", "text": "Teks berita.", "published": "30 Mei 2023"}',
     "'published' is not an ISO date: '30 Mei 2023'"),
])
def test_bad_jsonl_line_is_reported_by_file_and_line_and_the_rest_is_built(
        tmp_path: Path, line: str, problem: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(GOOD) + "\n\n" + line + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    result = run("build", feed, "--output", out, "--workers", "1")
    assert result.exit_code == 2
    assert f"{feed}:3: {problem}" in result.output
    assert "(1 input(s) failed, 1 built)" in result.output
    assert "graph/kutim-pelatihan>" in out.read_text(encoding="utf-8")


def test_build_reads_txt_html_and_jsonl_together(tmp_path: Path) -> None:
    out = tmp_path / "multi.nq"
    result = run("build", MULTI, "--output", out, "--workers", "1")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for article in ("garut-spbe-kompas", "sumedang-bimtek-2023", "cianjur-latsar-2024", "jabar-digital-2023"):
        assert f"<https://w3id.org/kapasitas/id/graph/{article}>" in text
    assert '"Pemkab Garut Gelar Bimtek SPBE"' in text
