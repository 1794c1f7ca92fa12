"""Fetching a program over HTTP(S): conditional, bounded in time and size, verified.

Standard library only. A request sends the validators of the copy already kept
(If-None-Match, If-Modified-Since), so an unchanged program costs one small answer (304).
TLS certificates are verified (the default context); only http and https are followed,
also through redirects. The whole download must finish within the timeout, so a server
that sends a byte a second cannot hold the app. Every failure is a `ProgramError` whose
message is one line naming the URL.
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from http.client import HTTPMessage
from typing import IO, NamedTuple
from urllib.parse import urlsplit

from companion import __version__
from companion.loading import MAX_PROGRAM_BYTES, ProgramError
from companion.sources import NO_VALIDATORS, WEB_SCHEMES, Validators

DEFAULT_TIMEOUT_SECONDS = 20.0
_CHUNK_BYTES = 64 * 1024
_REDIRECTS = 5


class Fetched(NamedTuple):
    body: bytes | None  # None: not modified since the copy kept
    validators: Validators


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to http and https only (urllib would follow ftp too)."""

    max_redirections = _REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in WEB_SCHEMES:
            raise ProgramError(f"{req.full_url}: refused a redirect to {newurl.split(':')[0]}:")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str,
    validators: Validators = NO_VALIDATORS,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    cap: int = MAX_PROGRAM_BYTES,
) -> Fetched:
    """The program at `url`, or None for its body when it has not changed since the copy
    `validators` describe. Raises ProgramError."""
    if urlsplit(url).scheme.lower() not in WEB_SCHEMES:
        raise ProgramError(f"{url}: only http and https addresses can be fetched")
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
        if error.code == 304:
            return Fetched(None, validators)
        raise ProgramError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise ProgramError(f"{url}: {_reason(error.reason, timeout)}") from None
    except TimeoutError:
        raise ProgramError(f"{url}: timed out after {timeout:g} s") from None
    except OSError as error:  # a connection reset while reading, and the like
        raise ProgramError(f"{url}: {_reason(error, timeout)}") from None
    except ValueError as error:  # a malformed address: "http://[::1" and the like
        raise ProgramError(f"{url}: not a usable address ({error})") from None
    return Fetched(body, Validators(given.get("ETag"), given.get("Last-Modified")))


def _read_capped(answer: IO[bytes], url: str, cap: int, deadline: float, timeout: float) -> bytes:
    length = getattr(answer, "headers", {}).get("Content-Length")
    if length and length.strip().isdigit() and int(length) > cap:
        raise _too_large(url, cap)
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        if time.monotonic() > deadline:
            raise ProgramError(f"{url}: timed out after {timeout:g} s")
        chunk = answer.read(min(_CHUNK_BYTES, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > cap:
        raise _too_large(url, cap)
    return b"".join(chunks)


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
