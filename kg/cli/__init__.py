"""The ``kg`` command line: each command parses its options and calls one library function.

Commands live one module each in this package and are registered here, in order.
"""

from __future__ import annotations

import click

from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Kapasitas: knowledge graphs of capacity-building events from news articles."""


def _register() -> None:
    # The explicit, ordered registry of commands (one module each).
    from kg.cli import build, view
    from kg.cli import query, serve
    from kg.cli import validate
    from kg.cli import evaluate
    from kg.cli import store

    for command in (build.build, view.view, query.query, serve.serve, validate.validate, evaluate.evaluate_command,
                    store.remove, store.export):
        main.add_command(command)


_register()
