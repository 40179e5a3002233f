"""A stand-in for the machine-translation services: LibreTranslate and DeepL on 127.0.0.1.

It speaks the parts of their HTTP protocols Roland uses: LibreTranslate's `POST /translate` (JSON,
`q` a list, `format=html`) and DeepL's `POST /v2/translate` (JSON or form, `tag_handling=xml`,
`ignore_tags`, `glossary_id`) with `POST /v2/glossaries`, `GET`/`DELETE /v2/glossaries/{id}`.

Its translation is fake but deterministic and behaves like the real engines where it matters: the
text between tags is "translated" word by word with a small German→English dictionary (so an
unprotected "Bülstringer Tor" comes back as "Bülstringer Gate") and the result gets a prefix such as
"[EN] "; tags are kept; elements marked `translate="no"` (LibreTranslate's HTML mode, after the
translatehtml library it uses) or named in DeepL's `ignore_tags` are left as they are, and a DeepL
glossary's entries replace their terms. Like LibreTranslate it collapses runs of whitespace.

It can be told to fail: `fail = "timeout"` (answers only when closed), an HTTP status (403, 456,
500 …) with the service's error body, or `"garbage"` (200 with a body that is not JSON); with
`fail_when` set, only requests whose texts contain that string fail (some pages of a bulk job).

Run it by hand for trying the admin flow without a service:
`python tests/cms/translation/translator_standin.py 5005`, then `MACHINE_TRANSLATION=libretranslate
MACHINE_TRANSLATION_URL=http://127.0.0.1:5005 make run`.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

WORDS = {
    "Tor": "Gate",
    "Markt": "market",
    "Wochenmarkt": "weekly market",
    "Kulturfabrik": "culture factory",
    "Stadt": "town",
    "Stadtführung": "town tour",
    "Führung": "tour",
    "Roland": "Rowland",
    "Haldensleben": "Haldenslebn",
    "auf": "on",
    "dem": "the",
    "der": "the",
    "Der": "The",
    "Die": "The",
    "die": "the",
    "das": "the",
    "und": "and",
    "ist": "is",
    "am": "at the",
    "jeden": "every",
    "Samstag": "Saturday",
    "steht": "stands",
    "seit": "since",
    "Seit": "Since",
}
_TOKEN = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"\w+")
_OPENING = re.compile(r"<([A-Za-z][\w-]*)([^>]*)>")


def _words(text: str, glossary: dict[str, str]) -> str:
    if glossary:
        pattern = re.compile(
            r"(?<!\w)("
            + "|".join(re.escape(term) for term in sorted(glossary, key=len, reverse=True))
            + r")(?!\w)"
        )
        pieces = pattern.split(text)
        return "".join(
            glossary[piece] if index % 2 else _words(piece, {}) for index, piece in enumerate(pieces)
        )
    return _WORD.sub(lambda match: WORDS.get(match.group(0), match.group(0)), text)


def fake_translate(
    text: str, target: str, *, keep_tags: set[str], glossary: dict[str, str] | None = None
) -> str:
    """The stand-in's translation: words outside protected elements through the dictionary."""
    text = " ".join(text.split())
    out, protected = [], []  # protected: the stack of open elements whose content is kept
    for index, token in enumerate(_TOKEN.split(text)):
        if index % 2:
            opening = _OPENING.fullmatch(token)
            if token.startswith("</"):
                if protected and token[2:-1].strip() == protected[-1]:
                    protected.pop()
            elif opening and not token.endswith("/>"):
                name, attrs = opening.group(1), opening.group(2)
                if protected or name in keep_tags or re.search(r"""translate=["']?no\b""", attrs):
                    protected.append(name)
            out.append(token)
        else:
            out.append(token if protected else _words(token, glossary or {}))
    return f"[{target.upper()}] " + "".join(out)


