#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.
# Usage:  ops/restore.sh BACKUP_DIR
# Stop the web, worker and beat processes first. The database is replaced table by table in one
# transaction (nothing half-restored if it fails); each media folder is unpacked beside the old
# one and swapped in only when complete (the old one is kept as <folder>.before-restore).
set -euo pipefail

die() { echo "restore: $*" >&2; exit 1; }
backup="${1:-}"
[ -n "$backup" ] && [ -d "$backup" ] || die "usage: ops/restore.sh BACKUP_DIR (a folder made by ops/backup.sh)"
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set"
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) die "DATABASE_URL is not a PostgreSQL URL" ;; esac
here="$(cd "$(dirname "$0")/.." && pwd)"
media="${MEDIA_ROOT:-$here/media}"
private="${PRIVATE_MEDIA_ROOT:-$here/private-media}"

(cd "$backup" && sha256sum --check --quiet SHA256SUMS >/dev/null 2>&1) || die "$backup is damaged: checksums do not match"

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$backup/db.dump" || die "pg_restore failed; the database is unchanged"

for pair in "media:$media" "private-media:$private"; do
  name="${pair%%:*}"; folder="${pair#*:}"
  staging="$folder.restoring"
  rm -rf "$staging" && mkdir -p "$staging"
  tar -xzf "$backup/$name.tar.gz" -C "$staging" || die "could not unpack $name.tar.gz"
  rm -rf "$folder.before-restore"
  [ -d "$folder" ] && mv "$folder" "$folder.before-restore"
  mv "$staging" "$folder"
done
echo "restored $backup"
