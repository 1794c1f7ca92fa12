"""https is fetched with the certificate verified: a server whose certificate no trusted
authority signed is refused in one line, and the same server is fetched once its
certificate is trusted (through SSL_CERT_FILE, which the default context reads)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from companion.fetching import fetch
from companion.loading import ProgramError

BODY = b"<schedule/>"


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def self_signed(tmp_path: Path) -> Path:
    """A certificate for 127.0.0.1 that no authority signed (its key beside it)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    cert = tmp_path / "cert.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        ["openssl", *request, *subject, "-keyout", str(tmp_path / "key.pem"), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert


@pytest.fixture
def https_url(self_signed: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(self_signed, self_signed.with_name("key.pem"))
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}/schedule.xml"
    httpd.shutdown()
    httpd.server_close()


def test_a_certificate_no_one_vouches_for_is_refused(https_url: str) -> None:
    with pytest.raises(ProgramError) as raised:
        fetch(https_url, timeout=5)
    assert str(raised.value).startswith(f"{https_url}: its TLS certificate cannot be trusted")


def test_a_trusted_certificate_is_fetched(
    https_url: str, self_signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed))
    assert fetch(https_url, timeout=5).body == BODY
