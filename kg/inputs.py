"""Input formats: plain-text files, HTML pages and JSONL files of articles, as work items.

An :class:`Item` is one article's raw input (the bytes of a .txt or .html file, or one JSONL
record) with its article id and a content hash, cheap to send to a worker process. Turning
an item into an :class:`~kg.model.Article` (:func:`to_article`) is the worker's job.

* ``.txt``: the file is the article; its id is the file name's stem.
* ``.html`` / ``.htm``: trafilatura extracts the main text (boilerplate dropped); the title,
  date, canonical URL and site name of the page's metadata become the article's ``Meta``.
* ``.jsonl``: one JSON object a line with ``id``, ``text`` and optionally ``url``, ``title``,
  ``published`` (ISO date) and ``publisher``. A bad line is reported as ``FILE:LINE: problem``
  and skipped; the other lines are read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Article
from kg.reader import Meta, article_id, decode, parse_article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
JSONL_FIELDS = ("id", "url", "title", "published", "publisher", "text")


@dataclass(frozen=True)
class Item:
    """One article's raw input: where it comes from, its id, content hash and payload."""

    source: str  # file name, or FILE:LINE for a JSONL record
    kind: str  # "txt" | "html" | "jsonl"
    article_id: str
    content_hash: str
    data: bytes  # the file's bytes, or the JSONL line


def content_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def expand(paths: Iterable[Path], failed: list[str]) -> list[Path]:
    """Files as given and the input files of folders (sorted); problems go to ``failed``."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                failed.append(f"{path}: folder holds no .txt article")
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            failed.append(f"{path}: no such file")
    return out


def items_of(path: Path, failed: list[str]) -> Iterator[Item]:
    """The work items of one input file; unreadable files and bad JSONL lines go to ``failed``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        failed.append(f"{path}: cannot read ({exc.strerror})")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_items(path, data, failed)
        return
    kind = "html" if suffix in (".html", ".htm") else "txt"
    yield Item(str(path), kind, article_id(path.stem), content_hash(data), data)


def iter_items(paths: Iterable[Path], failed: list[str]) -> Iterator[Item]:
    for path in expand(paths, failed):
        yield from items_of(path, failed)


def _jsonl_items(path: Path, data: bytes, failed: list[str]) -> Iterator[Item]:
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = _record(line, where)
        except InputError as exc:
            failed.append(str(exc))
            continue
        yield Item(where, "jsonl", article_id(str(record["id"])), content_hash(line.strip()), line)


def _record(line: bytes, where: str) -> dict[str, Any]:
    """A JSONL line as a checked record, or an InputError naming FILE:LINE and the problem."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{where}: not valid JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for name in ("id", "text"):
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise InputError(f"{where}: missing or empty {name!r}")
    for name in ("url", "title", "published", "publisher"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise InputError(f"{where}: {name!r} must be a string")
    _iso_date(record.get("published"), where)
    return record


def _iso_date(value: str | None, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{where}: 'published' is not an ISO date: {value!r}") from None


def to_article(item: Item) -> Article:
    """Read one item into an Article (raises InputError for unusable input)."""
    if item.kind == "jsonl":
        record = _record(item.data, item.source)
        meta = Meta(id=record["id"], title=record.get("title"), url=record.get("url"),
                    published=_iso_date(record.get("published"), item.source), publisher=record.get("publisher"))
        return parse_article(record["text"], meta, source=item.source)
    if item.kind == "html":
        return html_article(item.data, item.source, item.article_id)
    text, warnings = decode(item.data, item.source)
    return parse_article(text, Meta(id=Path(item.source).stem), source=item.source, warnings=warnings)


def html_article(data: bytes, source: str, id_: str | None = None) -> Article:
    """An Article from an HTML page: main text and metadata by trafilatura."""
    html, warnings = decode(data, source)
    text, meta = html_text(html, source)
    meta = Meta(id=id_ or Path(source).stem, title=meta.title, url=meta.url, published=meta.published,
                publisher=meta.publisher)
    return parse_article(text, meta, source=source, warnings=warnings)


def html_text(html: str, source: str) -> tuple[str, Meta]:
    """The main text of a page (paragraphs one a line) and its metadata."""
    import trafilatura  # imported here: only HTML inputs pay for it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      fast=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{source}: no article text found in the HTML page")
    title = getattr(doc, "title", None) or None
    lines = text.strip().split("\n")
    if title and len(lines) > 1 and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])  # the headline is metadata, not the story's first line
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    meta = Meta(title=title, url=getattr(doc, "url", None) or None,
                published=published, publisher=getattr(doc, "sitename", None) or None)
    return text, meta
