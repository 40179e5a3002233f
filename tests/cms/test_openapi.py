"""One OpenAPI 3.1 document describes /api/v1/; the interactive docs work offline."""

import json
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")
pytestmark = pytest.mark.django_db


def current_schema(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_matches_the_snapshot(client):
    """Fails when the public schema changes; regenerate deliberately with UPDATE_OPENAPI_SNAPSHOT=1."""
    import os

    schema = current_schema(client)
    assert schema["openapi"].startswith("3.1")
    if os.environ.get("UPDATE_OPENAPI_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    assert schema == json.loads(SNAPSHOT.read_text()), (
        "The OpenAPI document changed. If intended, run UPDATE_OPENAPI_SNAPSHOT=1 make test and commit it."
    )


def test_every_operation_documents_its_errors_and_parameters(client):
    schema = current_schema(client)
    operations = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert len(operations) >= 10
    writes = [(path, method) for path, method, _operation in operations if method != "get"]
    assert writes == [("/api/v1/submissions/events", "post")]
    for path, method, operation in operations:
        if method != "get":
            # The one write needs a key in either form; the delivery layer's limits apply to it too.
            assert operation["security"] == [{"partnerKey": []}, {"partnerKeyHeader": []}], path
            assert {"202", "400", "401", "403", "429"} <= set(operation["responses"]), path
            assert "RateLimit-Remaining" in operation["responses"]["202"]["headers"], path
            continue
        assert {"200", "400"} <= set(operation["responses"]), path
        assert operation.get("summary"), path
        if "{" in path:
            assert "404" in operation["responses"], path
        # Every operation declares how it may be called: anonymously or with either form of the key.
        assert operation["security"] == [{}, {"partnerKey": []}, {"partnerKeyHeader": []}], path
        assert {"304", "401", "429"} <= set(operation["responses"]), path
        assert "RateLimit-Remaining" in operation["responses"]["200"]["headers"], path
        assert "Retry-After" in operation["responses"]["429"]["headers"], path
    schemes = schema["components"]["securitySchemes"]
    assert schemes["partnerKey"]["scheme"] == "bearer"
    assert schemes["partnerKeyHeader"]["name"] == "X-API-Key"


def test_docs_page_loads_its_assets_from_the_project(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower() and "jsdelivr" not in page.lower()
    for asset in ("/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui.css"):
        assert asset in page
        assert client.get(asset).status_code == 200
