"""Probes the container platform relies on: /healthz for the process, /readyz for the database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: any query would raise here.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ok_when_the_database_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"]["ok"] is True


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://postgres@127.0.0.1:1/roland",  # nothing listens on port 1
        "sqlite:////nonexistent-directory/roland.sqlite3",
    ],
)
def test_readyz_is_503_when_the_database_is_down(database_url):
    """A real process whose database cannot be reached: readiness fails, liveness does not."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client; c = Client();"
        "r = c.get('/readyz'); h = c.get('/healthz');"
        "print(json.dumps([r.status_code, r['Content-Type'], r.json(), h.status_code]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": database_url}
    env.pop("PYTEST_XDIST_WORKER", None)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    status, content_type, body, health = json.loads(result.stdout.strip().splitlines()[-1])
    assert (status, health) == (503, 200)
    assert content_type == "application/json"
    assert body["status"] == "unavailable" and body["checks"]["database"]["ok"] is False
