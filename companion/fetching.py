"""Fetching a program over HTTP(S): conditional, bounded in time and size, verified.

Standard library only. A request sends the validators of the copy already kept
(If-None-Match, If-Modified-Since), so an unchanged program costs one small answer (304).
TLS certificates are verified (the default context); only http and https are followed,
also through redirects. The whole fetch must finish within the timeout: the download, so
a server that sends a byte a second cannot hold the app, and the name lookups too, which
no socket timeout covers (a resolver that never answers held `--program URL` for good).
Every failure is a `ProgramError` whose message is one line naming the URL.
"""

from __future__ import annotations

import queue
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http import HTTPStatus
from http.client import HTTPException, HTTPMessage, HTTPResponse, IncompleteRead
from typing import IO, NamedTuple
from urllib.parse import urljoin, urlsplit

from companion import __version__
from companion.loading import MAX_PROGRAM_BYTES, ProgramError
from companion.sources import NO_VALIDATORS, WEB_SCHEMES, Validators, is_url
from companion.text import safe_line

DEFAULT_TIMEOUT_SECONDS = 20.0
_CHUNK_BYTES = 64 * 1024
_REDIRECTS = 5


class Fetched(NamedTuple):
    body: bytes | None  # None: not modified since the copy kept
    validators: Validators


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to http and https only (urllib would follow ftp too, and
    word a refused file: one with the server's address in it)."""

    max_redirections = _REDIRECTS

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage
    ) -> IO[bytes] | None:
        location = headers.get("Location") or headers.get("URI")
        if location is not None:
            scheme = urlsplit(urljoin(req.full_url, location)).scheme.lower()
            if scheme not in WEB_SCHEMES:
                shown = f"a {scheme}: address" if scheme.isalnum() else "an address"
                raise ProgramError(f"{req.full_url}: refused a redirect to {shown}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(
    url: str,
    validators: Validators = NO_VALIDATORS,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    cap: int = MAX_PROGRAM_BYTES,
) -> Fetched:
    """The program at `url`, or None for its body when it has not changed since the copy
    `validators` describe, within `timeout` seconds in all. Raises ProgramError."""
    if not is_url(url):
        raise ProgramError(f"{url}: only http and https addresses can be fetched")
    return _within(timeout, url, lambda: _fetch(url, validators, timeout, cap))


def _within(timeout: float, url: str, fetching: Callable[[], Fetched]) -> Fetched:
    """What `fetching` gives or raises, in a thread of its own so that it can be given up
    at the timeout whatever it waits for; given up, it is left to end by itself."""
    ended: queue.SimpleQueue[Fetched | BaseException] = queue.SimpleQueue()

    def attempt() -> None:
        try:
            ended.put(fetching())
        except BaseException as error:  # raised again in the caller's thread
            ended.put(error)

    threading.Thread(target=attempt, name=f"fetch {url}", daemon=True).start()
    try:
        outcome = ended.get(timeout=timeout)
    except queue.Empty:
        raise ProgramError(f"{url}: timed out after {timeout:g} s") from None
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _fetch(url: str, validators: Validators, timeout: float, cap: int) -> Fetched:
    headers = {"User-Agent": f"c4ml-companion/{__version__}", "Accept": "*/*"}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    opener = urllib.request.build_opener(
        _HttpOnlyRedirects(), urllib.request.HTTPSHandler(context=ssl.create_default_context())
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as answer:
            body = _read_capped(answer, url, cap, deadline, timeout)
            given = answer.headers
    except urllib.error.HTTPError as error:
        if error.code == 304 and validators != NO_VALIDATORS:
            return Fetched(None, validators)
        if error.code == 304:  # nothing to compare with: a server that cannot be believed
            raise ProgramError(f"{url}: HTTP 304 Not Modified, though no copy was kept") from None
        raise ProgramError(f"{url}: {_status_words(error.code, error.reason)}") from None
    except urllib.error.URLError as error:
        raise ProgramError(f"{url}: {_reason(error.reason, timeout)}") from None
    except TimeoutError:
        raise ProgramError(f"{url}: timed out after {timeout:g} s") from None
    except OSError as error:  # a connection reset while reading, and the like
        raise ProgramError(f"{url}: {_reason(error, timeout)}") from None
    except IncompleteRead as error:
        raise _broke_off(url, len(error.partial), error.expected) from None
    except HTTPException as error:  # a status line or headers that are not HTTP
        raise ProgramError(f"{url}: not an HTTP answer ({type(error).__name__})") from None
    except ValueError as error:  # a malformed address: "http://[::1" and the like
        raise ProgramError(f"{url}: not a usable address ({error})") from None
    return Fetched(body, Validators(given.get("ETag"), given.get("Last-Modified")))


def _read_capped(
    answer: HTTPResponse, url: str, cap: int, deadline: float, timeout: float
) -> bytes:
    length = answer.headers.get("Content-Length")
    announced = int(length) if length and length.strip().isdigit() else None
    if announced is not None and announced > cap:
        raise _too_large(url, cap)
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        if time.monotonic() > deadline:
            raise ProgramError(f"{url}: timed out after {timeout:g} s")
        # read1: what one receive brings, so a server that sends a byte at a time cannot
        # hold a whole chunk's read past the deadline
        chunk = answer.read1(min(_CHUNK_BYTES, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > cap:
        raise _too_large(url, cap)
    if announced is not None and size < announced:  # a cut connection, not a short program
        raise _broke_off(url, size, announced)
    return b"".join(chunks)


def _broke_off(url: str, received: int, announced: int | None) -> ProgramError:
    of = f" of {announced}" if announced is not None else ""
    return ProgramError(f"{url}: the answer broke off after {received}{of} bytes")


def _status_words(code: int, reason: str) -> str:
    """ "HTTP 500 Internal Server Error": the standard wording (the server's own reason is
    untrusted text, and urllib's for a redirect loop spans lines)."""
    if 300 <= code < 400 and "\n" in reason:  # urllib gave up following redirects
        return f"HTTP {code}: redirected more than {_REDIRECTS} times, or in a loop"
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code} {safe_line(str(reason), 60)}".rstrip()


def _too_large(url: str, cap: int) -> ProgramError:
    size = f"{cap // 2**20} MiB" if cap >= 2**20 else f"{cap} bytes"
    return ProgramError(f"{url}: larger than {size}")


def _reason(reason: object, timeout: float) -> str:
    """Why a request failed, in words a user can act on."""
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"its TLS certificate cannot be trusted ({reason.verify_message})"
    if isinstance(reason, socket.gaierror):
        return f"no network, or no such host ({reason.strerror})"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot connect ({text})"
