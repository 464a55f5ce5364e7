"""DSM103 legacy-model-constant: a retired name in a constant, field, default or
configuration value; a constant is followed to the calls that use it."""

from conftest import codes, fix, scan

DISABLED = 'extra_body={"thinking": {"type": "disabled"}}'


def test_constant_followed_to_each_call_in_the_module():
    before = (
        'MODEL = "deepseek-chat"\n'
        "a = client.chat.completions.create(model=MODEL, messages=m)\n"
        "b = client.chat.completions.create(model=MODEL, messages=n)\n"
    )
    after = (
        'MODEL = "deepseek-v4-flash"\n'
        f"a = client.chat.completions.create(model=MODEL, messages=m, {DISABLED})\n"
        f"b = client.chat.completions.create(model=MODEL, messages=n, {DISABLED})\n"
    )
    assert fix(before) == after


def test_constant_followed_to_a_payload_dict():
    before = 'MODEL = "deepseek-reasoner"\nhttpx.post(U, json={"model": MODEL, "messages": m})\n'
    after = 'MODEL = "deepseek-v4-flash"\nhttpx.post(U, json={"model": MODEL, "messages": m, "thinking": {"type": "enabled"}})\n'
    assert fix(before) == after


def test_reassigned_name_is_not_followed():
    before = 'MODEL = "deepseek-chat"\nMODEL = other\nclient.chat.completions.create(model=MODEL, messages=m)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_class_attribute_followed_through_self():
    before = (
        "class Bot:\n"
        '    model = "deepseek-chat"\n'
        "    def ask(self, m):\n"
        "        return client.chat.completions.create(model=self.model, messages=m)\n"
    )
    after = before.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "messages=m)", f"messages=m, {DISABLED})"
    )
    assert fix(before) == after


def test_parameter_default_renamed_without_following():
    before = 'def ask(q, model="deepseek-chat"):\n    return client.chat.completions.create(model=model, messages=q)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = scan(before)
    assert finding.code == "DSM103" and "thinking disabled" in finding.note


def test_pydantic_field_default_is_a_constant():
    before = 'from pydantic import BaseModel, Field\nclass S(BaseModel):\n    m: str = Field(default="deepseek-reasoner")\n'
    assert codes(before) == ["DSM103"]
    assert fix(before) == before.replace("deepseek-reasoner", "deepseek-v4-flash")


def test_dataclass_field_default():
    before = "@dataclass\nclass C:\n    model: str = 'deepseek-chat'\n"
    assert codes(before) == ["DSM103"]
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_config_dict_model_value():
    before = 'config_list = [{"model": "deepseek-chat", "base_url": "https://api.deepseek.com", "api_key": k}]\n'
    assert codes(before) == ["DSM103"]
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_retired_name_message_is_one_line_without_the_api_error():
    # the 400 text is said once per run, in the report's footer (tests/test_output_formats.py)
    (finding,) = [f for f in scan('MODEL = "deepseek-reasoner"\n')]
    assert finding.message == (
        "Constant 'deepseek-reasoner' is retired: use 'deepseek-v4-flash' with thinking enabled"
    )


def test_js_exported_constant_is_renamed():
    assert fix('export const MODEL = "deepseek-chat";\n', path="a.ts") == 'export const MODEL = "deepseek-v4-flash";\n'


def test_config_value_finding_names_the_key_and_the_mode():
    (finding,) = scan("DEEPSEEK_MODEL=deepseek-reasoner\n", path=".env")
    assert finding.code == "DSM103" and "DEEPSEEK_MODEL" in finding.message
    assert "thinking enabled" in finding.note


def test_current_model_constant_is_left_alone():
    source = 'MODEL = "deepseek-v4-flash"\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source


def test_constant_that_would_become_a_second_name_of_a_v4_constant_is_left():
    # chatgpt-on-wechat's catalogue: renamed, DEEPSEEK_CHAT would equal DEEPSEEK_V4_FLASH
    # and the model list (and a web picker) would offer one id twice
    source = (
        'DEEPSEEK_CHAT = "deepseek-chat"  # V3\n'
        'DEEPSEEK_V4_FLASH = "deepseek-v4-flash"\n'
        "MODEL_LIST = [DEEPSEEK_V4_FLASH, DEEPSEEK_CHAT]\n"
    )
    assert fix(source, unsafe=True) == source
    (finding,) = scan(source)
    assert finding.fix is None and finding.merge_refused
    assert "DEEPSEEK_V4_FLASH" in finding.note and "line 3 lists both" in finding.note


