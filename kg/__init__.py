"""Kapasitas: knowledge graphs of government capacity-building events from news articles."""

__version__ = "0.1.0"
