"""Text cut or scrambled anywhere must not crash extraction (found by fuzzing the corpus)."""

from __future__ import annotations

from kg.build import graph_of
from kg.extract.people import _level_of
from kg.gazetteer import Gazetteer
from kg.matcher import PhraseMatcher, tokenize
from kg.model import Findings, Region
from kg.reader import Meta, parse_article


def test_a_phrase_asked_for_past_the_last_token_is_none() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("pelatihan", "x")
    tokens = tokenize("Pelatihan dan")
    assert matcher.match_at("Pelatihan dan", tokens, len(tokens)) is None


def test_an_event_name_cut_after_a_joining_word_builds() -> None:
    text = "JAKARTA - Kementerian menggelar Pelatihan Kepemimpinan Nasional dan"
    _, graph = graph_of(parse_article(text, Meta(id="cut"), source="cut.txt"))
    assert len(graph) > 0


def test_the_level_of_a_foreign_region_is_read_through_its_place() -> None:
    """Region keys are lowercased place keys ('region/jp-kitakyushu' for 'JP-kitakyushu'): the
    level comes from the region's place, never from the key upper-cased."""
    gaz = Gazetteer.load()
    place = gaz.lookup("Kitakyushu")[0]
    found = Findings()
    found.add(Region("region/" + place.key.lower(), place.name, place=place.key))
    assert _level_of(found, "region/" + place.key.lower(), gaz) == place.level
    assert _level_of(found, "region/none", gaz) is None


def test_an_extractor_bug_on_one_article_fails_that_article_only(tmp_path, monkeypatch) -> None:
    """One line naming the file, exit code 2, and the other articles still written."""
    from conftest import run

    import kg.extract as extraction

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("BANDUNG - Pemprov Jawa Barat menggelar Bimtek SPBE di Bandung, Senin (5/6/2023).\n")
    bad.write_text("BANDUNG - Pemprov Jawa Barat menggelar Bimtek SPBE di Bandung, Selasa (6/6/2023). KRASH\n")
    real = extraction.extract

    def extract(article, only=None):  # type: ignore[no-untyped-def]
        if "KRASH" in article.body:
            raise IndexError("list index out of range")
        return real(article, only)

    monkeypatch.setattr(extraction, "extract", extract)
    out = tmp_path / "out.ttl"
    result = run("build", good, bad, "--output", out, "--workers", "1")
    assert result.exit_code == 2
    assert "bad.txt: extraction failed (IndexError: list index out of range)" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.exists() and "Bimtek" in out.read_text()
