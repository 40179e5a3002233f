"""wagtail-localize's translators, sent through the guarded outbound client with one error type.

The stock DeepL translator calls fixed hosts and reads an answer without looking at its status (a
456 "quota exceeded" became a KeyError, a 500 page in the admin); the LibreTranslate one requires a
key. These subclasses call the configured URL through `cms.core.outbound.request` (a time limit on
connecting and on each read, no redirects, a bounded answer), turn every failure (refused, timed
out, 4xx, 5xx, malformed JSON, a wrong number of answers) into `TranslatorError` with a German
message, and apply the editors' glossary. The URL comes from the operator's environment, not from an
editor, so a server inside the private network (a self-hosted LibreTranslate) is allowed.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale
from wagtail_localize.machine_translators.deepl import DeepLTranslator as StockDeepLTranslator
from wagtail_localize.machine_translators.deepl import language_code as deepl_language_code
from wagtail_localize.machine_translators.dummy import DummyTranslator as StockDummyTranslator
from wagtail_localize.machine_translators.dummy import translate_string
from wagtail_localize.machine_translators.libretranslate import LibreTranslator as StockLibreTranslator
from wagtail_localize.strings import StringValue

from cms.core import outbound

from . import glossary
from .models import DeepLGlossary

logger = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 4 * 1024 * 1024
# Texts per request: DeepL accepts at most 50; LibreTranslate servers limit the size of a request.
BATCH = 50
# LibreTranslate's HTML mode leaves elements marked translate="no" untranslated.
KEEP_OPEN, KEEP_CLOSE = '<span translate="no">', "</span>"
KEEP_OPENING = re.compile(r"""<span\s+translate=["']?no["']?\s*>""")
# DeepL's XML mode leaves the content of its `ignore_tags` untranslated.
DEEPL_KEEP_TAG = "roland-keep"
DEEPL_OPENING = re.compile(rf"<{DEEPL_KEEP_TAG}\s*>")


class TranslatorError(Exception):
    """The translation service gave no usable answer; `message` says why, for the editor."""

    def __init__(self, message: str, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.message = message
        self.detail = detail
        self.status = status  # the HTTP status of the answer, if one came


def _batches(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


class GuardedHttp:
    """JSON over the guarded outbound client; every failure a TranslatorError."""

    options: dict[str, Any]
    display_name: Any

    @property
    def timeout(self) -> float:
        return float(self.options.get("TIMEOUT") or 20)

    def call(
        self,
        method: str,
        url: str,
        payload: dict[str, Any] | None = None,
        *,
        headers: dict | None = None,
        accept: tuple[int, ...] = (),
    ) -> tuple[int, Any]:
        """The status and decoded JSON of a 2xx answer (or of a status in `accept`); else raise."""
        sent = {"Accept": "application/json", **(headers or {})}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            sent["Content-Type"] = "application/json"
        name = str(self.display_name)
        try:
            response = outbound.request(
                method,
                url,
                body=body,
                headers=sent,
                timeout=self.timeout,
                allow_private=True,
                max_bytes=MAX_ANSWER_BYTES,
            )
        except outbound.UnsafeTarget as error:
            raise TranslatorError(
                _("The address of the translation service is not usable: %(reason)s") % {"reason": error},
                str(error),
            ) from None
        except outbound.ResponseTooLarge as error:
            raise TranslatorError(
                _("%(name)s sent an answer that cannot be read.") % {"name": name}, str(error)
            ) from None
        except outbound.FetchFailed as error:
            if error.kind == "Timeout":
                message = _("%(name)s did not answer in time.") % {"name": name}
            else:
                message = _("%(name)s cannot be reached.") % {"name": name}
            raise TranslatorError(message, str(error)) from None
        status = response.status
        if not (200 <= status < 300 or status in accept):
            raise TranslatorError(
                self._status_message(status), f"{method} {url}: HTTP {status} {response.body[:300]!r}", status
            )
        if status == 204 or not response.body:
            return status, None
        try:
            return status, json.loads(response.body)
        except ValueError:
            raise TranslatorError(
                _("%(name)s sent an answer that cannot be read.") % {"name": name},
                f"{method} {url}: not JSON: {response.body[:300]!r}",
            ) from None

    def _status_message(self, status: int) -> str:
        name = str(self.display_name)
        if status in (401, 403):
            return _(
                "%(name)s refused the access key (HTTP %(status)s); please ask the administrator to check it."
            ) % {
                "name": name,
                "status": status,
            }
        if status == 456:
            return _("The translation quota of %(name)s is used up (HTTP 456).") % {"name": name}
        if status == 429:
            return _(
                "%(name)s is receiving too many requests (HTTP 429); please try again in a few minutes."
            ) % {"name": name}
        if status >= 500:
            return _("%(name)s has a problem of its own (HTTP %(status)s); please try again later.") % {
                "name": name,
                "status": status,
            }
        return _("%(name)s refused the request (HTTP %(status)s).") % {"name": name, "status": status}

    def malformed(self, detail: str) -> TranslatorError:
        return TranslatorError(
            _("%(name)s sent an answer that cannot be read.") % {"name": str(self.display_name)}, detail
        )


def _texts(answer: Any, key: str, expected: int) -> list[str]:
    texts = answer.get(key) if isinstance(answer, dict) else None
    if isinstance(texts, str) and expected == 1:
        texts = [texts]
    if not isinstance(texts, list) or len(texts) != expected:
        return []
    return texts


class DeepLTranslator(GuardedHttp, StockDeepLTranslator):
    """DeepL at the configured URL (else api.deepl.com, or api-free.deepl.com for a ":fx" key).

    The glossary becomes a DeepL glossary per language pair, made again only when its entries change;
    for a pair DeepL has no glossaries for, the terms are sent in tags DeepL is told to ignore.
    """

    display_name = "DeepL"

    def base_url(self) -> str:
        if self.options.get("URL"):
            return self.options["URL"].rstrip("/")
        key = self.options.get("API_KEY", "")
        return "https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com"

    def get_api_endpoint(self) -> str:
        return f"{self.base_url()}/v2/translate"

    def get_headers(self) -> dict[str, str]:
        return {"Authorization": f"DeepL-Auth-Key {self.options.get('API_KEY', '')}"}

    @staticmethod
    def target_code(locale: Locale) -> str:
        """DeepL wants a variant for English and Portuguese targets; a German town writes British."""
        code = deepl_language_code(locale.language_code, is_target=True)
        return {"EN": "EN-GB", "PT": "PT-PT"}.get(code, code)

    def translate(
        self,
        source_locale: Locale,
        target_locale: Locale,
        strings: Iterable[StringValue],
        *,
        again: bool = False,
    ) -> dict:
        strings = list(strings)
        source_lang = deepl_language_code(source_locale.language_code)
        target_lang = self.target_code(target_locale)
        entries = glossary.entries_for(target_locale.language_code)
        glossary_id = self.glossary_id(source_lang, target_lang.split("-")[0], entries) if entries else None
        protect = bool(entries) and glossary_id is None
        result = {}
        for batch in _batches(strings):
            parameters = self.get_parameters(source_locale, target_locale, batch)
            parameters["target_lang"] = target_lang
            if glossary_id:
                parameters["glossary_id"] = glossary_id
            if protect:
                parameters["text"] = [
                    glossary.protect(text, entries, f"<{DEEPL_KEEP_TAG}>", f"</{DEEPL_KEEP_TAG}>")
                    for text in parameters["text"]
                ]
                parameters["ignore_tags"] = [DEEPL_KEEP_TAG]
            try:
                _status, answer = self.call(
                    "POST", self.get_api_endpoint(), parameters, headers=self.get_headers()
                )
            except TranslatorError as error:
                if glossary_id and not again and error.status in (400, 404):
                    # The glossary we remember is gone at DeepL (deleted in its console): make it again.
                    DeepLGlossary.objects.filter(glossary_id=glossary_id).delete()
                    return self.translate(source_locale, target_locale, strings, again=True)
                raise
            translations = _texts(answer, "translations", len(batch))
            if not translations or not all(
                isinstance(item, dict) and isinstance(item.get("text"), str) for item in translations
            ):
                raise self.malformed(f"DeepL: unexpected answer {str(answer)[:300]}")
            for string, item in zip(batch, translations, strict=True):
                text = item["text"]
                if protect:
                    text = glossary.unprotect(text, DEEPL_OPENING, f"</{DEEPL_KEEP_TAG}>")
                result[string] = StringValue(text)
        return result

    def glossary_id(self, source_lang: str, target_lang: str, entries: list[glossary.Entry]) -> str | None:
        """The DeepL glossary holding these entries, made if needed; None where DeepL has none for the pair."""
        entries_tsv = glossary.tsv(entries)
        if not entries_tsv:
            return None
        digest = glossary.content_hash(source_lang, target_lang, entries_tsv)
        endpoint = self.base_url()
        known = DeepLGlossary.objects.filter(
            endpoint=endpoint, source_lang=source_lang, target_lang=target_lang
        ).first()
        if known is not None and known.content_hash == digest:
            return known.glossary_id
        status, answer = self.call(
            "POST",
            f"{endpoint}/v2/glossaries",
            {
                "name": f"Roland {source_lang}-{target_lang} {digest[:12]}",
                "source_lang": source_lang.lower(),
                "target_lang": target_lang.lower(),
                "entries": entries_tsv,
                "entries_format": "tsv",
            },
            headers=self.get_headers(),
            accept=(400,),
        )
        if status == 400:
            logger.info(
                "DeepL has no glossaries for %s→%s: terms are protected by tags", source_lang, target_lang
            )
            return None
        new_id = answer.get("glossary_id") if isinstance(answer, dict) else None
        if not isinstance(new_id, str) or not new_id:
            raise self.malformed(f"DeepL glossary: unexpected answer {str(answer)[:300]}")
        try:
            with transaction.atomic():
                DeepLGlossary.objects.update_or_create(
                    endpoint=endpoint,
                    source_lang=source_lang,
                    target_lang=target_lang,
                    defaults={"content_hash": digest, "glossary_id": new_id},
                )
        except IntegrityError:  # another editor's request made one at the same moment; ours serves this time
            logger.info("a DeepL glossary for %s→%s was recorded concurrently", source_lang, target_lang)
            return new_id
        if known is not None:
            try:
                self.call(
                    "DELETE",
                    f"{endpoint}/v2/glossaries/{known.glossary_id}",
                    headers=self.get_headers(),
                    accept=(404,),
                )
            except TranslatorError as error:  # an old glossary left behind costs nothing but a slot
                logger.warning(
                    "could not delete the old DeepL glossary %s: %s", known.glossary_id, error.detail
                )
        return new_id


class LibreTranslator(GuardedHttp, StockLibreTranslator):
    """A LibreTranslate server; the key only when one is configured. Glossary terms go in
    `translate="no"` elements, which its HTML mode leaves as they are."""

    display_name = "LibreTranslate"

    def get_api_endpoint(self) -> str:
        return self.options["URL"].rstrip("/")

    def translate(self, source_locale: Locale, target_locale: Locale, strings: Iterable[StringValue]) -> dict:
        strings = list(strings)
        entries = glossary.entries_for(target_locale.language_code)
        result = {}
        for batch in _batches(strings):
            payload = {
                "q": [glossary.protect(string.data, entries, KEEP_OPEN, KEEP_CLOSE) for string in batch],
                "source": self.language_code(source_locale.language_code),
                "target": self.language_code(target_locale.language_code),
                "format": "html",
            }
            if self.options.get("API_KEY"):
                payload["api_key"] = self.options["API_KEY"]
            _status, answer = self.call("POST", f"{self.get_api_endpoint()}/translate", payload)
            texts = _texts(answer, "translatedText", len(batch))
            if not texts or not all(isinstance(text, str) for text in texts):
                raise self.malformed(f"LibreTranslate: unexpected answer {str(answer)[:300]}")
            for string, text in zip(batch, texts, strict=True):
                result[string] = StringValue(glossary.unprotect(text, KEEP_OPENING, KEEP_CLOSE))
        return result


class DummyTranslator(StockDummyTranslator):
    """wagtail-localize's dummy (words reversed, no network), for trying the flow without a service;
    it keeps the glossary as the real engines do."""

    display_name = gettext_lazy("Dummy translator (for trying, no network)")

    def translate(self, source_locale: Locale, target_locale: Locale, strings: Iterable[StringValue]) -> dict:
        entries = glossary.entries_for(target_locale.language_code)
        result = {}
        for string in strings:
            protected = glossary.protect(string.data, entries, KEEP_OPEN, KEEP_CLOSE)
            pieces = re.split(rf"({KEEP_OPENING.pattern}.*?{re.escape(KEEP_CLOSE)})", protected)
            translated = []
            for index, piece in enumerate(pieces):
                if index % 2:
                    translated.append(piece)
                else:
                    parts = re.split(r"(<[^>]*>)", piece)
                    translated.append(
                        "".join(p if i % 2 else translate_string(p) for i, p in enumerate(parts))
                    )
            result[string] = StringValue(glossary.unprotect("".join(translated), KEEP_OPENING, KEEP_CLOSE))
        return result
