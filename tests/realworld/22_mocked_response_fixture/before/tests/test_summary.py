import json
from pathlib import Path

from summariser.core import parse_reply

FIXTURE = Path(__file__).parent / "fixtures" / "completion_ok.json"


def test_parse_reply_keeps_reasoning():
    reply = parse_reply(json.loads(FIXTURE.read_text()))
    assert reply.text == "A short summary."
    assert reply.reasoning.startswith("The text")
