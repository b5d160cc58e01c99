"""Entity keys ("<kind>/<slug>") from canonical names: the same name always gives one key."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9.]+")


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_.lower()).strip("-.") or "x"


def key(kind: str, name: str) -> str:
    return f"{kind}/{slug(name)}"
