"""Serve the web page with waitress, and stop it cleanly.

:func:`make_server` binds the address (``127.0.0.1`` unless another host is
chosen; port 0 picks a free port) and :func:`run` serves until Ctrl+C or
SIGTERM, then lets the requests in progress finish (their temporary folders
are removed as they end) before it returns. Nothing here prints: the command
line says where the server listens.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.errors import ServeError
from toolkit.read.files import MAX_BYTES
from toolkit.web.app import FORM_OVERHEAD, UPLOAD_PREFIX
from toolkit.web.security import is_loopback
from toolkit.web.workers import close_shared

#: Requests larger than this are refused by waitress before the application
#: sees them (with waitress's own short answer); smaller ones that are still
#: too large get the application's page, in the user's words.
MAX_REQUEST = 2 * (MAX_BYTES + FORM_OVERHEAD)
#: Bytes read from a connection at a time (waitress reads 8 KB; an upload of
#: several megabytes arrives in far fewer steps this way).
RECV_BYTES = 256 * 1024
#: Threads answering requests (library work itself runs one at a time).
THREADS = 4
#: How long requests in progress may take to finish when the server stops.
STOP_GRACE = 10


def check_folder(folder: str | None) -> None:
    """Refuse a ``--dir`` that is not a folder, or one that holds the temporary
    folder (uploads must never land inside the folder being summarised)."""
    if folder is None:
        return
    path = Path(folder)
    if not path.is_dir():
        raise ServeError.of("serve-dir-missing", folder)
    tmp = Path(tempfile.gettempdir()).resolve()
    if tmp == path.resolve() or path.resolve() in tmp.parents:
        raise ServeError.of("serve-tmp-in-dir", folder, tmp=str(tmp))


def sweep_uploads(older_than: float = 3600) -> int:
    """Remove upload folders that a server killed outright left behind (a
    server that stops normally leaves none); young ones may be another
    server's and are left alone. Returns how many were removed."""
    removed = 0
    limit = time.time() - older_than
    for p in Path(tempfile.gettempdir()).glob(UPLOAD_PREFIX + "*"):
        try:
            if p.is_dir() and not p.is_symlink() and p.stat().st_mtime < limit and p.owner() == Path(tempfile.gettempdir()).owner():
                shutil.rmtree(p, ignore_errors=True)
                removed += 1
        except (OSError, KeyError):
            continue
    return removed


def make_server(app: Any, host: str = "127.0.0.1", port: int = 8000) -> Any:
    """A waitress server for ``app`` bound to ``host``:``port`` (not yet serving)."""
    from waitress.server import create_server

    try:
        return create_server(app, host=host, port=port, threads=THREADS, ident="villkor",
                             max_request_body_size=MAX_REQUEST, channel_timeout=60, clear_untrusted_proxy_headers=True,
                             recv_bytes=RECV_BYTES)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError.of("serve-port-busy", None, port=port) from None
        raise ServeError.of("serve-cannot-bind", None, host=host, port=port, reason=exc.strerror or str(exc)) from None


def address(server: Any) -> str:
    """``http://host:port`` of a bound server."""
    host = server.effective_host
    host = f"[{host}]" if ":" in str(host) else host
    return f"http://{host}:{server.effective_port}"


def reachable_from_others(host: str) -> bool:
    return not is_loopback(host)


def run(server: Any, ready: Callable[[], None] = lambda: None) -> None:
    """Serve until Ctrl+C or SIGTERM, then let the requests in progress finish
    (their temporary folders are removed as they end) and stop the workers.
    ``ready`` is called once either signal stops the server cleanly (to say where it listens)."""

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = {}
    if os.name == "posix":
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, stop)
    try:
        ready()
        server.run()  # waitress turns KeyboardInterrupt into a shutdown of its threads
    except KeyboardInterrupt:
        pass
    finally:
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=STOP_GRACE)
        server.close()
        close_shared()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
