"""A chat body built with JSON.stringify (fetch(url, { body: ... })): a top-level
thinking key (languages/javascript.py)."""

from conftest import codes, fix, scan


def test_fetch_json_body_gets_thinking():
    before = "const res = await fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-chat',\n    messages,\n  }),\n});\n"
    after = "const res = await fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-v4-flash',\n    messages,\n    thinking: { type: 'disabled' },\n  }),\n});\n"
    assert fix(before, path="a.ts") == after
    assert codes(before, path="a.ts") == ["DSM102"]


def test_fetch_json_body_single_line_reasoner():
    before = 'await fetch(url, { method: "POST", body: JSON.stringify({ model: "deepseek-reasoner", messages: msgs, stream: false }) });\n'
    after = 'await fetch(url, { method: "POST", body: JSON.stringify({ model: "deepseek-v4-flash", messages: msgs, stream: false, thinking: { type: "enabled" } }) });\n'
    assert fix(before, path="a.js") == after


def test_json_body_with_thinking_or_without_messages_or_elsewhere_gets_none():
    kept = "fetch(u, { body: JSON.stringify({ model: 'deepseek-chat', messages, thinking: { type: 'enabled' } }) });\n"
    assert fix(kept, path="a.js") == kept.replace("deepseek-chat", "deepseek-v4-flash")
    config = "const s = JSON.stringify({ model: 'deepseek-chat', temperature: 1 });\n"
    assert fix(config, path="a.js") == config.replace("deepseek-chat", "deepseek-v4-flash")
    other = "fetch('https://openrouter.ai/api/v1/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat', messages }) });\n"
    assert "thinking" not in fix(other, path="a.js", unsafe=True)


def test_fetch_current_body_with_mode_is_left_alone():
    source = "fetch(u, { body: JSON.stringify({ model: 'deepseek-v4-flash', messages, thinking: { type: 'enabled' } }) });\n"
    assert scan(source, path="a.js") == []
    assert fix(source, path="a.js", unsafe=True) == source


POSTED = (
    "async function ping(messages) {\n"
    "  const body = { model: 'deepseek-chat', messages };\n"
    "  return fetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify(body) });\n"
    "}\n"
)


def test_a_body_in_a_variable_posted_as_written_gets_thinking():
    """dm's live-smoke script: ``const body = {...}`` read only by
    ``JSON.stringify(body)`` is posted as written, as a body built in place
    is; the rename alone made a chat request think (a fourth-session review)."""
    after = POSTED.replace(
        "{ model: 'deepseek-chat', messages }", "{ model: 'deepseek-v4-flash', messages, thinking: { type: 'disabled' } }"
    )
    assert fix(POSTED, path="smoke.mjs") == after
    assert codes(POSTED, path="smoke.mjs") == ["DSM102"]
    # untyped in TypeScript too: JSON.stringify takes any object
    assert fix(POSTED, path="smoke.ts") == after
    # a field logged cannot see the added key
    logged = POSTED.replace("  return fetch", "  console.log(body.model);\n  return fetch")
    assert "thinking: { type: 'disabled' }" in fix(logged, path="smoke.mjs")
    axios = "const payload = { model: 'deepseek-reasoner', messages: msgs };\nawait axios.post(URL, payload);\n"
    assert fix(axios, path="a.js") == axios.replace(
        "messages: msgs }", "messages: msgs, thinking: { type: 'enabled' } }"
    ).replace("deepseek-reasoner", "deepseek-v4-flash")


def test_a_body_variable_others_may_see_is_renamed_only():
    """Handed on, its thinking read, exported, typed, reassigned, posted
    elsewhere or sent as an object: the variable is not only posted as
    written, so no key is added."""
    kept = {
        "returned.js": POSTED.replace("  return fetch", "  remember(() => body);\n  return fetch"),
        "thinking.js": POSTED.replace("  return fetch", "  log(body.thinking);\n  return fetch"),
        "exported.js": "export const body = { model: 'deepseek-chat', messages: [] };\nfetch(u, { body: JSON.stringify(body) });\n",
        "typed.ts": POSTED.replace("const body = {", "const body: ChatBody = {"),
        "assigned.js": POSTED.replace("  return fetch", "  if (retry) body = other;\n  return fetch").replace("const body", "let body"),
        "elsewhere.js": POSTED.replace("https://api.deepseek.com", "https://openrouter.ai/api/v1"),
        "shorthand.js": POSTED.replace("body: JSON.stringify(body)", "body"),
    }
    for path, source in kept.items():
        fixed = fix(source, path=path, unsafe=True)
        assert "thinking: {" not in fixed, path