def test_two_retired_constants_listed_together_are_left():
    source = 'CHAT = "deepseek-chat"\nREASONER = "deepseek-reasoner"\nPICKER = {"fast": CHAT, "deep": REASONER}\n'
    assert fix(source, unsafe=True) == source
    assert all(f.merge_refused and "--mapping deepseek-reasoner=deepseek-v4-pro" in f.note for f in scan(source))


def test_two_retired_constants_listed_together_keep_apart_with_a_mapping():
    source = 'CHAT = "deepseek-chat"\nREASONER = "deepseek-reasoner"\nMODEL_LIST = [CHAT, REASONER]\n'
    after = 'CHAT = "deepseek-v4-flash"\nREASONER = "deepseek-v4-pro"\nMODEL_LIST = [CHAT, REASONER]\n'
    assert fix(source, overrides={"deepseek-reasoner": "deepseek-v4-pro"}) == after


def test_two_retired_constants_never_listed_together_are_renamed_with_their_modes():
    before = (
        'CHAT = "deepseek-chat"\nREASONER = "deepseek-reasoner"\n'
        "a = client.chat.completions.create(model=CHAT, messages=m)\n"
        "b = client.chat.completions.create(model=REASONER, messages=m)\n"
    )
    after = (
        'CHAT = "deepseek-v4-flash"\nREASONER = "deepseek-v4-flash"\n'
        f"a = client.chat.completions.create(model=CHAT, messages=m, {DISABLED})\n"
        'b = client.chat.completions.create(model=REASONER, messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
    )
    assert fix(before) == after


def test_constants_of_two_classes_are_not_one_catalogue():
    source = (
        'class Fast:\n    MODEL = "deepseek-chat"\n\n\n'
        'class Current:\n    MODEL = "deepseek-v4-flash"\n'
    )
    assert fix(source) == source.replace("deepseek-chat", "deepseek-v4-flash", 1)


def test_default_spread_into_a_request_names_that_request():
    before = (
        "class LLM:\n"
        "    def __init__(self, config):\n"
        "        self.config = config\n"
        "        if not self.config.model:\n"
        '            self.config.model = "deepseek-chat"\n\n'
        "    def ask(self, messages, **kwargs):\n"
        "        params = dict(kwargs)\n"
        '        params.update({"model": self.config.model, "messages": messages})\n'
        "        return self.client.chat.completions.create(**params)\n"
    )
    # a caller's kwargs and model go through the same params: no toggle is added there
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = [f for f in scan(before) if f.code == "DSM103"]
    assert "set thinking disabled at `self.client.chat.completions.create(...)`" in finding.note


CLIENT_CLASS = (
    "class Thinker:\n"
    "    def __init__(self, model_name, key):\n"
    "        self.model_name = model_name\n"
    '        self.client = AsyncOpenAI(api_key=key, base_url="https://api.deepseek.com")\n\n'
    "    async def think(self, prompt):\n"
    "        return await self.client.chat.completions.create(model=self.model_name, messages=[prompt])\n\n\n"
)


def test_constant_kept_on_self_by_a_class_of_the_module_is_followed_to_its_request():
    before = 'MODEL = "deepseek-reasoner"\n\n\n' + CLIENT_CLASS + "def run(p, key):\n    return Thinker(MODEL, key).think(p)\n"
    after = before.replace("deepseek-reasoner", "deepseek-v4-flash").replace(
        "messages=[prompt])", 'messages=[prompt], extra_body={"thinking": {"type": "enabled"}})'
    )
    assert fix(before) == after


def test_a_class_also_built_with_another_model_is_not_followed():
    before = (
        'MODEL = "deepseek-chat"\n\n\n' + CLIENT_CLASS
        + "def run(p, key):\n    return Thinker(MODEL, key).think(p)\n\n\n"
        + "def other(p, key, model):\n    return Thinker(model, key).think(p)\n"
    )
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = [f for f in scan(before) if f.code == "DSM103"]
    assert "set thinking disabled where the request is made" in finding.note


def test_a_branch_that_maps_one_retired_id_to_another_is_left():
    # aider's usage script buckets recorded coder rows with chat; renamed, the two buckets part
    source = (
        "for event in events:\n"
        '    model = event.get("model")\n'
        '    if model == "deepseek/deepseek-coder":\n'
        '        model = "deepseek/deepseek-chat"\n'
        "    totals[model] += event['tokens']\n"
    )
    assert fix(source, unsafe=True) == source
    (assigned,) = [f for f in scan(source) if f.code == "DSM103"]
    assert assigned.merge_refused and "maps 'deepseek/deepseek-coder' to 'deepseek/deepseek-chat'" in assigned.note


def test_a_branch_on_an_unrelated_test_still_renames_its_value():
    before = 'if fast:\n    MODEL = "deepseek-chat"\nelse:\n    MODEL = "deepseek-v4-pro"\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
