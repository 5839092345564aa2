#!/usr/bin/env python3
"""A small load test of the portal's main pages, by role (standard library only).

    .venv/bin/python loadtest/run.py --base-url http://127.0.0.1:8001 --clients 8 --duration 60

Each simulated client is one demo account (round-robin over --roles) with its own cookie jar. It
signs in through the login form, the role's pages are discovered once (the navigation links of the
home page; on each of those pages the registers below it and the first detail link or two), and
then the client requests those pages in a loop, without think time, for --warmup + --duration
seconds. Requests that start during the warm-up are not counted.

The table has a row per page pattern (ids replaced by <id>): requests, errors (a status other than
2xx, redirects included, or an exception), p50, p95 and max in milliseconds; then the totals and
requests per second. The exit code is 1 when a request failed or a page's p95 is above --p95-goal.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.cookiejar
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser

ROLES = ["quality", "owner", "head", "auditor", "rector", "staff", "committee", "applicant"]
PASSWORD = "demo"  # noqa: S105 -- qms.demo.DEMO_PASSWORD, the documented demo password
LOGIN_PATH = "/accounts/login/"

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
# Paths that are not pages to read: sign-in machinery, files, the public site, messages (opening
# one marks it read) and the admin site beyond its index.
SKIP_PREFIXES = ("/accounts/", "/i18n/", "/jsi18n/", "/static/", "/media/", "/public/", "/inbox/", "/healthz")
FILE_SUFFIXES = (".pdf", ".svg", ".json", ".xlsx", ".csv", ".zip", ".png", ".txt")
# Segments of forms and actions (a GET shows a form at best; the load test reads, it never writes),
# and of downloads.
ACTION_SEGMENTS = frozenset(
    [
        "new",
        "edit",
        "delete",
        "draft",
        "start",
        "submit",
        "approve",
        "return",
        "decide",
        "publish",
        "withdraw",
        "acknowledge",
        "implement",
        "effectiveness",
        "start-analysis",
        "analysis",
        "close",
        "hold",
        "collect",
        "texts",
        "rebuild",
        "build",
        "add",
        "answer",
        "attachment",
        "attachments",
        "upload",
        "enrol",
        "verify",
        "reject",
        "retry",
        "download",
        "run",
        "revise",
        "read-all",
        "open",
        "remove",
        "members",
        "step",
        "register",
        "confirm",
        "request",
        "document",
        "quotas",
    ]
)


def pattern_of(path: str) -> str:
    """The URL pattern of a path: numbers and UUIDs replaced by <id>."""
    parts = ["<id>" if part.isdigit() or UUID.match(part) else part for part in path.split("/")]
    return "/".join(parts)


def is_page(path: str) -> bool:
    """Whether a link is a page the load test may read again and again."""
    if not path.startswith("/") or path.startswith(SKIP_PREFIXES) or path.endswith(FILE_SUFFIXES):
        return False
    if path.startswith("/admin/") and path != "/admin/":
        return False
    segments = [s for s in pattern_of(path).split("/") if s]
    if any(s in ACTION_SEGMENTS for s in segments):
        return False
    # /documents/<id>/review/ is a form; /admissions/review/<id>/ is the committee's page of an application.
    return not (segments and segments[-1] == "review" and "<id>" in segments)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            attributes = dict(attrs)
            if attributes.get("href"):
                self.links.append((attributes["href"], attributes))


def links_of(html: str, page_path: str) -> list[tuple[str, dict]]:
    """(path, attributes) of the page's links to this site, without query or fragment, in page order."""
    parser = _Links()
    parser.feed(html)
    result = []
    for href, attributes in parser.links:
        url = urllib.parse.urlsplit(urllib.parse.urljoin("http://host" + page_path, href))
        if url.netloc != "host" or not url.path:
            continue
        result.append((url.path, attributes))
    return result


@dataclass
class Response:
    status: int
    body: str
    location: str
    ms: float


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # a redirect is returned as it is (an HTTPError with its status)