def test_a_v4_body_posted_without_a_mode_gets_dsm201():
    """A fresh review: a chat body naming a V4 id with no thinking, posted
    with fetch (in place or through a variable), was silent; only an
    openai-node create() got DSM201, so a renamed-by-hand script read clean."""
    inline = "await fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-v4-flash', messages }) });\n"
    assert codes(inline, path="a.js") == ["DSM201"]
    assert fix(inline, path="a.js", assume_mode="disabled") == inline.replace("messages }", "messages, thinking: { type: 'disabled' } }")
    kept = POSTED.replace("deepseek-chat", "deepseek-v4-flash")
    assert codes(kept, path="smoke.mjs") == ["DSM201"]
    for quiet in (
        inline.replace("messages }", "messages, thinking: { type: 'enabled' } }"),  # says its mode
        inline.replace("https://api.deepseek.com", "https://openrouter.ai/api/v1"),  # another provider's
        inline.replace("messages }", "prompt }"),  # a completion body: no mode to set
    ):
        assert codes(quiet, path="a.js") == [], quiet


def test_a_body_handed_to_a_constructor_is_no_posted_body_and_no_crash():
    """``new Request(url, body)``: a constructor's arguments have no
    ``function`` field; reading it crashed the whole run (found re-reading
    the change). A constructor keeps the body: renamed only, no key."""
    source = "const body = { model: 'deepseek-v4-flash', messages };\nconst r = new Request(url, body);\n" \
             "const b2 = { model: 'deepseek-chat', messages };\nnew Poster(b2);\n"
    assert codes(source, path="a.js") == ["DSM103"]
    assert "thinking" not in fix(source, path="a.js", assume_mode="disabled")


RETURNED = (
    "// other scripts build their bodies here and post them their own way\n"
    "export function pingRequest() {\n"
    "  const request = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'ping' }] };\n"
    "  return request;\n}\n"
)


def test_a_returned_chat_body_keeps_the_gate_red_after_its_rename():
    """A fresh review (115-4): a complete chat body a function returns was
    renamed only, and the scan after the fix was silent (exit 0) while
    whatever posts it now thinks. Where it is sent is out of sight (a
    wrapper may reject an unknown key), so no key is added; DSM201 says to
    set the mode in it, before the fix and after."""
    renamed = RETURNED.replace("deepseek-chat", "deepseek-v4-flash")
    assert fix(RETURNED, path="smoke.mjs") == renamed
    assert fix(RETURNED, path="smoke.mjs", unsafe=True) == renamed
    assert codes(RETURNED, path="smoke.mjs") == ["DSM201", "DSM103"]
    (finding,) = scan(renamed, path="smoke.mjs")
    assert (finding.code, finding.line) == ("DSM201", 3)
    assert finding.message == "Chat request body returned with no thinking mode: V4 thinks by default; set the mode in this body"
    assert finding.note.startswith("how this body is sent is not seen here: give it thinking enabled (reasoner-style) or disabled (chat-style)")
    (before,) = [f for f in scan(RETURNED, path="smoke.mjs") if f.code == "DSM201"]
    assert "give it thinking disabled" in before.note
    for returned in (
        "export const ping = () => ({ model: 'deepseek-v4-flash', messages: [] });\n",
        "function ping() {\n  return { model: 'deepseek-v4-flash', messages: [] };\n}\n",
    ):
        assert codes(returned, path="a.js") == ["DSM201"], returned
    for quiet in (
        renamed.replace("'ping' }] }", "'ping' }], thinking: { type: 'disabled' } }"),  # says its mode
        renamed.replace("messages: [{ role: 'user', content: 'ping' }]", "temperature: 0"),  # no chat body
        renamed.replace("  return request;\n", "  return () => request;\n"),  # not what the function returns
        renamed.replace("  return request;\n", "  request.thinking = { type: 'disabled' };\n  return request;\n"),  # set later
        "export const body = { model: 'deepseek-v4-flash', messages: [] };\n",  # not returned
    ):
        assert codes(quiet, path="a.js") == [], quiet
    assert codes(renamed, path="tests/smoke.test.mjs") == []  # a test's fixture
