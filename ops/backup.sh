#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and both media folders
# (MEDIA_ROOT: uploaded and generated files; PRIVATE_MEDIA_ROOT: applicants' documents), with
# a SHA-256 manifest. Usage:  ops/backup.sh [BACKUP_ROOT]   (default ./backups)
# Needs DATABASE_URL (postgres://...), MEDIA_ROOT and PRIVATE_MEDIA_ROOT as the portal uses them.
# Safe while the portal runs: pg_dump reads one consistent snapshot.
set -euo pipefail

die() { echo "backup: $*" >&2; exit 1; }
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set"
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) die "DATABASE_URL is not a PostgreSQL URL" ;; esac
here="$(cd "$(dirname "$0")/.." && pwd)"
media="${MEDIA_ROOT:-$here/media}"
private="${PRIVATE_MEDIA_ROOT:-$here/private-media}"
root="${1:-./backups}"
target="$root/$(date -u +%Y%m%dT%H%M%SZ)"
[ -e "$target" ] && die "$target exists already"
mkdir -p "$target"

pg_dump --format=custom --no-owner --no-privileges --file="$target/db.dump" "$DATABASE_URL" \
  || die "pg_dump failed"
for pair in "media:$media" "private-media:$private"; do
  name="${pair%%:*}"; folder="${pair#*:}"
  if [ -d "$folder" ]; then
    tar -czf "$target/$name.tar.gz" -C "$folder" .
  else
    tar -czf "$target/$name.tar.gz" --files-from /dev/null  # an empty archive: nothing to restore
  fi
done
(cd "$target" && sha256sum db.dump media.tar.gz private-media.tar.gz > SHA256SUMS)
echo "$target"
