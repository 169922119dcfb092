"""``factlint server``: a Language Server Protocol server (stdio, or TCP for debugging).

Built on pygls, installed with the ``lsp`` extra. Nothing else in factlint
imports this package, so a plain ``factlint`` run never loads pygls.
"""

from __future__ import annotations

import argparse


def main(argv: list[str]) -> int:
    """Run the server until the client exits."""
    parser = argparse.ArgumentParser(prog="factlint server", description="Run factlint as a language server (LSP) for editors.")
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on a TCP address instead, for debugging (e.g. 127.0.0.1:2087)")
    args = parser.parse_args(argv)
    address = None
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        if not host or not port.isdigit():
            parser.error("--tcp needs HOST:PORT")
        address = (host, int(port))
    from checker.lsp.server import server

    if address is None:
        server.start_io()
    else:
        server.start_tcp(*address)
    return 0
