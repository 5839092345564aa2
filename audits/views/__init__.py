from django.http import FileResponse, Http404


def download(file):
    """A stored file (report, attachment, evidence) as a download under its own name; 404 when
    there is none."""
    if not file:
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
