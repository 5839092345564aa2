# One image for the web (gunicorn), the Celery worker and Celery beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint's system libraries (Pango, HarfBuzz), fonts, gettext for compilemessages, and the
# PostgreSQL 15 client (pg_dump, pg_restore) for ops/backup.sh and ops/restore.sh.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 qms
WORKDIR /app

COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# Static files with hashed names (whitenoise's manifest storage needs DEBUG off), and translations.
RUN SECRET_KEY=build-only DEBUG=0 python manage.py collectstatic --noinput \
    && DEBUG=1 python manage.py compiletranslations \
    && mkdir -p /app/media /app/private-media /app/beat && chown -R qms:qms /app/media /app/private-media /app/beat

USER qms
EXPOSE 8000
CMD ["gunicorn", "qms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
