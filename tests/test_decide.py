"""The project-wide decision (decide.py): unit tests on plain findings, and
properties over generated multi-file projects run through the real CLI."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ds_migrate.project.decide import Verdict, decide, is_test_path
from ds_migrate.findings import Applicability, Finding, Fix, Severity
from ds_migrate.rules import rule_by_code
from conftest import fuzz_cases
from projects import fix_tree, read_tree, write_tree


def finding(path, offset, code, name="deepseek-chat", fix=Applicability.SAFE, note=None, line=1):
    # with the role its rule gives it, as every finding a rule makes (findings.finding_at)
    return Finding(
        path=path, line=line, column=1, end_line=line, end_column=2, code=code, name="n",
        severity=Severity.ERROR, message="m", legacy_name=name,
        fix=None if fix is None else Fix(fix, []), note=note, offset=offset, role=rule_by_code(code).role,
    )


def test_independent_requests_keep_their_own_fixes():
    decision = decide([finding("a.py", 1, "DSM101"), finding("b.py", 5, "DSM103")])
    assert decision.verdicts == {} and decision.plan == []


def test_a_comparison_makes_every_value_that_may_reach_it_unsafe():
    request, comparison = finding("a.py", 1, "DSM103"), finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    decision = decide([request, comparison])
    decision.annotate([request, comparison])
    assert request.fix.applicability is Applicability.UNSAFE
    assert "b.py:1 (comparison)" in request.coupling
    (group,) = decision.plan
    assert group.renamed_with_unsafe_fixes


def test_a_merge_refusal_blocks_the_group_in_every_tier():
    request = finding("a.py", 1, "DSM103")
    key = finding("t.py", 9, "DSM106", fix=None, note="not renamed: 'a' and 'b' would both become 'c'")
    decision = decide([request, key])
    decision.annotate([request, key])
    assert request.fix.applicability is Applicability.NONE
    assert not decision.plan[0].renamed_with_unsafe_fixes


def test_a_suppressed_use_blocks_its_group():
    request = finding("a.py", 1, "DSM103")
    comparison = finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    comparison.suppressed = True
    decision = decide([request, comparison])
    decision.annotate([request])
    assert request.fix.applicability is Applicability.NONE


def test_recorded_compat_and_foreign_uses_couple_nothing():
    request = finding("a.py", 1, "DSM101")
    others = [finding("c.yaml", 2, "DSM111", fix=None), finding("g.py", 3, "DSM113", fix=None), finding("o.py", 4, "DSM110", fix=None)]
    assert decide([request, *others]).verdicts == {}


def test_two_ids_with_one_target_cannot_both_keep_a_comparison():
    chat = finding("a.py", 1, "DSM103")
    reasoner_branch = finding("b.py", 5, "DSM105", name="deepseek-reasoner", fix=Applicability.UNSAFE)
    decision = decide([chat, reasoner_branch])
    assert decision.verdicts[reasoner_branch.identity].applicability is Applicability.NONE
    assert chat.identity not in decision.verdicts  # chat itself selects nothing


def test_a_comparison_of_the_first_id_is_held_by_a_later_id_with_its_target():
    # the mirror of the test above: the id named first selects, the one named after it is bound
    chat_branch = finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    reasoner = finding("a.py", 1, "DSM103", name="deepseek-reasoner")
    verdict = decide([chat_branch, reasoner]).verdicts[chat_branch.identity]
    assert verdict.applicability is Applicability.NONE
    assert "'deepseek-reasoner' (at a.py:1) becomes 'deepseek-v4-flash' too" in verdict.note


def test_the_plan_names_the_selecting_uses_of_a_group_it_leaves_to_unsafe_fixes():
    value = finding("a.py", 1, "DSM103")
    key = finding("c.py", 3, "DSM106", fix=Applicability.UNSAFE)
    comparison = finding("b.py", 2, "DSM105", fix=Applicability.UNSAFE)
    (group,) = decide([value, key, comparison]).plan
    assert group.renamed_with_unsafe_fixes
    assert group.why == ["'deepseek-chat' is used as a comparison, table key or lookup"]


def test_the_plan_ends_with_the_next_step_for_the_group():
    value, comparison = finding("a.py", 1, "DSM103"), finding("b.py", 2, "DSM105", fix=Applicability.UNSAFE)
    (unblocked,) = decide([value, comparison]).plan
    assert unblocked.decision.endswith("; then rename the whole group with --unsafe-fixes")
    comparison.suppressed = True
    (blocked,) = decide([value, comparison]).plan
    assert not blocked.renamed_with_unsafe_fixes
    assert blocked.why == ["b.py:1 is suppressed (DSM105)"]
    assert blocked.decision.endswith("; then run fix again")


def test_a_coupled_value_names_what_selects_not_the_other_values():
    values = [finding(f"v{i}.py", i, "DSM103") for i in range(3)]
    comparison = finding("b.py", 9, "DSM105", fix=Applicability.UNSAFE)
    verdicts = decide([*values, comparison]).verdicts
    assert verdicts[values[0].identity].note == (
        "renamed only with --unsafe-fixes, together with every use of 'deepseek-chat'; coupled with b.py:1 (comparison)"
    )
    assert verdicts[comparison.identity].note == (
        "renamed only with --unsafe-fixes, together with every use of 'deepseek-chat'"
    )


def test_a_large_group_names_four_sites_and_counts_the_rest():
    branches = [finding(f"s{i}.py", i, "DSM105", fix=Applicability.UNSAFE) for i in range(6)]
    value = finding("v.py", 9, "DSM103")
    verdicts = decide([*branches, value]).verdicts

    def note(*named, more=""):
        sites = ", ".join(f"s{i}.py:1 (comparison)" for i in named)
        return f"renamed only with --unsafe-fixes, together with every use of 'deepseek-chat'; coupled with {sites}{more}"

    assert verdicts[value.identity].note == note(0, 1, 2, 3, more=", 2 more")
    # five others: the fifth is named, never "1 more"
    assert verdicts[branches[0].identity].note == note(1, 2, 3, 4, 5)
    # a selecting site past the named ones is not counted among its own "more"
    assert verdicts[branches[5].identity].note == note(0, 1, 2, 3, 4)


def test_an_id_already_present_blocks_a_comparison_renamed_to_it():
    branch = finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    decision = decide([branch], present={"deepseek-v4-flash": "a.py"})
    assert decision.verdicts[branch.identity].applicability is Applicability.NONE
    assert "b.py:1 tells 'deepseek-chat' apart, but 'deepseek-v4-flash' is already used (in a.py)" in (
        decision.verdicts[branch.identity].note
    )


def test_annotating_twice_starts_from_the_rule_each_time():
    request, comparison = finding("a.py", 1, "DSM103"), finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    decide([request, comparison], present={"deepseek-v4-flash": "x.py"}).annotate([request])
    assert request.fix.applicability is Applicability.NONE
    decide([request]).annotate([request])
    assert request.fix.applicability is Applicability.SAFE and request.coupling is None


def test_a_requests_own_literal_is_contained_whatever_else_names_the_id():
    request = finding("a.py", 1, "DSM101")
    others = [
        finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE),
        finding("p.py", 6, "DSM112", fix=None),
        finding("t.py", 7, "DSM106", fix=None, note="not renamed: 'a' and 'b' would both become 'c'"),
        finding("tests/test_a.py", 8, "DSM103"),
    ]
    others[0].suppressed = True
    decision = decide([request, *others], present={"deepseek-v4-flash": ["x.py"]})
    decision.annotate([request])
    assert request.identity not in decision.verdicts
    assert request.fix.applicability is Applicability.SAFE and request.coupling is None


def test_the_target_a_contained_request_gets_does_not_hold_a_branch_back():
    # the chat request's own literal becomes deepseek-v4-flash: nothing else
    # observes it (SPEC section 4), so it is no use a renamed reasoner branch
    # would start to match, in this run or the next (a fourth fresh reader:
    # "'deepseek-v4-pro' is already used" where only this run wrote it)
    chat = finding("a.py", 1, "DSM101")
    reasoner_branch = finding("b.py", 5, "DSM105", name="deepseek-reasoner", fix=Applicability.UNSAFE)
    decision = decide([chat, reasoner_branch])
    assert decision.verdicts[reasoner_branch.identity].applicability is Applicability.UNSAFE
    assert "already used" not in decision.verdicts[reasoner_branch.identity].note
    assert chat.identity not in decision.verdicts


def test_a_v4_id_the_code_binds_still_holds_a_branch_back():
    reasoner_branch = finding("b.py", 5, "DSM105", name="deepseek-reasoner", fix=Applicability.UNSAFE)
    decision = decide([reasoner_branch], present={"deepseek-v4-flash": ["settings.py"]})
    assert decision.verdicts[reasoner_branch.identity].applicability is Applicability.NONE
    assert "'deepseek-v4-flash' is already used (in settings.py)" in decision.verdicts[reasoner_branch.identity].note


def test_the_target_a_request_gets_where_its_kind_knows_no_requests_still_counts():
    # a Go request's literal is plain text to the next run: counted in both
    # orders of tiers (safe then unsafe ends where unsafe alone does)
    go_request = finding("main.go", 3, "DSM101")
    reasoner_branch = finding("b.py", 5, "DSM105", name="deepseek-reasoner", fix=Applicability.UNSAFE)
    decision = decide([go_request, reasoner_branch])
    assert decision.verdicts[reasoner_branch.identity].applicability is Applicability.NONE
    assert "already used (in main.go)" in decision.verdicts[reasoner_branch.identity].note


def test_a_bound_value_couples_only_with_selectors_it_can_reach():
    value = finding("app/config.py", 1, "DSM103")
    far = finding("tools/pricing.py", 5, "DSM112", fix=None)
    reach = {"app/config.py": {"app/config.py", "app/main.py"}}.get
    decision = decide([value, far], reach=reach)
    decision.annotate([value])
    assert value.fix.applicability is Applicability.SAFE and value.identity not in decision.verdicts
    near = finding("app/main.py", 9, "DSM112", fix=None)
    decision = decide([value, far, near], reach=reach)
    decision.annotate([value])
    assert value.fix.applicability is Applicability.NONE
    assert "app/main.py:1 (capability table or predicate)" in value.coupling


def test_an_ignored_comparison_no_value_reaches_blocks_nothing():
    value = finding("a.py", 1, "DSM103")
    ignored = finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    ignored.suppressed = True
    decision = decide([value, ignored], reach={"a.py": {"a.py"}}.get)
    decision.annotate([value])
    assert value.fix.applicability is Applicability.SAFE


def test_the_v4_id_used_only_in_tests_is_no_collision():
    branch = finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    decision = decide([branch], present={"deepseek-v4-flash": ["tests/test_x.py"]})
    assert decision.verdicts[branch.identity].applicability is Applicability.UNSAFE
    decision = decide([branch], present={"deepseek-v4-flash": ["tests/test_x.py", "a.py"]})
    assert decision.verdicts[branch.identity].applicability is Applicability.NONE


def test_a_test_asserting_what_a_renamed_request_sends_follows_it_into_the_safe_tier():
    request = finding("app/client.py", 1, "DSM101")
    assertion = finding("tests/test_client.py", 4, "DSM105", fix=Applicability.UNSAFE)
    reach = {"tests/test_client.py": {"tests/test_client.py", "app/client.py"}, "app/client.py": {"app/client.py"}}.get
    decision = decide([request, assertion], reach=reach)
    decision.annotate([request, assertion])
    assert request.fix.applicability is Applicability.SAFE
    assert assertion.fix.applicability is Applicability.SAFE
    # a test that imports none of that code keeps its own tier
    lone = finding("tests/test_other.py", 4, "DSM105", fix=Applicability.UNSAFE)
    decision = decide([request, lone], reach={"tests/test_other.py": {"tests/test_other.py"}}.get)
    decision.annotate([lone])
    assert lone.fix.applicability is Applicability.UNSAFE


def test_a_test_asserting_a_held_value_is_held_with_it():
    value = finding("app/config.py", 1, "DSM103")
    branch = finding("app/config.py", 9, "DSM105", fix=Applicability.UNSAFE)
    assertion = finding("tests/test_config.py", 4, "DSM105", fix=Applicability.UNSAFE)
    reach = {"app/config.py": {"app/config.py", "tests/test_config.py"}, "tests/test_config.py": {"tests/test_config.py", "app/config.py"}}.get
    decision = decide([value, branch, assertion], reach=reach)
    decision.annotate([value, branch, assertion])
    assert {f.fix.applicability for f in (value, branch, assertion)} == {Applicability.UNSAFE}


def test_a_tests_own_value_waits_beside_a_renamed_default():
    # mem0: the wrapper's default is renamed; its tests give their own model and assert it back
    default = finding("llms/wrapper.py", 1, "DSM103")
    given = finding("tests/test_wrapper.py", 4, "DSM103")
    asserted = finding("tests/test_wrapper.py", 9, "DSM103")
    reach = {"tests/test_wrapper.py": {"tests/test_wrapper.py", "llms/wrapper.py"}, "llms/wrapper.py": {"llms/wrapper.py"}}.get
    decision = decide([default, given, asserted], reach=reach)
    decision.annotate([default, given, asserted])
    # without the mark, the test may be checking the default: it moves with it
    assert {f.fix.applicability for f in (default, given, asserted)} == {Applicability.SAFE}
    given.own_test_data = asserted.own_test_data = True
    decision = decide([default, given, asserted], reach=reach)
    decision.annotate([default, given, asserted])
    assert default.fix.applicability is Applicability.SAFE
    assert given.fix.applicability is asserted.fix.applicability is Applicability.UNSAFE


def test_a_test_observing_a_value_that_reaches_a_selector_is_held_with_the_group():
    value = finding("app/config.py", 1, "DSM103")
    branch = finding("app/main.py", 9, "DSM105", fix=Applicability.UNSAFE)
    assertion = finding("tests/test_config.py", 4, "DSM105", fix=Applicability.UNSAFE)
    # the test reads the value and never reaches the branch itself
    reach = {
        "app/config.py": {"app/config.py", "app/main.py", "tests/test_config.py"},
        "tests/test_config.py": {"tests/test_config.py"},
    }.get
    verdict = decide([value, branch, assertion], reach=reach).verdicts[assertion.identity]
    assert verdict.group == "deepseek-chat" and verdict.applicability is Applicability.UNSAFE


def test_uses_outside_any_group_do_not_end_the_reading():
    # a recorded reply and a deliberately odd spelling in a test, read before the coupled code
    recorded = finding("c.yaml", 2, "DSM111", fix=None)
    probe = finding("tests/test_case.py", 3, "DSM103", name="DeepSeek-Chat")
    value, branch = finding("a.py", 1, "DSM103"), finding("b.py", 5, "DSM105", fix=Applicability.UNSAFE)
    verdicts = decide([recorded, probe, value, branch]).verdicts
    assert verdicts[value.identity].applicability is Applicability.UNSAFE
    assert verdicts[probe.identity] == Verdict(
        Applicability.NONE, "not renamed: a test spells it so on purpose (case handling); test data", stays=True
    )
    assert recorded.identity not in verdicts


def test_a_test_of_compat_code_stays():
    far_keeper = finding("tools/legacy.py", 1, "DSM113", fix=None)
    keeper = finding("app/compat.py", 1, "DSM113", fix=None)
    value = finding("app/config.py", 1, "DSM103")
    data = finding("tests/test_compat.py", 4, "DSM103")
    other_test = finding("tests/test_other.py", 4, "DSM103")
    reach = {
        "tests/test_compat.py": {"tests/test_compat.py", "app/compat.py"},
        "tests/test_other.py": {"tests/test_other.py", "app/config.py"},
    }.get
    verdicts = decide([far_keeper, keeper, value, data, other_test], reach=reach).verdicts
    assert verdicts[data.identity] == Verdict(
        Applicability.NONE, "not renamed: a test of compat code (app/compat.py:1 keeps 'deepseek-chat' on purpose)",
        stays=True,
    )
    # a test that reaches no compat code, and the code itself, keep their tier
    assert not {value.identity, other_test.identity} & verdicts.keys()


def test_test_data_beside_a_use_that_cannot_be_renamed_stays_outside_python():
    # one test file names the id twice: once where no fix applies, once where the rule could rename
    held = finding("tests/client.test.ts", 1, "DSM109", fix=None)
    data = finding("tests/client.test.ts", 90, "DSM103", line=9)
    verdict = decide([held, data]).verdicts[data.identity]
    assert verdict == Verdict(
        Applicability.NONE, "not renamed: test data; the same test names the id where it cannot be renamed"
    )


def test_test_data_for_a_selector_of_the_other_id_stays():
    # is_reasoning(Fake("deepseek-chat")): renamed, it would test what the branch says about the V4 id
    branch = finding("app/models.py", 1, "DSM105", name="deepseek-reasoner", fix=Applicability.UNSAFE)
    data = finding("tests/test_models.py", 4, "DSM103")
    reach = {"tests/test_models.py": {"tests/test_models.py", "app/models.py"}, "app/models.py": {"app/models.py"}}.get
    verdict = decide([branch, data], reach=reach).verdicts[data.identity]
    assert verdict == Verdict(
        Applicability.NONE, "not renamed: test data for app/models.py:1 (comparison), which tells the ids apart",
        stays=True,
    )


def test_test_data_beside_the_value_it_feeds_is_left_to_the_value_s_tier():
    value, data = finding("app/config.py", 1, "DSM103"), finding("tests/test_config.py", 4, "DSM103")
    assert decide([value, data], reach={"tests/test_config.py": {"app/config.py"}}.get).verdicts == {}


def test_an_assertion_in_a_test_file_with_a_recorded_reply_does_not_follow_the_request():
    request = finding("src/client.ts", 1, "DSM101")
    assertion = finding("tests/client.test.ts", 40, "DSM105", fix=Applicability.UNSAFE, line=4)
    reply = finding("tests/client.test.ts", 90, "DSM111", fix=None, line=9)
    verdict = decide([request, assertion, reply]).verdicts[assertion.identity]
    assert verdict == Verdict(
        Applicability.NONE, "not renamed: test data; the same test names the id where it cannot be renamed"
    )


def test_code_waits_for_a_python_test_of_it_that_this_run_may_not_rewrite():
    # the pre-commit hook names only the code: renamed alone, it would break the test
    request = finding("app/client.py", 1, "DSM101")
    assertion = finding("tests/test_client.py", 4, "DSM105", fix=Applicability.UNSAFE)
    reach = {"tests/test_client.py": {"tests/test_client.py", "app/client.py", "app/settings.py"}}.get
    # beside it: another id with no test, a comment in the named file, a value in a file not named
    reasoner = finding("app/agent.py", 1, "DSM103", name="deepseek-reasoner")
    comment = finding("app/client.py", 0, "DSM108", fix=None)
    unnamed = finding("app/settings.py", 1, "DSM103")
    named = decide(
        [reasoner, comment, request, assertion, unnamed],
        renamable=lambda f: f.path.startswith("app/") and f.path != "app/settings.py",
        reach=reach,
    )
    assert named.verdicts[request.identity] == Verdict(
        Applicability.NONE,
        "not renamed here: tests/test_client.py:1 tests it and is not among the files named; fix both in one run",
    )
    assert not {reasoner.identity, comment.identity, unnamed.identity} & named.verdicts.keys()
    assert request.identity not in decide([request, assertion], reach=reach).verdicts  # both named
    # a test in another language, or one that reaches none of the code, does not hold it
    other = finding("tests/client.test.ts", 4, "DSM105", fix=Applicability.UNSAFE)
    lone = finding("tests/test_other.py", 4, "DSM105", fix=Applicability.UNSAFE)
    only_code = lambda f: f.path == "app/client.py"  # noqa: E731
    reach = {"tests/test_client.py": {"app/client.py"}, "tests/test_other.py": {"tests/test_other.py"}}.get
    assert request.identity not in decide([request, other], renamable=only_code, reach=reach).verdicts
    assert request.identity not in decide([request, lone], renamable=only_code, reach=reach).verdicts


ALONE = "renamed only with --unsafe-fixes: test data, with no code renamed beside it"
STAYS = "not renamed: test data; the same test names the id where it cannot be renamed"


def test_test_data_with_no_code_renamed_beside_it_waits_for_unsafe_fixes():
    # code outside the tests: a comment is no code, nor a request in a conftest
    comment = finding("app/notes.py", 1, "DSM108")
    fixture = finding("tests/conftest.py", 1, "DSM101")
    python, typescript = finding("tests/test_a.py", 4, "DSM103"), finding("tests/a.test.ts", 4, "DSM103")
    # read first: an assertion the rule renames only with --unsafe-fixes keeps the rule's tier
    assertion = finding("tests/test_b.py", 4, "DSM105", fix=Applicability.UNSAFE)
    reach = {
        "tests/test_a.py": {"tests/conftest.py"}, "tests/a.test.ts": {"tests/conftest.py"}, "tests/test_b.py": set(),
    }.get
    verdicts = decide([comment, fixture, assertion, python, typescript], reach=reach).verdicts
    assert verdicts[python.identity] == verdicts[typescript.identity] == Verdict(Applicability.UNSAFE, ALONE)
    assert assertion.identity not in verdicts


def test_test_data_follows_code_renamed_beside_it_unless_its_test_names_the_id_where_it_stays():
    recorded = {name: finding(name, 90, "DSM111", fix=None, line=9) for name in (
        "tests/client.test.ts", "tests/test_feed.py", "tests/test_alone.py")}
    data = {name: finding(name, 40, "DSM103", line=4) for name in (
        "tests/client.test.ts", "tests/test_feed.py", "tests/feed.test.ts", "tests/test_alone.py", "tests/test_config.py")}
    request = finding("app/client.py", 1, "DSM101")
    # a value held by the branch it reaches is not renamed beside its test data
    value, branch = finding("app/config.py", 1, "DSM103"), finding("app/main.py", 1, "DSM105", fix=Applicability.UNSAFE)
    reach = {
        "app/config.py": {"app/main.py"},
        "tests/client.test.ts": {"app/client.py"},
        "tests/test_feed.py": {"app/client.py"},
        "tests/feed.test.ts": {"app/client.py"},
        "tests/test_alone.py": set(),
        "tests/test_config.py": {"app/config.py"},
    }.get
    verdicts = decide([*recorded.values(), *data.values(), request, value, branch], reach=reach).verdicts
    assert verdicts[data["tests/client.test.ts"].identity] == Verdict(Applicability.NONE, STAYS)
    assert data["tests/test_feed.py"].identity not in verdicts  # renamed with the request it feeds
    assert data["tests/feed.test.ts"].identity not in verdicts
    assert verdicts[data["tests/test_alone.py"].identity] == Verdict(Applicability.NONE, STAYS)
    assert verdicts[data["tests/test_config.py"].identity] == Verdict(Applicability.UNSAFE, ALONE)


def test_is_test_path():
    for path in ("tests/a.py", "pkg/test_x.py", "x_test.go", "src/a.test.ts", "conftest.py", "web/__tests__/a.js"):
        assert is_test_path(path), path
    for path in ("src/testing_utils.py", "latest.py", "contest.py"):
        assert not is_test_path(path), path


def test_decision_is_linear_in_the_occurrences():
    many = [finding(f"f{i % 2000}.py", i, "DSM103", line=i) for i in range(10_000)]
    many.append(finding("cmp.py", 1, "DSM105", fix=Applicability.UNSAFE))
    decision = decide(many)
    assert len(decision.verdicts) == 10_001
    assert len(decision.plan[0].sites) == 10_001


# -- properties over generated projects ------------------------------------------------

IDS = ("deepseek-chat", "deepseek-reasoner")
# (shape, selects behaviour, template); {n} keeps names apart, {id} is the legacy id
PY_SHAPES = [
    ("request", False, 'r{n} = client.chat.completions.create(model="{id}", messages=m)\n'),
    ("constant", False, 'MODEL_{n} = "{id}"\n'),
    ("comparison", True, 'if model == "{id}":\n    branch_{n}()\n'),
    ("key", True, 'LABELS_{n} = {{"{id}": "label"}}\n'),
    ("member", True, 'ALLOWED_{n} = ["{id}", "gpt-4o"]\n'),
    ("comment", False, "# uses {id} ({n})\n"),
    ("pair", True, 'PAIR_{n} = ["deepseek-chat", "deepseek-reasoner"]\n'),
    ("enum", True, "class Kind{n}(str, Enum):\n    A = \"deepseek-chat\"\n    B = \"deepseek-reasoner\"\n"),
]
OTHER_FILES = [
    ("config.yaml", "llm:\n  model: {id}\n"),
    ("web/cfg.ts", 'export const MODEL = "{id}";\n'),
    ("web/check.ts", 'export const isIt = (m: string) => m === "{id}";\n'),
]

statements = st.tuples(st.sampled_from(range(len(PY_SHAPES))), st.sampled_from(IDS))
projects = st.tuples(
    st.lists(st.lists(statements, min_size=1, max_size=4), min_size=1, max_size=4),
    st.lists(st.tuples(st.sampled_from(range(len(OTHER_FILES))), st.sampled_from(IDS)), max_size=2, unique_by=lambda t: t[0]),
)


def build(project) -> tuple[dict[str, str], list[tuple[str, str, bool, str]]]:
    """Files, and every planted use: (file, marker, selects behaviour, legacy id)."""
    modules, others = project
    files, planted, n = {}, [], 0
    for i, module in enumerate(modules):
        text = ""
        for shape_index, legacy in module:
            shape, selecting, template = PY_SHAPES[shape_index]
            n += 1
            text += template.format(n=n, id=legacy)
            planted.append((f"m{i}.py", f"_{n}" if shape != "comment" else f"({n})", selecting, legacy))
        files[f"m{i}.py"] = text
    for index, legacy in others:
        path, template = OTHER_FILES[index]
        files[path] = template.format(id=legacy)
        planted.append((path, "", path == "web/check.ts", legacy))
    return files, planted


def line_of(text: str, marker: str) -> str:
    for line in text.splitlines():
        if marker in line or (marker.startswith("_") and re.search(rf"{marker}\b", line)):
            return line
    return text


def still_legacy(files: dict[str, str], use) -> bool:
    path, marker, _, legacy = use
    text = files[path]
    if marker.startswith("_") and "branch" + marker in text:  # the id is on the line above the call
        lines = text.splitlines()
        at = next(i for i, line in enumerate(lines) if "branch" + marker + "(" in line)
        return legacy in lines[at - 1]
    return legacy in (line_of(text, marker) if marker else text)


@settings(max_examples=fuzz_cases(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project=projects, unsafe=st.booleans())
def test_selecting_uses_of_an_id_change_all_together_or_not_at_all(project, unsafe):
    files, planted = build(project)
    root = Path(tempfile.mkdtemp())
    try:
        write_tree(root, files)
        flags = ("--unsafe-fixes",) if unsafe else ()
        fix_tree(root, *flags)
        after = read_tree(root)
        for legacy in IDS:
            selecting = [use for use in planted if use[2] and use[3] == legacy]
            kept = {still_legacy(after, use) for use in selecting}
            assert len(kept) <= 1, (legacy, files, after)
            if not unsafe:
                assert kept <= {True}, "the safe tier never renames a use that selects behaviour"
        # no list or enum gained two equal members
        for text in after.values():
            for pair in re.findall(r'PAIR_\d+ = \["([^"]+)", "([^"]+)"\]', text):
                assert pair[0] != pair[1], text
            for a, b in re.findall(r'A = "([^"]+)"\n    B = "([^"]+)"', text):
                assert a != b, text
        # and a second run changes nothing
        assert fix_tree(root, *flags) == {}
    finally:
        shutil.rmtree(root)


def test_a_rename_the_decision_refused_is_not_called_renamed():
    from ds_migrate.findings import Applicability, Finding, Fix

    common = dict(path="a.py", line=1, column=1, end_line=1, end_column=5, code="DSM103", name="n",
                  severity=None, message="m", note="fix renames the field default; set thinking disabled where the request is made")
    refused = Finding(**common, fix=Fix(Applicability.NONE), coupling="not renamed: it selects behaviour elsewhere")
    assert refused.explanation.startswith("once renamed, set thinking disabled where the request is made; not renamed")
    renamed = Finding(**common, fix=Fix(Applicability.UNSAFE), coupling="coupled with b.py:2 (comparison)")
    assert renamed.explanation.startswith("fix renames the field default; set thinking disabled")


def test_a_use_that_stays_on_purpose_is_info_so_the_gate_can_pass():
    """A fresh review: a test of compat code, test data for a selector and a
    case probe must not change, yet they were errors, so `scan` could never
    exit 0 without suppressions. The decision lowers them to info, and
    restores the rule's severity when a later decision says otherwise."""
    from ds_migrate.findings import Severity
    from ds_migrate.project.verdicts import Decision

    probe = finding("tests/test_case.py", 3, "DSM103", name="DeepSeek-Chat")
    probe.severity = Severity.ERROR
    decision = decide([probe])
    decision.annotate([probe])
    assert probe.severity is Severity.INFO and probe.rule_severity is Severity.ERROR
    Decision().annotate([probe])
    assert probe.severity is Severity.ERROR


def test_a_short_list_names_every_place_and_a_long_one_counts_the_rest():
    """A fifth fresh reader: "Model from a.py:3, .env:2 and 1 more" hid the
    one place the count stood for. Named up to one past the limit, counted after."""
    from types import SimpleNamespace

    from ds_migrate.findings.wording import to_name
    from ds_migrate.rules.v4_without_mode import from_elsewhere_message

    assert to_name(["a", "b", "c"], 2) == (["a", "b", "c"], 0)
    assert to_name(["a", "b", "c", "d"], 2) == (["a", "b"], 2)

    def hint(*places):
        return SimpleNamespace(sources=list(places), origin="", is_legacy=True, why_not=None)

    assert from_elsewhere_message(hint(("a.py", 3))) == "No thinking mode set; model from a.py:3: set it here (V4 thinks by default)"
    three = from_elsewhere_message(hint(("a.py", 3), (".env", 2), ("b.py", 1)))
    assert three.startswith("No thinking mode set; model from a.py:3, .env:2 and b.py:1:")
    four = from_elsewhere_message(hint(("a.py", 3), (".env", 2), ("b.py", 1), ("c.py", 4)))
    assert four.startswith("No thinking mode set; model from a.py:3, .env:2 and 2 more:")