class TranslatorStandIn:
    """LibreTranslate and DeepL on one port of 127.0.0.1; records every request."""

    def __init__(self, port: int = 0) -> None:
        self.requests: list[dict] = []
        self.fail: str | int | None = None
        self.fail_when: str | None = None
        self.glossaries: dict[str, dict] = {}
        self.glossary_pairs: set[tuple[str, str]] = {("de", "en"), ("de", "nl"), ("de", "pl"), ("de", "da")}
        self.released = threading.Event()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _body(self) -> dict:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if "json" in (self.headers.get("Content-Type") or ""):
                    return json.loads(raw or b"{}")
                return {
                    key: values if len(values) > 1 else values[0]
                    for key, values in parse_qs(raw.decode()).items()
                }

            def _send(self, status: int, payload: object = None, raw: bytes | None = None) -> None:
                body = raw if raw is not None else (b"" if payload is None else json.dumps(payload).encode())
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self) -> None:
                body = self._body() if self.command == "POST" else {}
                standin.requests.append(
                    {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
                )
                failing = standin.fail is not None and (
                    standin.fail_when is None or standin.fail_when in json.dumps(body, ensure_ascii=False)
                )
                if failing and standin.fail == "timeout":
                    standin.released.wait(30)
                    return
                if failing and standin.fail == "garbage":
                    self._send(200, raw=b"<html>502 Bad Gateway</html>")
                    return
                if failing and isinstance(standin.fail, int):
                    deepl = self.path.startswith("/v2/")
                    self._send(
                        standin.fail, {"message": "Quota exceeded"} if deepl else {"error": "Service error"}
                    )
                    return
                if self.path == "/translate" and self.command == "POST":
                    self._libretranslate(body)
                elif self.path == "/v2/translate" and self.command == "POST":
                    self._deepl_translate(body)
                elif self.path == "/v2/glossaries" and self.command == "POST":
                    self._deepl_create_glossary(body)
                elif self.path.startswith("/v2/glossaries/"):
                    glossary_id = self.path.rsplit("/", 1)[1]
                    if glossary_id not in standin.glossaries:
                        self._send(404, {"message": "Glossary not found"})
                    elif self.command == "DELETE":
                        del standin.glossaries[glossary_id]
                        self._send(204)
                    else:
                        self._send(200, {"glossary_id": glossary_id, "ready": True})
                else:
                    self._send(404, {"error": "Not Found"})

            def _libretranslate(self, body: dict) -> None:
                texts = body.get("q")
                if not body.get("source") or not body.get("target") or texts is None:
                    self._send(400, {"error": "Invalid request: missing q, source or target"})
                    return
                keep = {"code", "script", "style", "time"} if body.get("format") == "html" else set()
                translate = lambda text: fake_translate(text, body["target"], keep_tags=keep)  # noqa: E731
                if isinstance(texts, list):
                    self._send(200, {"translatedText": [translate(text) for text in texts]})
                else:
                    self._send(200, {"translatedText": translate(texts)})

            def _deepl_translate(self, body: dict) -> None:
                if not (self.headers.get("Authorization") or "").startswith("DeepL-Auth-Key "):
                    self._send(403, {"message": "Wrong endpoint or missing key"})
                    return
                texts = body.get("text")
                texts = [texts] if isinstance(texts, str) else texts
                if not texts or not body.get("target_lang"):
                    self._send(400, {"message": "Parameter 'text' or 'target_lang' not specified."})
                    return
                entries: dict[str, str] = {}
                if body.get("glossary_id"):
                    found = standin.glossaries.get(body["glossary_id"])
                    if found is None or not body.get("source_lang"):
                        self._send(400, {"message": "Invalid glossary or missing source_lang"})
                        return
                    entries = found["entries"]
                ignore = body.get("ignore_tags") or []
                ignore = set(ignore.split(",") if isinstance(ignore, str) else ignore)
                target = body["target_lang"].split("-")[0]
                translations = [
                    {
                        "detected_source_language": "DE",
                        "text": fake_translate(text, target, keep_tags=ignore, glossary=entries),
                    }
                    for text in texts
                ]
                self._send(200, {"translations": translations})

            def _deepl_create_glossary(self, body: dict) -> None:
                pair = (str(body.get("source_lang", "")).lower(), str(body.get("target_lang", "")).lower())
                if pair not in standin.glossary_pairs:
                    self._send(400, {"message": "Unsupported glossary language pair"})
                    return
                if body.get("entries_format") != "tsv":
                    self._send(400, {"message": "Unsupported entries format"})
                    return
                entries = dict(
                    line.split("\t", 1) for line in body.get("entries", "").splitlines() if "\t" in line
                )
                glossary_id = str(uuid.uuid4())
                standin.glossaries[glossary_id] = {"name": body.get("name"), "pair": pair, "entries": entries}
                self._send(
                    201,
                    {
                        "glossary_id": glossary_id,
                        "name": body.get("name"),
                        "ready": True,
                        "source_lang": pair[0],
                        "target_lang": pair[1],
                        "entry_count": len(entries),
                    },
                )

            do_GET = do_POST = do_DELETE = _handle

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

        self.server = Server(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def reset(self) -> None:
        self.requests.clear()
        self.fail = None
        self.fail_when = None
        self.glossaries.clear()

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":
    server = TranslatorStandIn(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(f"translator stand-in (LibreTranslate, DeepL) on {server.url}", flush=True)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        server.close()