class Client:
    """One simulated person: a cookie jar and an opener that does not follow redirects."""

    def __init__(self, base_url: str, timeout: float = 30.0):
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {base_url}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())

    def request(self, path: str, data: dict | None = None, *, read: bool = True) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)  # noqa: S310 -- http(s), checked
        request.add_header("Accept-Language", "en")
        if data is not None:
            request.add_header("Referer", self.base_url + path)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                content = response.read()
                status, location = response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            content = error.read()
            status, location = error.code, error.headers.get("Location", "")
        ms = (time.perf_counter() - started) * 1000
        return Response(status, content.decode("utf-8", "replace") if read else "", location, ms)

    def get_following(self, path: str, hops: int = 5) -> tuple[str, Response]:
        """GET, following redirects within the site; the final path and response."""
        response = self.request(path)
        while response.status in (301, 302, 303, 307, 308) and hops:
            url = urllib.parse.urlsplit(urllib.parse.urljoin(self.base_url + path, response.location))
            path = url.path + (f"?{url.query}" if url.query else "")
            response = self.request(path)
            hops -= 1
        return path, response

    def csrf_cookie(self) -> str:
        return next((cookie.value for cookie in self.cookies if cookie.name == "csrftoken"), "")

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        """Sign in through the login form; raises RuntimeError when the portal does not let us in."""
        form = self.request(LOGIN_PATH)
        if form.status != 200:
            raise RuntimeError(f"{username}: GET {LOGIN_PATH} answered {form.status}")
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
        if not match:
            raise RuntimeError(f"{username}: no csrfmiddlewaretoken on the login page")
        if not self.csrf_cookie():
            raise RuntimeError(
                f"{username}: the csrftoken cookie was not kept (a Secure cookie over plain http? "
                "set CSRF_COOKIE_SECURE=False and SESSION_COOKIE_SECURE=False on the server)"
            )
        answer = self.request(
            LOGIN_PATH,
            {"csrfmiddlewaretoken": match.group(1), "username": username, "password": password, "next": ""},
        )
        if answer.status != 302 or LOGIN_PATH in answer.location:
            raise RuntimeError(f"{username}: sign-in failed (status {answer.status}; wrong password or locked out?)")
        if not any(cookie.name == "sessionid" for cookie in self.cookies):
            raise RuntimeError(f"{username}: signed in but the session cookie was not kept (a Secure cookie?)")


def discover_pages(client: Client, lists_per_section: int = 4, details_per_list: int = 2, limit: int = 30) -> list:
    """The signed-in client's fixed page set: the home page, its navigation links, on each of
    those the registers below it (up to lists_per_section) and on every list the first link of up
    to details_per_list kinds of detail page (paths with an id). At most `limit` paths."""
    _, home = client.get_following("/")
    if home.status != 200:
        raise RuntimeError(f"the home page answered {home.status}")
    pages: list[str] = ["/"]
    navigation = []
    for path, attributes in links_of(home.body, "/"):
        if "data-nav" in attributes and path not in navigation and path != "/":
            navigation.append(path)

    def add(path: str) -> bool:
        if path in pages or len(pages) >= limit:
            return False
        pages.append(path)
        return True

    bodies: dict[str, str] = {}
    lists: list[tuple[str, str]] = []  # (path, its navigation section)
    for section in navigation:
        final, response = client.get_following(section)
        final = final.split("?")[0]
        if response.status != 200 or not is_page(final):
            continue
        if add(final):
            bodies[final] = response.body
            lists.append((final, section))
    if "/admin/" in pages:  # the admin index is measured; the admin site is not crawled
        lists = [(path, section) for path, section in lists if path != "/admin/"]
    # Registers below each navigation page, in the same section: without an id (/audits/ ->
    # /audits/list/) or of one object (/admissions/committee/ -> /admissions/campaigns/<id>/queue/).
    for path, section in list(lists):
        found = 0
        for link, _ in links_of(bodies[path], path):
            if found >= lists_per_section:
                break
            register = "<id>" not in pattern_of(link) or not pattern_of(link).endswith("<id>/")
            if link.startswith(section) and register and is_page(link) and link not in pages:
                response = client.request(link)
                if response.status == 200 and add(link):
                    bodies[link] = response.body
                    lists.append((link, section))
                    found += 1
    # The first detail link or two on every list. A page of an object that is itself a register
    # (e.g. /admissions/campaigns/<id>/queue/) is a list too: its first detail or two are taken.
    for path, section in lists:  # grows while it is walked
        kinds: list[str] = []
        for link, _ in links_of(bodies[path], path):
            if len(kinds) >= details_per_list:
                break
            pattern = pattern_of(link)
            if "<id>" in pattern and pattern not in kinds and is_page(link) and pattern not in map(pattern_of, pages):
                response = client.request(link)
                if response.status == 200 and add(link):
                    kinds.append(pattern)
                    if not pattern.endswith("<id>/") and path != "/":
                        bodies[link] = response.body
                        lists.append((link, section))
    return pages


