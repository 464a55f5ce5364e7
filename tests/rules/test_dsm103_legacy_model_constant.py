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
        "Constant 'deepseek-reasoner' was retired on 2026-07-24 15:59 UTC: use 'deepseek-v4-flash' with thinking enabled"
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
