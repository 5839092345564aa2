#!/usr/bin/env bash
# Serve the portal for a local load test: gunicorn, 2 workers, 127.0.0.1:8001, DEBUG off,
# against $DATABASE_URL. Plain http: the secure-cookie and https-redirect switches of
# qms/settings.py are turned off through their environment variables (SESSION_COOKIE_SECURE,
# CSRF_COOKIE_SECURE, SECURE_SSL_REDIRECT). Static files are collected into a throwaway folder
# and served by whitenoise. Stop it with Ctrl-C (or kill the printed pid).
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/qms_load loadtest/serve.sh
#
# Optional: BIND (default 127.0.0.1:8001), WORKERS (2), LOADTEST_STATIC_ROOT (a temp folder),
# REDIS_URL (unset: local-memory cache and eager tasks, as on a laptop).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
GUNICORN="${GUNICORN:-$ROOT/.venv/bin/gunicorn}"

if [[ -z "${DATABASE_URL:-}" ]]; then
    echo "serve.sh: set DATABASE_URL (a scratch database with the demo or volume data)" >&2
    exit 2
fi

export DEBUG=0
export QMS_ENV_FILE=""  # only the environment, not the checkout's development .env
export SECRET_KEY="${SECRET_KEY:-loadtest-throwaway-$(date +%s)-$RANDOM$RANDOM-not-for-production}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1}"
export SECURE_SSL_REDIRECT=False
export SESSION_COOKIE_SECURE=False
export CSRF_COOKIE_SECURE=False
export SECURE_HSTS_SECONDS=0
export DJANGO_SETTINGS_MODULE=loadtest.settings
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"

made_static=""
if [[ -z "${LOADTEST_STATIC_ROOT:-}" ]]; then
    LOADTEST_STATIC_ROOT="$(mktemp -d -t qms-loadtest-static.XXXXXX)"
    made_static="$LOADTEST_STATIC_ROOT"
fi
export LOADTEST_STATIC_ROOT
if [[ ! -f "$LOADTEST_STATIC_ROOT/staticfiles.json" ]]; then
    echo "serve.sh: collecting static files into $LOADTEST_STATIC_ROOT" >&2
    "$PYTHON" manage.py collectstatic --noinput -v0
fi

# The .mo files are not in git; without them the portal speaks English only, which is enough here.
"$GUNICORN" qms.wsgi:application \
    --bind "${BIND:-127.0.0.1:8001}" \
    --workers "${WORKERS:-2}" \
    --access-logfile /dev/null \
    --error-logfile - &
pid=$!
echo "serve.sh: gunicorn pid $pid on http://${BIND:-127.0.0.1:8001}/" >&2
stop() {
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ -n "$made_static" ]] && rm -rf "$made_static"
    exit 0
}
trap stop INT TERM
status=0
wait "$pid" || status=$?
[[ -n "$made_static" ]] && rm -rf "$made_static"
exit "$status"
