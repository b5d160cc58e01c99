"""Building graphs: articles in, an RDF dataset with one named graph per article out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg import extract as extraction
from kg.errors import InputError, KgError
from kg.model import Article
from kg.namespaces import DATA
from kg.rdfmap import article_graph, bind_prefixes
from kg.reader import read_article

TEXT_SUFFIXES = (".txt",)


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one-line messages naming the file
    warnings: list[str] = field(default_factory=list)


def expand_inputs(paths: Iterable[Path], report: BuildReport) -> list[Path]:
    """Files as given and the .txt files of folders, sorted; problems go to the report."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                report.failed.append(f"{path}: folder holds no .txt article")
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            report.failed.append(f"{path}: no such file")
    return out


def graph_of(article: Article, base: str = DATA) -> tuple[URIRef, Graph]:
    """Extract one article and map it to its named graph."""
    return article_graph(article, extraction.extract(article), base)


def read_all(paths: list[Path], report: BuildReport) -> Iterator[Article]:
    for path in paths:
        try:
            article = read_article(path)
        except InputError as exc:
            report.failed.append(str(exc))
            continue
        report.warnings.extend(article.warnings)
        yield article


def build_dataset(paths: Iterable[Path], base: str = DATA,
                  progress: Callable[[str], None] | None = None) -> tuple[Dataset, BuildReport]:
    """Read, extract and map every article; bad inputs are reported, the rest is built."""
    report = BuildReport()
    ds = Dataset()
    bind_prefixes(ds)
    for article in read_all(expand_inputs(paths, report), report):
        gid, g = graph_of(article, base)
        target = ds.graph(gid)
        for triple in g:
            target.add(triple)
        report.built.append(article.source)
        if progress:
            progress(article.source)
    if not report.built and not report.failed:
        raise KgError("no input articles")
    return ds, report
