"""factlint: a linter for the facts inside prose documents."""

__version__ = "0.1.0"
