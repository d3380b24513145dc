"""An optional classifier backed by a language model behind an OpenAI-compatible chat endpoint.

Off by default (Sitrep never calls out to a network on its own). Turn it on with
`SITREP_LLM_URL` (e.g. http://127.0.0.1:8080/v1 for a local llama.cpp or vLLM server),
`SITREP_LLM_MODEL` and, if the server needs one, `SITREP_LLM_API_KEY`. The model sees the
report text and the 25 ACLED sub-event types and answers with one of them or "none"; the
rule classifier still decides whenever the model fails, answers off-list or times out, so a
flaky endpoint degrades to the default behaviour instead of losing events.
"""

from __future__ import annotations

import json
import os
import re

import httpx

from sitrep.extract.classifier import Classification, Classifier, Report
from sitrep.extract.taxonomy import load_taxonomy

TIMEOUT_SECONDS = 30.0
_JSON = re.compile(r"\{.*\}", re.DOTALL)


def _prompt() -> str:
    taxonomy = load_taxonomy()
    lines = [f"- {sub.name} ({sub.event_type}): {sub.definition}" for sub in taxonomy.sub_event_types]
    return (
        "You code news text with the ACLED event taxonomy. Choose the one sub-event type that fits the event "
        "the text reports, or \"none\" when it reports no such event (threats, plans, statements, crime without "
        "political violence, accidents, disasters). Answer only with JSON: "
        '{"sub_event_type": "<name or none>", "confidence": <0..1>}.\nSub-event types:\n' + "\n".join(lines)
    )


class OpenAICompatibleClassifier:
    """Asks the model; falls back to `fallback` (the rules) when the answer is unusable."""

    def __init__(self, base_url: str, model: str, fallback: Classifier, api_key: str | None = None) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.fallback = fallback
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.taxonomy = load_taxonomy()
        self.system = _prompt()

    def classify(self, report: Report) -> Classification | None:
        ruled = self.fallback.classify(report)
        answer = self._ask(report.text)
        if answer is None:
            return ruled
        name, confidence = answer
        if name == "none":
            return None
        return Classification(self.taxonomy.event_type_of(name), name, confidence, rule="language model")

    def _ask(self, text: str) -> tuple[str, float] | None:
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": self.system}, {"role": "user", "content": text}],
        }
        try:
            response = httpx.post(self.url, json=body, headers=self.headers, timeout=TIMEOUT_SECONDS)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"]
            found = _JSON.search(content)
            parsed = json.loads(found.group(0) if found else content)
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError):
            return None
        name = str(parsed.get("sub_event_type", "")).strip()
        if name.lower() == "none":
            return "none", 1.0
        canonical = self.taxonomy.normalise_sub_type(name)
        if canonical is None:
            return None
        try:
            confidence = min(1.0, max(0.0, float(parsed.get("confidence", 0.7))))
        except (TypeError, ValueError):
            confidence = 0.7
        return canonical, confidence


def from_environment(fallback: Classifier) -> Classifier:
    """The LLM classifier when SITREP_LLM_URL is set, else `fallback` unchanged."""
    url = os.environ.get("SITREP_LLM_URL")
    if not url:
        return fallback
    return OpenAICompatibleClassifier(url, os.environ.get("SITREP_LLM_MODEL", "default"), fallback, os.environ.get("SITREP_LLM_API_KEY"))
