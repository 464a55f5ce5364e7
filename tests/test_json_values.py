"""JSON read with the json module's own string scanner (issue 23): a value is
a whole string token, never a line that merely looks like ``"key": "value"``."""

import pytest

from conftest import codes, fix, scan_result
from ds_migrate.languages.config_places import KEY, VALUE
from ds_migrate.languages.json_values import json_places


def test_reader_gives_keys_values_and_their_keys():
    text = '{"llm": {"model": "m1"}, "list": ["a", {"name": "b"}], "e": "\\u00e9\\"x"}'
    found = [(p.kind, p.key, text[p.start : p.end], p.entry) for p in sorted(json_places(text), key=lambda p: p.start)]
    assert (VALUE, "model", "m1", False) in found
    assert (VALUE, "list", "a", True) in found
    assert (VALUE, "name", "b", True) in found
    assert (VALUE, "e", '\\u00e9\\"x', False) in found
    keys = {text[p.start : p.end]: p.siblings for p in json_places(text) if p.kind == KEY}
    assert keys["llm"] == frozenset({"llm", "list", "e"})  # the keys of its object, itself included


def test_prompt_text_that_looks_like_a_pair_is_text():
    source = '{\n  "model": "deepseek-chat",\n  "system": "Reply as YAML. model: deepseek-reasoner"\n}\n'
    assert codes(source, path="agent.json") == ["DSM103", "DSM109"]
    assert fix(source, path="agent.json") == source.replace('"deepseek-chat"', '"deepseek-v4-flash"')


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('{"note": "we use deepseek-chat for summaries"}\n', id="sentence"),
        pytest.param('{"models": ["deepseek-chat", "deepseek-reasoner"]}\n', id="array-of-two-ids-would-merge"),
        pytest.param('{"a": "x", "b": "model: deepseek-chat"}\n', id="pair-inside-a-string"),
    ],
)
def test_safe_tier_leaves_text_and_merging_arrays(source):
    assert fix(source, path="c.json") == source


def test_nested_value_is_renamed_in_place_crlf_kept():
    before = b'{\r\n  "llm": {\r\n    "model": "deepseek/deepseek-chat"\r\n  }\r\n}\r\n'
    assert fix(before, path="c.json") == before.replace(b"deepseek/deepseek-chat", b"deepseek/deepseek-v4-flash")


def test_invalid_json_is_searched_as_text_and_not_rewritten():
    source = '{"model": "deepseek-chat",}\n'
    result = scan_result(source, path="c.json")
    assert [f.code for f in result.findings] == ["DSM109"] and result.findings[0].fix is None
    (error,) = result.errors
    assert error.message.startswith("not valid JSON") and "searched as text, not fixed" in error.message


def _random_json(rng, depth=0):
    words = ["deepseek-chat", "deepseek-reasoner", "model", "name", "x", "a b", 'q"uote', "\u00e9"]
    pick = rng.random()
    if depth < 4 and pick < 0.3:
        return {rng.choice(words) + str(rng.randrange(3)): _random_json(rng, depth + 1) for _ in range(rng.randrange(4))}
    if depth < 4 and pick < 0.5:
        return [_random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return rng.choice([rng.choice(words), rng.randrange(100), None, True, 1.5, "deepseek-chat"])


def test_places_for_the_names_only_give_the_same_roles_as_every_place():
    """Given the names' spans, the reader makes only the places holding
    one and steps over containers holding none (litellm's price table):
    every name's role is the one the whole walk gives, and the places made
    are exactly the whole walk's places that hold a name."""
    import json
    import random

    from ds_migrate.deepseek.names import find_legacy_names
    from ds_migrate.languages.config_places import Places

    rng = random.Random(23)
    checked = 0
    for _ in range(400):
        text = json.dumps(_random_json(rng), indent=rng.choice([None, 1, 2]), ensure_ascii=rng.random() < 0.5)
        names = find_legacy_names(text)
        spans = [(n.start, n.end) for n in names]
        every, some = json_places(text), json_places(text, spans)
        assert sorted(some, key=lambda p: (p.start, p.end)) == sorted(
            (p for p in every if any(p.start <= s and e <= p.end for s, e in spans)), key=lambda p: (p.start, p.end)
        )
        assert [Places(every).role_of(text, n) for n in names] == [Places(some).role_of(text, n) for n in names]
        checked += len(names)
    assert checked > 100
