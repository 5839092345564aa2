"""PDF rendering with WeasyPrint, offline by construction.

`render_pdf(template, context)` renders a template under `templates/<app>/pdf/` (which extends
`pdf/base.html`: A4, a running header, "page X of Y" in the footer, DejaVu fonts shipped under
`static/fonts/`) and returns the PDF bytes. Its URL fetcher refuses everything but `data:` URLs
and files inside the static and media folders: no network, no other file on the machine.
"""

import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext


class URLRefused(ValueError):
    """The PDF asked for a resource outside the static and media folders. The message is
    translated: it can reach the person who asked for the report."""


def allowed_roots() -> list[Path]:
    """Folders a PDF may read from: every static files location and MEDIA_ROOT."""
    roots = [Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT)]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location))
    return [root.resolve() for root in roots]


def _weasyprint_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticAndMediaOnlyFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, fail_on_errors=False)
            self._roots = allowed_roots()

        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise URLRefused(
                    gettext("%(url)s was not fetched: a PDF may use only the portal's own files.") % {"url": url}
                )
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self._roots) or not path.is_file():
                raise URLRefused(
                    gettext("%(path)s was not read: a PDF may use only the portal's own files.") % {"path": path.name}
                )
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), body=path.open("rb"), headers={"Content-Type": content_type})

    return StaticAndMediaOnlyFetcher


def url_fetcher():
    """A new fetcher that reads only static and media files (WeasyPrint is imported lazily, so
    the portal starts even on a machine without Pango; only PDF rendering needs it)."""
    return _weasyprint_fetcher_class()()


def css_string(text: str) -> str:
    """`text` as a quoted CSS string, safe inside a <style> element."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


def page_counter_css() -> str:
    """The translated "Page X of Y" as a CSS `content` value with the page counters."""
    template = gettext("Page %(page)s of %(pages)s")
    parts = re.split(r"(%\((?:page|pages)\)s)", template)
    counters = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
    return " ".join(counters.get(part) or css_string(part) for part in parts if part)


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render `template_name` with `context` to PDF bytes. The context should hold `title`."""
    from weasyprint import HTML

    context = {
        "generated_at": timezone.localtime(),
        "page_counter_css": page_counter_css(),
        **context,
    }
    html = render_to_string(template_name, context)
    base_url = (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"
    return HTML(string=html, base_url=base_url, url_fetcher=url_fetcher()).write_pdf()
