"""A one-line progress display for long builds: done/total, articles per second, ETA.

Shown only on a terminal (the caller checks ``isatty``); it redraws at most ten times a
second with a carriage return and ends with a newline.
"""

from __future__ import annotations

import time
from typing import TextIO


class ProgressLine:
    """Counts finished articles and redraws ``label  done/total  rate/s  ETA`` on ``stream``."""

    def __init__(self, stream: TextIO, label: str = "Building") -> None:
        self.stream, self.label = stream, label
        self.total = self.done = 0
        self.started = self.drawn = time.monotonic()

    def start(self, total: int) -> None:
        self.total, self.started = total, time.monotonic()
        self._draw()

    def step(self, source: str = "") -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.drawn >= 0.1 or self.done == self.total:
            self.drawn = now
            self._draw()

    def close(self) -> None:
        if self.total:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

    def text(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        eta = f"ETA {int(left // 60)}m{int(left % 60):02d}s" if self.done < self.total else f"{elapsed:.1f}s"
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        return f"{self.label} [{bar}] {self.done}/{self.total}  {rate:.1f} articles/s  {eta}"

    def _draw(self) -> None:
        self.stream.write("\r" + self.text() + "\x1b[K")
        self.stream.flush()
