"""coupling.py: where a value bound in one module can go (the import graph),
so that it couples only with the selectors it can reach (decide.py)."""

from __future__ import annotations

import os

from ds_migrate.project.coupling import Reach, imported_modules
from ds_migrate.discover.listing import FileFilter
from projects import write_tree


def test_imports_are_read_absolute_relative_and_parenthesised():
    text = "from app.pricing import cost\nfrom . import config\nfrom .models import (A,  # x\n  B as C)\nimport os, app.x as x\n"
    found = imported_modules(text, "/p/app/mod.py")
    assert {"app.pricing", "app.pricing.cost", "/p/app|config", "/p/app|models", "os", "app.x"} <= found


def test_a_value_reaches_its_importers_and_what_they_import_but_not_through_tests(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "app/__init__.py": "",
        "app/config.py": 'MODEL = "deepseek-chat"\n',
        "app/pricing.py": "PRICES = {}\n",
        "app/run.py": "from app.config import MODEL\nfrom app.pricing import PRICES\n",
        "app/alone.py": "X = 1\n",
        "tests/test_all.py": "from app.config import MODEL\nfrom app.alone import X\n",
    })
    monkeypatch.chdir(tmp_path)
    shown = ["app/config.py", "app/pricing.py", "app/run.py", "app/alone.py", "tests/test_all.py"]
    reach = Reach(shown, ["."], FileFilter())
    reached = reach("app/config.py")
    assert {"app/config.py", "app/run.py", "app/pricing.py", "tests/test_all.py"} <= {os.path.normpath(p) for p in reached}
    assert "app/alone.py" not in {os.path.normpath(p) for p in reached}  # only a test imports both


def test_source_of_another_language_is_out_of_reach_config_is_not():
    reach = Reach([], ["."])
    go = reach("svc/main.go")
    assert "svc/route.go" in go and ".env" in go and "config.yaml" in go
    assert "billing/pricing.py" not in go and "web/models.ts" not in go
    assert reach("config.yaml") is None  # a config value may be read by anything


def test_js_specifiers_of_every_import_form():
    from ds_migrate.project.js_imports import specifiers

    text = (
        'import a from "./a";\nimport { b,\n  c } from \'../b.js\';\nimport type { T } from "./types";\n'
        'import "./side";\nexport * from "./re";\nexport { d } from "./d";\nconst e = require("./e");\n'
        'const f = await import("./f");\nimport React from "react";\n'
    )
    assert specifiers(text) == {"./a", "../b.js", "./types", "./side", "./re", "./d", "./e", "./f", "react"}


def test_a_js_value_reaches_its_importers_and_what_they_import_not_the_rest(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "src/config.ts": 'export const model = process.env.M ?? "deepseek-chat";\n',
        "src/deepseek/index.ts": 'export * from "./client";\n',
        "src/deepseek/client.ts": 'import { model } from "../config.js";\nimport { price } from "@/pricing";\n',
        "src/pricing.ts": "export const price = {};\n",
        "src/server.mjs": 'const { DeepSeek } = require("./deepseek");\n',
        "src/other.ts": "export const x = 1;\n",
        "test/all.test.ts": 'import { model } from "../src/config";\nimport { x } from "../src/other";\n',
        "scripts/smoke.mjs": 'import { x } from "../dist/index.js";\n',
    })
    monkeypatch.chdir(tmp_path)
    shown = ["src/config.ts", "src/other.ts", "test/all.test.ts", "scripts/smoke.mjs"]
    reach = Reach(shown, ["."], FileFilter())
    reached = {os.path.normpath(p) for p in reach("src/config.ts")}
    # up through a .js specifier naming a .ts file and a folder's index, then down through an alias
    assert {"src/config.ts", "src/deepseek/client.ts", "src/deepseek/index.ts", "src/server.mjs", "src/pricing.ts",
            "test/all.test.ts"} <= reached
    assert "src/other.ts" not in reached  # only a test imports both
    assert "scripts/smoke.mjs" not in reached
    assert {os.path.normpath(p) for p in reach("scripts/smoke.mjs")} == {"scripts/smoke.mjs"}


def test_a_graph_past_its_file_limit_reaches_everything_instead_of_reading_on(tmp_path, monkeypatch):
    # a value imported across a whole package must not make this process read all of it
    from ds_migrate.project import coupling

    files = {"app/__init__.py": "", "app/config.py": 'MODEL = "deepseek-chat"\n'}
    files.update({f"app/m{i}.py": "from app.config import MODEL\n" for i in range(6)})
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    reach = Reach(["app/config.py"], ["."], FileFilter())
    assert "app/m5.py" in {os.path.normpath(p) for p in reach("app/config.py")}
    monkeypatch.setattr(coupling, "MAX_GRAPH_FILES", 4)
    assert Reach(["app/config.py"], ["."], FileFilter())("app/config.py") is None  # None: may reach anything
