"""Count the SQL queries of every main page at several data volumes, side by side:

    python manage.py bench_page_queries --scales 0.1 1

On a database with the demo loaded (`load_demo`), and nothing else of value: it replaces the
generated volume data (`generate_volume_data --clear`) at each scale. Each demo account signs in and
its pages are found as the load test finds them (loadtest/run.py: the navigation, the registers
below it, the first detail pages of each list), once, before any volume data is there, so that the
same URLs (demo objects, whose ids --clear keeps) are read at every scale. Each page is read once to
warm up, then once with the queries counted. The exit code is 1 when a page's count differs between
scales (or a page does not answer 200); the table says which.
"""

import importlib.util
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from qms.models import User

RUN_PY = settings.BASE_DIR / "loadtest" / "run.py"


def load_crawler():
    """loadtest/run.py as a module (it is a standalone script, kept free of Django)."""
    spec = importlib.util.spec_from_file_location("loadtest_run", RUN_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look the module up there
    spec.loader.exec_module(module)
    return module


class DjangoClient:
    """The load test's client interface (request, get_following) over Django's test client."""

    def __init__(self, crawler, user):
        self.crawler = crawler
        self.client = Client()
        self.client.force_login(user)

    def _response(self, response):
        body = response.content.decode() if response.get("Content-Type", "").startswith("text/html") else ""
        return self.crawler.Response(response.status_code, body, response.get("Location", ""), 0.0)

    def request(self, path, data=None, *, read=True):
        return self._response(self.client.get(path, secure=True))

    def get_following(self, path, hops=5):
        response = self.client.get(path, follow=True, secure=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else path
        return final, self._response(response)

    def count(self, path) -> tuple[int, int]:
        """(status, queries) of one read of the page."""
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, secure=True)
        return response.status_code, len(queries)


class Command(BaseCommand):
    help = "Count each main page's SQL queries at several volume-data scales and compare them."

    def add_arguments(self, parser):
        parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--roles", default="", help="comma-separated demo accounts (default: all of them)")
        parser.add_argument("--limit", type=int, default=30, help="pages per account (default 30)")

    def handle(self, *args, scales, seed, roles, limit, **options):
        if len(scales) < 2:
            raise CommandError("give at least two --scales to compare")
        crawler = load_crawler()
        usernames = [name for name in roles.split(",") if name] or crawler.ROLES
        users = {user.username: user for user in User.objects.filter(username__in=usernames, is_active=True)}
        missing = [name for name in usernames if name not in users]
        if missing:
            raise CommandError(f"no active account {', '.join(missing)}: run `manage.py load_demo` first")
        out = self.stdout.write
        with override_settings(ALLOWED_HOSTS=["*"]):
            out("removing generated volume data, if any ...")
            self._clear_only()  # the pages are found on the demo alone
            pages = {}
            for name in usernames:
                pages[name] = crawler.discover_pages(DjangoClient(crawler, users[name]), limit=limit)
            out(f"{sum(map(len, pages.values()))} pages of {len(pages)} accounts")
            counts: dict[tuple[str, str], list] = {}
            for scale in scales:
                started = time.perf_counter()
                self._clear_only()
                call_command("generate_volume_data", scale=scale, seed=seed, stdout=_Null())
                out(f"scale {scale:g}: volume data generated in {time.perf_counter() - started:.0f} s")
                for name in usernames:
                    client = DjangoClient(crawler, User.objects.get(pk=users[name].pk))
                    for path in pages[name]:
                        client.count(path)  # warm up: caches of content types, translations, templates
                        counts.setdefault((name, path), []).append(client.count(path))
        header = f"{'account':10} {'page':72} " + " ".join(f"{f'scale {s:g}':>10}" for s in scales) + "  same"
        out("")
        out(header)
        out("-" * len(header))
        differing = failing = 0
        for (name, path), results in counts.items():
            queries = [q for _status, q in results]
            bad_status = [status for status, _q in results if status != 200]
            same = len(set(queries)) == 1
            differing += not same
            failing += bool(bad_status)
            mark = "yes" if same else "NO"
            if bad_status:
                mark += f" (answered {bad_status[0]})"
            out(f"{name:10} {path[:72]:72} " + " ".join(f"{q:>10}" for q in queries) + f"  {mark}")
        out("")
        out(f"{len(counts)} pages: {len(counts) - differing} with the same query count at every scale, {differing} not")
        if differing or failing:
            raise CommandError(
                f"{differing} pages change their query count with the data, {failing} did not answer 200"
            )

    def _clear_only(self):
        from qms import volume

        with override_settings(DEBUG=False):
            volume.clear()


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
