"""What every response of the web page carries, and what every form must prove.

* **Content-Security-Policy**: nothing may be fetched (``default-src 'none'``),
  styles inline only, and no script runs but the ones a page ships, each
  allowed by its sha256 hash. The hashes are read from the page's own
  ``<meta>`` policy, which the library's pages already carry (the summary's
  filters); so the header never allows more than the page itself asks for.
* The usual hardening headers, and ``Cache-Control: no-store``: a verdict on
  someone's report is not for a shared cache.
* **Form tokens** against cross-site requests: every POST form carries a token
  the server signed with a secret made at start-up. A page elsewhere cannot
  read ours, so it cannot get a token. (The Origin header cannot do this
  alone: with ``Referrer-Policy: no-referrer`` a browser sends ``Origin: null``
  for our own forms too.) A foreign Origin or ``Sec-Fetch-Site: cross-site``
  is refused as well.
* **Host names**: a server on the loopback interface answers only to loopback
  names, so a web page that points its own name at 127.0.0.1 (DNS rebinding)
  cannot read it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets
import time

#: Every response but downloads; ``script-src`` is added per page.
POLICY = ("default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "form-action 'self'",
          "base-uri 'none'", "frame-ancestors 'none'")
#: A download is never a page: even if a browser showed it, nothing in it runs.
DOWNLOAD_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

_META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_SCRIPT_HASH = re.compile(r"'sha256-[A-Za-z0-9+/]+={0,2}'")


def script_hash(text: str) -> str:
    """``'sha256-…'`` of an inline script, as a policy names it."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def page_policy(html: str) -> str:
    """The policy for a page: :data:`POLICY` and the script hashes the page's
    own ``<meta>`` policy names (looked for in its head only)."""
    head = html[: html.find("<body")] if "<body" in html else html
    found = _META_POLICY.search(head)
    hashes = sorted(set(_SCRIPT_HASH.findall(found.group(1)))) if found else []
    return "; ".join([*POLICY, "script-src " + (" ".join(hashes) if hashes else "'none'")])


class FormTokens:
    """Signed tokens for POST forms, valid for ``lifetime`` seconds after they were given out."""

    def __init__(self, lifetime: int = 12 * 3600, secret: bytes | None = None):
        self.lifetime = lifetime
        self._secret = secret or secrets.token_bytes(32)

    def _mac(self, issued: str) -> str:
        return hmac.new(self._secret, issued.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        issued = str(int(time.time()))
        return f"{issued}.{self._mac(issued)}"

    def valid(self, token: str | None) -> bool:
        issued, _, mac = (token or "").partition(".")
        if not issued.isdigit() or not hmac.compare_digest(mac, self._mac(issued)):
            return False
        return 0 <= time.time() - int(issued) <= self.lifetime


def cross_site(origin: str | None, fetch_site: str | None, host_url: str) -> bool:
    """Whether a POST plainly comes from another site: ``Sec-Fetch-Site`` says
    so, or ``Origin`` names another origin (``null`` proves nothing either way)."""
    if fetch_site in ("cross-site", "same-site"):
        return True
    if not origin or origin == "null":
        return False
    return origin.rstrip("/") != host_url.rstrip("/")


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address to bind) is this machine only."""
    name = host.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_allowed(host_header: str, loopback_only: bool) -> bool:
    """Whether a request's ``Host`` may be answered: any host when the server
    was bound for other computers, else only a loopback name or address."""
    if not loopback_only:
        return True
    name = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    return is_loopback(name)