@dataclass
class Record:
    role: str
    pattern: str
    started: float  # time.monotonic() when the request started
    ms: float
    error: str  # "" for a 2xx answer


@dataclass
class Row:
    page: str
    requests: int
    errors: int
    p50: float
    p95: float
    max: float


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil without math
    return ordered[int(rank) - 1]


def summarize(records: list[Record]) -> list[Row]:
    by_page: dict[str, list[Record]] = {}
    for record in records:
        by_page.setdefault(record.pattern, []).append(record)
    rows = []
    for page, items in sorted(by_page.items()):
        times = [item.ms for item in items]
        errors = sum(1 for item in items if item.error)
        rows.append(Row(page, len(items), errors, percentile(times, 0.5), percentile(times, 0.95), max(times)))
    return rows


def format_table(rows: list[Row], seconds: float) -> str:
    width = max([len("page")] + [len(row.page) for row in rows])
    header = f"{'page':<{width}}  {'requests':>8}  {'errors':>6}  {'p50 ms':>7}  {'p95 ms':>7}  {'max ms':>7}"
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row.page:<{width}}  {row.requests:>8}  {row.errors:>6}"
            f"  {row.p50:>7.0f}  {row.p95:>7.0f}  {row.max:>7.0f}"
        )
    lines.append("-" * len(header))
    total = sum(row.requests for row in rows)
    errors = sum(row.errors for row in rows)
    if rows:
        lines.append(f"{'total':<{width}}  {total:>8}  {errors:>6}")
    rate = total / seconds if seconds > 0 else 0.0
    lines.append(f"{total} requests in {seconds:.1f} s: {rate:.1f} requests/s, {errors} errors")
    return "\n".join(lines)


@dataclass
class Result:
    records: list[Record]
    seconds: float  # the measured window
    pages: dict[str, list[str]]  # role -> its page set
    failures: list[str] = field(default_factory=list)  # sign-in or discovery problems
    error_samples: dict[str, str] = field(default_factory=dict)  # pattern -> one error seen

    @property
    def rows(self) -> list[Row]:
        return summarize(self.records)


