"""python/test_data.py: which uses of a retired id are a test's own value
(given to the code and asserted back), so renamed code does not carry them."""

from __future__ import annotations

from conftest import scan_result

from projects import fix_tree, write_tree

OWN = (
    "def test_passes_the_model(client):\n"
    '    llm = Wrapper(Config(model="deepseek-chat"))\n'
    "    llm.ask([])\n"
    '    client.create.assert_called_once_with(model="deepseek-chat", messages=[])\n'
)
DEFAULT = "def test_default_model():\n    assert Wrapper(Config()).config.model == \"deepseek-chat\"\n"


def marks(source: str, path: str = "tests/test_wrapper.py") -> list[bool]:
    result = scan_result(source, path)
    return [f.own_test_data for f in (*result.findings, *result.suppressed, *result.unselected) if f.legacy_name]


def test_given_and_asserted_back_in_one_function_is_the_tests_own():
    assert marks(OWN) == [True, True]


def test_an_assertion_of_an_id_its_function_never_gives_may_check_the_code():
    # the whole file's uses of the id then follow the code together
    assert marks(OWN + "\n\n" + DEFAULT) == [False, False, False]


def test_only_given_never_asserted_is_the_tests_own():
    assert marks('def test_base_url():\n    llm = Wrapper(Config(model="deepseek-chat"))\n    assert llm.url\n') == [True]


def test_ids_are_judged_apart():
    source = OWN + '\n\ndef test_reasoner_default():\n    assert Wrapper().model == "deepseek-reasoner"\n'
    assert marks(source) == [True, True, False]


WRAPPER = (
    "from openai import OpenAI\n\n\n"
    "class Wrapper:\n"
    "    def __init__(self, config):\n"
    "        self.config = config\n"
    "        if not self.config.model:\n"
    '            self.config.model = "deepseek-chat"\n'
)


def test_a_renamed_default_leaves_the_tests_own_values_to_the_unsafe_tier(tmp_path):
    test = "from app.wrapper import Wrapper\n\n\n" + OWN
    write_tree(tmp_path, {"app/wrapper.py": WRAPPER, "tests/test_wrapper.py": test})
    assert fix_tree(tmp_path) == {"app/wrapper.py": WRAPPER.replace("deepseek-chat", "deepseek-v4-flash")}
    assert fix_tree(tmp_path, "--unsafe-fixes")["tests/test_wrapper.py"] == test.replace("deepseek-chat", "deepseek-v4-flash")


def test_a_test_of_the_default_still_moves_with_it(tmp_path):
    test = "from app.wrapper import Wrapper\n\n\n" + OWN + "\n\n" + DEFAULT
    write_tree(tmp_path, {"app/wrapper.py": WRAPPER, "tests/test_wrapper.py": test})
    assert fix_tree(tmp_path) == {
        "app/wrapper.py": WRAPPER.replace("deepseek-chat", "deepseek-v4-flash"),
        "tests/test_wrapper.py": test.replace("deepseek-chat", "deepseek-v4-flash"),
    }
