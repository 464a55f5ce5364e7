"""DSM205 tools-in-thinking: tools on a thinking request, whose reasoning_content
must be passed back."""

from conftest import REPO, scan, thinking_codes


def test_tools_on_reasoner_is_an_info_reminder():
    (finding,) = [f for f in scan('client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t)\n') if f.code == "DSM205"]
    assert finding.severity.label == "info"
    assert "must be passed back to the API" in finding.message


def test_realistic_r1_agent_loop_is_a_warning():
    source = (REPO / "examples" / "agents" / "tool_loop.py").read_text()
    findings = scan(source)
    tools = [f for f in findings if f.code == "DSM205"]
    assert tools and all(f.severity.label == "warning" for f in tools)
    (dropped,) = [f for f in findings if f.code == "DSM206"]
    assert "pops it" in dropped.message
    assert "DSM204" in [f.code for f in findings]
    assert "DSM203" in [f.code for f in findings]


def test_tools_on_disabled_thinking_are_fine():
    source = 'client.chat.completions.create(model="deepseek-chat", messages=m, tools=t)\nmsg.pop("reasoning_content")\n'
    assert thinking_codes(source) == ["DSM206"]
