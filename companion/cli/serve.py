"""`companion serve`: the same app in a browser tab, through textual-serve.

Every tab that opens the page gets an app process of its own (`python -m companion`
with this run's `--program`, `--now` and `--theme`); they all share the data directory's
stars and notes, as two terminals do. It listens on this computer only unless told
otherwise, and says which it is.
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import socket
import subprocess
import sys
from ipaddress import IPv4Address, IPv6Address, ip_address

from companion.cli.context import Context, UserError, warn
from companion.cli.venue import AddCommand

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
Address = IPv4Address | IPv6Address


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return int(text)


def add_serve_command(command: AddCommand) -> None:
    serve = command(
        "serve",
        cmd_serve,
        "serve the app to a web browser (each tab runs its own app; stars are shared)",
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="ADDRESS",
        help="the address to listen on (default: %(default)s, this computer only); this "
        "computer's network address, or 0.0.0.0, lets a tablet beside it in",
    )
    serve.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        metavar="PORT",
        help="the port to listen on (default: %(default)s)",
    )


def cmd_serve(ctx: Context) -> None:
    host, port = ctx.args.host, ctx.args.port
    addresses = listen_addresses(host, port)
    url = f"http://{url_host(host, addresses)}:{port}"
    if all(address.is_loopback for address in addresses):
        reach = "this computer only"
    else:
        reach = "reachable from your network"
        warn(
            f"warning: {host} is reachable from other machines: anyone who can open {url} "
            "uses the app, with your stars and notes"
        )
    from companion.cli.web import serve_app  # aiohttp and textual-serve: only to serve

    try:
        serve_app(
            app_command(ctx.args),
            host=host,
            port=port,
            url=url,
            started=f"companion: serving {ctx.program.conference.name} on {url} ({reach}); "
            "Ctrl+C stops",
        )
    except OSError as error:  # taken between the check and the start
        raise UserError(f"cannot listen on {host} port {port}: {error.strerror}") from None


def app_command(args: argparse.Namespace) -> str:
    """The shell command that runs the app for one browser tab, with this run's options."""
    argv = [sys.executable, "-m", "companion"]
    for option in ("program", "now", "theme"):
        value = getattr(args, option)
        if value is not None:
            argv += [f"--{option}", value]
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def listen_addresses(host: str, port: int) -> list[Address]:
    """The addresses `host` stands for, once each can be listened on at `port`; raises
    UserError, in one line, when one cannot (a port in use, a name that resolves to nothing,
    an address not this computer's)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise UserError(f"--host {host}: {error.strerror}") from None
    for family, kind, protocol, _, where in found:
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(where)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise UserError(
                        f"port {port} is in use on {host}; stop what uses it, or choose "
                        "another with --port"
                    ) from None
                raise UserError(f"cannot listen on {host} port {port}: {error.strerror}") from None
    return [ip_address(str(where[0]).partition("%")[0]) for *_, where in found]


def url_host(host: str, addresses: list[Address]) -> str:
    """How a browser names the host: this computer's name for "any address" (0.0.0.0 names
    no machine a tablet can reach), an IPv6 address in brackets."""
    if any(address.is_unspecified for address in addresses):
        return socket.gethostname()
    try:
        literal = ip_address(host)
    except ValueError:
        return host  # a name
    return f"[{literal}]" if literal.version == 6 else host
