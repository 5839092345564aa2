"""ops/backup.sh and ops/restore.sh on the real PostgreSQL: what was backed up comes back, in a
new database and over the damaged original; a damaged backup is refused and changes nothing."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from qms.models import OrganisationalUnit, User
from tests.conftest import _test_database_url

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)


def run(script: str, *args, database_url: str, media: Path, private: Path) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
    }
    return subprocess.run(
        ["bash", str(ROOT / "ops" / script), *map(str, args)], capture_output=True, text=True, env=environment
    )


@pytest.fixture
def backed_up(tmp_path):
    """A unit, a person and a file in each media folder, backed up."""
    OrganisationalUnit.objects.add_root(instance=OrganisationalUnit(name="Restored University", short_name="RU"))
    User.objects.create_user("restored-person", email="restored@example.org", password="x" * 12)
    media, private = tmp_path / "media", tmp_path / "private-media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "policy.pdf").write_bytes(b"%PDF-1.7 policy")
    (private / "applicants").mkdir(parents=True)
    (private / "applicants" / "diploma.pdf").write_bytes(b"%PDF-1.7 diploma")

    result = run("backup.sh", tmp_path / "backups", database_url=_test_database_url(), media=media, private=private)

    assert result.returncode == 0, result.stderr
    backup = Path(result.stdout.strip().splitlines()[-1])
    assert {path.name for path in backup.iterdir()} == {"db.dump", "media.tar.gz", "private-media.tar.gz", "SHA256SUMS"}
    return backup


@pytest.fixture
def scratch_database():
    url = _test_database_url()
    name = url.rsplit("/", 1)[1] + "_restore"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_an_empty_database_with_its_files(backed_up, scratch_database, tmp_path):
    media, private = tmp_path / "restored-media", tmp_path / "restored-private"

    result = run("restore.sh", backed_up, database_url=scratch_database, media=media, private=private)

    assert result.returncode == 0, result.stderr
    with psycopg.connect(scratch_database) as connection:
        people = connection.execute("SELECT email FROM qms_user WHERE username = 'restored-person'").fetchall()
        units = connection.execute("SELECT name FROM qms_organisationalunit").fetchall()
        migrations = connection.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
    assert people == [("restored@example.org",)]
    assert ("Restored University",) in units
    assert migrations > 20
    assert (media / "documents" / "policy.pdf").read_bytes() == b"%PDF-1.7 policy"
    assert (private / "applicants" / "diploma.pdf").read_bytes() == b"%PDF-1.7 diploma"


def test_a_backup_restores_over_the_damaged_original(backed_up, tmp_path):
    User.objects.filter(username="restored-person").delete()
    OrganisationalUnit.objects.all().delete()
    media, private = tmp_path / "media", tmp_path / "private-media"
    (media / "documents" / "policy.pdf").unlink()

    result = run("restore.sh", backed_up, database_url=_test_database_url(), media=media, private=private)

    assert result.returncode == 0, result.stderr
    assert User.objects.get(username="restored-person").email == "restored@example.org"
    assert OrganisationalUnit.objects.filter(name="Restored University").exists()
    assert (media / "documents" / "policy.pdf").read_bytes() == b"%PDF-1.7 policy"
    assert (tmp_path / "media.before-restore").is_dir()  # the folder it replaced is kept


def test_a_damaged_backup_is_refused_and_changes_nothing(backed_up, tmp_path):
    dump = backed_up / "db.dump"
    dump.write_bytes(dump.read_bytes()[:-10] + b"0123456789")
    User.objects.create_user("after-backup", password="x" * 12)

    result = run(
        "restore.sh", backed_up, database_url=_test_database_url(), media=tmp_path / "m", private=tmp_path / "p"
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"restore: {backed_up} is damaged: checksums do not match"]
    assert User.objects.filter(username="after-backup").exists()


def test_the_scripts_name_a_missing_database_url_in_one_line(tmp_path):
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}

    result = subprocess.run(
        ["bash", str(ROOT / "ops" / "backup.sh"), str(tmp_path)], capture_output=True, text=True, env=environment
    )

    assert result.returncode == 1
    assert result.stderr == "backup: DATABASE_URL is not set\n"
