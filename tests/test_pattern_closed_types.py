"""Closed TypeScript unions and zod enums that list the retired ids (issue
24): they gain the V4 id as a member, so a value typed by them can be
renamed and still type-check or validate; their members are never renamed
into one another. An open union (``| string``) needs nothing."""

from __future__ import annotations

from projects import fix_tree, scan_tree, write_tree

UNION = "export type DeepSeekModel = 'deepseek-chat' | 'deepseek-reasoner';\n"


def test_a_closed_union_gains_the_v4_member_and_keeps_its_own(tmp_path):
    write_tree(tmp_path, {"src/types.ts": UNION})
    assert fix_tree(tmp_path) == {
        "src/types.ts": "export type DeepSeekModel = 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-flash';\n"
    }
    assert fix_tree(tmp_path) == {}  # a second run adds nothing


def test_a_union_written_one_member_per_line_keeps_its_layout(tmp_path):
    source = 'type Model =\n  | "deepseek-chat"\n  | "deepseek-reasoner";\n'
    write_tree(tmp_path, {"types.ts": source})
    assert fix_tree(tmp_path) == {"types.ts": 'type Model =\n  | "deepseek-chat"\n  | "deepseek-reasoner"\n  | "deepseek-v4-flash";\n'}


def test_an_optional_property_typed_by_a_union_gains_the_member(tmp_path):
    source = "interface Input {\n  model?: 'deepseek-chat' | 'deepseek-reasoner';\n}\n"
    write_tree(tmp_path, {"input.ts": source})
    assert fix_tree(tmp_path) == {"input.ts": source.replace("'deepseek-reasoner';", "'deepseek-reasoner' | 'deepseek-v4-flash';")}


def test_with_the_reasoner_mapped_to_pro_each_target_is_added_once(tmp_path):
    write_tree(tmp_path, {"types.ts": UNION})
    changed = fix_tree(tmp_path, "--mapping", "deepseek-reasoner=deepseek-v4-pro")
    # two insertions at one place: their order is not specified
    assert changed["types.ts"] in (
        "export type DeepSeekModel = 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-flash' | 'deepseek-v4-pro';\n",
        "export type DeepSeekModel = 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-pro' | 'deepseek-v4-flash';\n",
    )
    assert fix_tree(tmp_path, "--mapping", "deepseek-reasoner=deepseek-v4-pro") == {}


def test_a_union_that_lists_the_v4_id_already_is_left(tmp_path):
    source = "type M = 'deepseek-chat' | 'deepseek-v4-flash';\n"
    write_tree(tmp_path, {"m.ts": source})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}
    notes = [f["note"] for f in scan_tree(tmp_path)["findings"]]
    assert notes == ["'deepseek-v4-flash' is already a member"]


def test_an_open_union_is_reported_and_left(tmp_path):
    source = 'export type DeepSeekModelId = "deepseek-chat" | "deepseek-reasoner" | string;\n'
    source += "type Hinted = 'deepseek-chat' | (string & {});\n"
    write_tree(tmp_path, {"types.ts": source})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}
    messages = [f["message"] for f in scan_tree(tmp_path)["findings"]]
    assert len(messages) == 3 and all("admits any string" in m for m in messages)


def test_an_open_union_holds_back_no_default(tmp_path):
    # types.ts names both ids, but any string is a DeepSeekModelId: the default is renamed
    write_tree(tmp_path, {
        "src/types.ts": 'export type DeepSeekModelId = "deepseek-chat" | "deepseek-reasoner" | string;\n',
        "src/config.ts": 'import type { DeepSeekModelId } from "./types";\n'
                         'export const model: DeepSeekModelId = process.env.MODEL ?? "deepseek-chat";\n',
    })
    assert fix_tree(tmp_path) == {
        "src/config.ts": 'import type { DeepSeekModelId } from "./types";\n'
                         'export const model: DeepSeekModelId = process.env.MODEL ?? "deepseek-v4-flash";\n'
    }


ZOD = """import { z } from 'zod';

export const ChatInput = z.object({
  model: z
    .enum(['deepseek-chat', 'deepseek-reasoner'])
    .default('deepseek-chat'),
});
"""


def test_a_zod_enum_gains_the_v4_id_and_its_default_is_renamed(tmp_path):
    write_tree(tmp_path, {"src/schemas.ts": ZOD})
    assert fix_tree(tmp_path) == {
        "src/schemas.ts": ZOD.replace(
            "'deepseek-reasoner'])", "'deepseek-reasoner', 'deepseek-v4-flash'])"
        ).replace(".default('deepseek-chat')", ".default('deepseek-v4-flash')")
    }


def test_a_zod_enum_written_one_member_per_line_keeps_its_trailing_comma(tmp_path):
    source = 'const M = z.enum([\n  "deepseek-chat",\n  "deepseek-reasoner",\n]);\n'
    write_tree(tmp_path, {"m.ts": source})
    assert fix_tree(tmp_path) == {"m.ts": source.replace('"deepseek-reasoner",\n', '"deepseek-reasoner",\n  "deepseek-v4-flash",\n')}


def test_a_plain_array_of_both_ids_is_still_never_merged(tmp_path):
    source = "export const PICKER = ['deepseek-chat', 'deepseek-reasoner'];\n"
    write_tree(tmp_path, {"picker.ts": source})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}


def test_a_union_that_keys_a_record_is_not_extended_and_holds_its_group(tmp_path):
    # Record<DeepSeekModel, string> must name every member: one more fails tsc (TS2741)
    source = (UNION + "\nexport const LABELS: Record<DeepSeekModel, string> = {\n"
              "  'deepseek-chat': 'Fast',\n  'deepseek-reasoner': 'Careful',\n};\n")
    write_tree(tmp_path, {"src/types.ts": source})
    assert fix_tree(tmp_path) == {}
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}
    findings = scan_tree(tmp_path)["findings"]
    line2 = [f for f in findings if f["line"] == 1]
    assert line2 and all("Record<DeepSeekModel, ...>" in (f.get("note") or "") for f in line2)


def test_a_mapped_type_over_the_union_is_exhaustive_too(tmp_path):
    source = UNION + "type Prices = { [K in DeepSeekModel]: number };\n"
    write_tree(tmp_path, {"src/types.ts": source})
    assert fix_tree(tmp_path) == {}


ZOD_DEFAULT = 'import { z } from "zod";\nexport const Input = z.object({\n  model: z.enum(["deepseek-chat", "deepseek-reasoner"]).default("deepseek-chat"),\n});\n'


def test_a_zod_enum_gains_the_v4_id_with_its_default_in_one_fix(tmp_path):
    write_tree(tmp_path, {"src/schema.ts": ZOD_DEFAULT})
    assert fix_tree(tmp_path) == {"src/schema.ts": ZOD_DEFAULT.replace(
        '"deepseek-reasoner"]).default("deepseek-chat")',
        '"deepseek-reasoner", "deepseek-v4-flash"]).default("deepseek-v4-flash")')}
    assert fix_tree(tmp_path) == {}


def test_a_zod_enum_whose_default_is_held_stays_as_it_is(tmp_path):
    # a price table looks the default up: the default is held, so widening the enum would only
    # offer callers a V4 id that nothing else is ready for (a fresh review on a real MCP server)
    write_tree(tmp_path, {
        "src/schema.ts": ZOD_DEFAULT,
        "src/cost.ts": 'import { Input } from "./schema";\nexport const PRICES = { "deepseek-chat": 0.27 };\n'
                       'export const cost = (m: string) => PRICES[m];\n',
    })
    assert fix_tree(tmp_path) == {}
