"""The web page under load: ``villkor serve`` in a subprocess on 127.0.0.1,
many uploads at once of good and hostile files, a restart in the middle.

Every answer must be the right one, nothing may be left in the server's
temporary folder, and the server's memory must stay flat."""

from __future__ import annotations

import itertools
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from web_helpers import Answer, Case, Server, cases, request, token_of, upload

#: Uploads in the load test, and how many at a time.
UPLOADS = 200
AT_ONCE = 8
#: How much the server's memory may grow over the 200 uploads (after a warm-up round).
MARGIN_MB = 40


def mix(n: int) -> list[Case]:
    """``n`` uploads: every hostile kind in turn, and after each round one good
    draft (Markdown, incomplete, Word in turn; a good draft costs the most, as
    all its downloads are made at once)."""
    good = [c for c in cases() if c.status == 303]
    hostile = [c for c in cases() if c.status != 303]
    rounds = itertools.cycle([*hostile, g] for g in itertools.cycle(good))
    return list(itertools.islice(itertools.chain.from_iterable(rounds), n))


class Client:
    """One simulated person: gets the form once, posts uploads, follows each
    verdict; gets a new form when the server says the old one is stale."""

    def __init__(self, server: Server):
        self.server = server
        self.token = ""
        self.lock = threading.Lock()
        self.stale = 0

    def form_token(self) -> str:
        with self.lock:
            if not self.token:
                self.token = token_of(request(self.server.url + "/").text)
            return self.token

    def send(self, case: Case) -> tuple[Answer, str]:
        answer = upload(self.server.url, self.form_token(), case.filename, case.data)
        if answer.status == 400 and "Formuläret är för gammalt" in answer.text:  # the server restarted
            with self.lock:
                self.token, self.stale = "", self.stale + 1
            answer = upload(self.server.url, self.form_token(), case.filename, case.data)
        page = answer.text
        if answer.status == 303:
            page = request(self.server.url + answer.headers["location"]).text
        return answer, page


def right(case: Case, answer: Answer, page: str) -> bool:
    return answer.status == case.status and all(w in page for w in case.words) and "Traceback" not in page


def leftovers(tmp: Path) -> list[str]:
    return sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*"))


def test_many_uploads_at_once_get_right_answers_leave_nothing_and_keep_memory_flat(tmp_path: Path):
    tmp = tmp_path / "tmp"
    with Server(tmp_path, tmp) as server:
        client = Client(server)
        with ThreadPoolExecutor(AT_ONCE) as pool:  # warm-up: every kind once per thread
            warm = list(pool.map(client.send, mix(len(cases()) * 2)))
        assert all(a.status in (303, 400, 413, 415) for a, _ in warm)
        before, before_all = server.rss_kb(), server.total_rss_kb()
        work = mix(UPLOADS)
        with ThreadPoolExecutor(AT_ONCE) as pool:
            answers = list(pool.map(client.send, work))
        after, after_all = server.rss_kb(), server.total_rss_kb()
        wrong = [(c.name, a.status, p[:300]) for c, (a, p) in zip(work, answers) if not right(c, a, p)]
        assert wrong == []
        assert leftovers(tmp) == []
        assert after - before < MARGIN_MB * 1024, f"the server grew from {before} kB to {after} kB"
        assert after_all - before_all < 2 * MARGIN_MB * 1024, f"server and workers grew from {before_all} kB to {after_all} kB"
        print(f"\nRSS server {before} -> {after} kB; with workers {before_all} -> {after_all} kB ({len(server.workers())} workers)")
        # downloads of a result made under load still work
        good = next(p for c, (a, p) in zip(work, answers) if c.name == "good-docx")
        assert "/report-html" in good
    code, err = server.stop()
    assert code == 0 and "Webbsidan är stoppad" in err and "Traceback" not in err
    assert leftovers(tmp) == []


def test_a_restart_in_the_middle_of_the_load_and_the_server_comes_back(tmp_path: Path):
    tmp = tmp_path / "tmp"
    first = Server(tmp_path, tmp)
    servers = [first]
    client = Client(first)
    done = threading.Semaphore(0)
    restarted = threading.Event()

    def send(case: Case) -> tuple[Case, Answer, str]:
        for _ in range(100):  # bounded: the server is back long before this
            try:
                answer, page = client.send(case)
            except (ConnectionError, OSError):
                restarted.wait(60)
                continue
            if answer.status == 404 and "Resultatet finns inte längre" in page:  # checked just before the restart
                continue
            done.release()
            return case, answer, page
        raise AssertionError(f"no answer for {case.name}")

    work = mix(32)
    with ThreadPoolExecutor(AT_ONCE) as pool:
        futures = [pool.submit(send, c) for c in work]
        for _ in range(12):
            done.acquire(timeout=60)
        code, err = first.stop()
        second = Server(tmp_path, tmp, port=first.port)
        servers.append(second)
        client.server = second
        restarted.set()
        results = [f.result(timeout=120) for f in futures]
    try:
        assert code == 0 and "Traceback" not in err, err
        assert second.url == first.url
        wrong = [(c.name, a.status) for c, a, p in results if not right(c, a, p)]
        assert wrong == []
        assert request(second.url + "/").status == 200
        assert client.stale >= 1  # forms from before the restart were refused, then sent again
    finally:
        code, err = second.stop()
    assert code == 0 and "Traceback" not in err
    assert leftovers(tmp) == []


def test_pages_over_http_are_hardened_and_a_huge_body_is_cut_short(tmp_path: Path):
    """The headers come through waitress as the application set them; a body
    far over the limit is refused before it is read."""
    with Server(tmp_path, tmp_path / "tmp") as server:
        for path in ("/", "/decisions", "/summary", "/finns-inte"):
            answer = request(server.url + path)
            assert answer.headers["content-security-policy"].startswith("default-src 'none'")
            assert answer.headers["x-frame-options"] == "DENY" and answer.headers["x-content-type-options"] == "nosniff"
            assert answer.headers["server"] == "villkor"
        huge = request(server.url + "/check", "POST", b"", {"Content-Type": "multipart/form-data; boundary=x",
                                                           "Content-Length": str(1 << 30)})
        assert huge.status == 413
