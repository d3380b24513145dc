"""The classifier plug-in point: the default rules, and a language model behind an OpenAI-compatible
endpoint (a real HTTP server on 127.0.0.1 stands in for the model server)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from sitrep.extract.classifier import Report, RuleClassifier
from sitrep.extract.llm_classifier import OpenAICompatibleClassifier, from_environment
from sitrep.extract.triggers import find_cues


def report(text: str) -> Report:
    return Report(text, find_cues(text))


def test_rules_type_a_report_and_explain_why():
    kind = RuleClassifier().classify(report("Police fired tear gas to disperse protesters outside parliament."))
    assert (kind.event_type, kind.sub_event_type) == ("Protests", "Protest with intervention")
    assert 0 < kind.confidence <= 1 and kind.rule


def test_rules_give_nothing_without_event_cues():
    assert RuleClassifier().classify(report("The ministers discussed trade and tourism.")) is None


def test_a_victim_the_caller_knows_as_armed_makes_an_attack_a_fight():
    # the target words know "police" and "militants", not each group by name: the events stage says which victims
    # name an armed actor of the knowledge base ("2 NDS members")
    text = "2 NDS members were shot and killed by unknown gunmen."
    plain = RuleClassifier().classify(Report(text, find_cues(text), ["2 NDS members"], ["unknown gunmen"]))
    armed = RuleClassifier().classify(Report(text, find_cues(text), ["2 NDS members"], ["unknown gunmen"], ["2 NDS members"]))
    assert plain.sub_event_type == "Attack"
    assert (armed.event_type, armed.sub_event_type) == ("Battles", "Armed clash")


@pytest.fixture
def model_server():
    answers: list[str] = []
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server naming
            seen.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            content = answers.pop(0)
            if content == "500":
                self.send_response(500)
                self.end_headers()
                return
            body = json.dumps({"choices": [{"message": {"content": content}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1", answers, seen
    server.shutdown()


def test_language_model_answer_is_used_and_checked_against_the_taxonomy(model_server):
    url, answers, seen = model_server
    classifier = OpenAICompatibleClassifier(url, "test-model", RuleClassifier())
    answers.append('Here you go: {"sub_event_type": "air/drone strike", "confidence": 0.9}')
    kind = classifier.classify(report("Jets struck a market in the town, killing four."))
    assert (kind.event_type, kind.sub_event_type, kind.confidence) == ("Explosions/Remote violence", "Air/drone strike", 0.9)
    assert seen[0]["model"] == "test-model" and "Air/drone strike" in seen[0]["messages"][0]["content"]
    answers.append('{"sub_event_type": "none"}')
    assert classifier.classify(report("Rebels threatened to attack the town.")) is None


@pytest.mark.parametrize("answer", ["500", "not json at all", '{"sub_event_type": "Alien invasion"}'])
def test_unusable_model_answers_fall_back_to_the_rules(model_server, answer):
    url, answers, _ = model_server
    answers.append(answer)
    kind = OpenAICompatibleClassifier(url, "m", RuleClassifier()).classify(report("On Monday, gunmen kidnapped two aid workers."))
    assert kind.sub_event_type == "Abduction/forced disappearance" and kind.rule != "language model"


def test_model_is_only_used_when_configured(monkeypatch):
    rules = RuleClassifier()
    monkeypatch.delenv("SITREP_LLM_URL", raising=False)
    assert from_environment(rules) is rules
    monkeypatch.setenv("SITREP_LLM_URL", "http://127.0.0.1:9/v1")
    assert isinstance(from_environment(rules), OpenAICompatibleClassifier)


def test_shipped_lexicon_is_valid():
    """Every cue, target and scope entry is a string that compiles (a stray ': ' in YAML makes a dict)."""
    import re
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("sitrep").joinpath("data/lexicons/event_cues.yaml").read_text(encoding="utf-8"))
    for section in ("cues", "targets", "nonpolitical"):
        for name, patterns in data[section].items():
            for pattern in patterns:
                assert isinstance(pattern, str), (section, name, pattern)
                assert re.compile(pattern).fullmatch("") is None, (section, name, pattern)  # an empty alternative matches everywhere
    for pattern in data["generic"]:
        re.compile(pattern)