def run_load(
    base_url: str,
    roles: list[str],
    clients: int,
    duration: float,
    warmup: float = 0.0,
    *,
    password: str = PASSWORD,
    timeout: float = 30.0,
    details_per_list: int = 2,
    log=None,
) -> Result:
    """Sign each client in, discover each role's pages once, then load the site."""
    log = log or (lambda message: None)
    people = [Client(base_url, timeout) for _ in range(clients)]
    role_of = [roles[index % len(roles)] for index in range(clients)]
    failures: list[str] = []
    signed_in = []
    for client, role in zip(people, role_of, strict=True):
        try:
            client.sign_in(role, password)
            signed_in.append((client, role))
        except (RuntimeError, OSError) as exc:
            failures.append(f"sign-in {role}: {exc}")
    pages: dict[str, list[str]] = {}
    for client, role in signed_in:
        if role in pages:
            continue
        try:
            pages[role] = discover_pages(client, details_per_list=details_per_list)
            log(f"{role}: {len(pages[role])} pages: {' '.join(pages[role])}")
        except (RuntimeError, OSError) as exc:
            failures.append(f"discovery {role}: {exc}")
            pages[role] = []
    records: list[Record] = []
    samples: dict[str, str] = {}
    lock = threading.Lock()
    start = time.monotonic()
    measure_from = start + warmup
    end = measure_from + duration

    def work(index: int, client: Client, role: str) -> None:
        paths = pages.get(role) or []
        if not paths:
            return
        position = index  # clients of the same role start at different pages
        mine = []
        while time.monotonic() < end:
            path = paths[position % len(paths)]
            position += 1
            started = time.monotonic()
            try:
                response = client.request(path, read=False)
                error = "" if 200 <= response.status < 300 else f"HTTP {response.status}"
                if response.location:
                    error += f" -> {response.location}"
                ms = response.ms
            except Exception as exc:  # every failure is counted, none stops the run
                error, ms = f"{type(exc).__name__}: {exc}", (time.monotonic() - started) * 1000
            if started >= measure_from:
                mine.append(Record(role, pattern_of(path), started, ms, error))
        with lock:
            records.extend(mine)
            for record in mine:
                if record.error:
                    samples.setdefault(record.pattern, record.error)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(signed_in))) as pool:
        futures = [pool.submit(work, index, client, role) for index, (client, role) in enumerate(signed_in)]
        for future in futures:
            future.result()
    seconds = max(0.001, min(time.monotonic(), end) - measure_from)
    return Result(records, seconds, pages, failures, samples)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8001")
    parser.add_argument("--clients", type=int, default=8, help="simulated people, round-robin over the roles")
    parser.add_argument("--duration", type=float, default=60, help="measured seconds (after the warm-up)")
    parser.add_argument("--warmup", type=float, default=0, help="seconds of load before measuring starts")
    parser.add_argument(
        "--roles", default=",".join(ROLES), help=f"comma-separated accounts (default {','.join(ROLES)})"
    )
    parser.add_argument("--password", default=PASSWORD)
    parser.add_argument("--p95-goal", type=float, default=300, help="ms; a page above it fails the run")
    parser.add_argument("--details", type=int, default=2, help="detail pages per list (default 2)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    parser.add_argument("--quiet", action="store_true", help="do not print the discovered pages")
    args = parser.parse_args(argv)
    roles = [role.strip() for role in args.roles.split(",") if role.strip()]
    if not roles or args.clients < 1 or args.duration <= 0:
        parser.error("need at least one role, one client and a positive duration")

    def log(message):
        if not args.quiet:
            print(message, file=sys.stderr)

    log(
        f"{args.clients} clients ({', '.join(roles)}) on {args.base_url}:"
        f" {args.warmup:g} s warm-up, {args.duration:g} s measured"
    )
    result = run_load(
        args.base_url,
        roles,
        args.clients,
        args.duration,
        args.warmup,
        password=args.password,
        timeout=args.timeout,
        details_per_list=args.details,
        log=log,
    )
    rows = result.rows
    print(format_table(rows, result.seconds))
    problems = list(result.failures)
    for row in rows:
        if row.errors:
            problems.append(f"{row.page}: {row.errors} errors (e.g. {result.error_samples.get(row.page, '?')})")
        if row.p95 > args.p95_goal:
            problems.append(f"{row.page}: p95 {row.p95:.0f} ms is above the goal of {args.p95_goal:g} ms")
    if not rows:
        problems.append("no request was measured")
    if problems:
        print("\nFAILED:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"\nOK: no errors, every page's p95 within {args.p95_goal:g} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
