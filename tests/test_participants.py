"""Who takes part in an event and how many: made-up sentences in, participant records out."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Audience, Event, Findings
from kg.reader import Meta, parse_article


def found_in(text: str) -> Findings:
    return extract(parse_article(text, Meta(id="t"), source="t.txt"))


def events(text: str) -> list[Event]:
    return sorted(found_in(text).of(Event), key=lambda e: e.span.start if e.span else 0)


def attendee_keys(ev: Event) -> set[str]:
    return {link.key for link in ev.attendees}


def test_the_speakers_origin_is_no_participant() -> None:
    text = ("MATARAM - Pemkab Lombok Barat menggelar Bimtek Penyusunan APBDes bagi kepala desa, Rabu (4/9/2024).\n"
            "Narasumber bimtek berasal dari Badan Pengawasan Keuangan dan Pembangunan (BPKP) dan Inspektorat "
            "Kabupaten Lombok Barat.\n"
            "Peserta berasal dari Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Lombok Barat.")
    [ev] = events(text)
    orgs = {k for k in attendee_keys(ev) if k.startswith("org/")}
    assert orgs == {"org/dinas-pemberdayaan-masyarakat-dan-desa-kabupaten-lombok-barat"}
