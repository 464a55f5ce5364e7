#!/usr/bin/env python3
"""The safe tier's yield on real projects (issue 24): of the request sites a
reviewer counted by hand (a projects.json, see bench/real_projects.md), how
many `ds-migrate fix --write` migrates. Never run by pytest.

    python bench/yield.py bench/yield_projects.json [--ds-migrate PATH] [--unsafe] [--json OUT]

Each project is a git work tree (its `path`); the fix is written, read back
with `git diff`, and undone (`git checkout`, `git clean`). A site is migrated
when its line was rewritten and no longer names the retired id; the mode is
checked by the reviewer, not here (the hunk is printed with --show).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

LEGACY = re.compile(r"deepseek-(?:chat|reasoner|coder)\b(?![-.:]?[\w])", re.I)
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def changed_lines(diff: str) -> dict[str, dict[int, list[str]]]:
    """old line number -> the hunk's new lines, per file."""
    out: dict[str, dict[int, list[str]]] = {}
    path = None
    old = 0
    hunk_new: list[str] = []
    removed: list[int] = []

    def close():
        if path is not None:
            for line in removed:
                out.setdefault(path, {})[line] = list(hunk_new)

    for line in diff.splitlines():
        if line.startswith("--- "):
            close()
            removed, hunk_new = [], []
            continue
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else None
            continue
        match = HUNK.match(line)
        if match:
            close()
            removed, hunk_new = [], []
            old = int(match.group(1))
            continue
        if line.startswith("-"):
            removed.append(old)
            old += 1
        elif line.startswith("+"):
            hunk_new.append(line[1:])
        else:
            old += 1
    close()
    return out


def run_project(project: dict, exe: str, unsafe: bool, show: bool) -> dict:
    root = Path(project["path"])
    args = [exe, "fix", "--write", "--isolated", "."] + (["--unsafe-fixes"] if unsafe else [])
    subprocess.run(args, cwd=root, capture_output=True, text=True)
    diff = subprocess.run(["git", "diff", "-U0", "--no-color"], cwd=root, capture_output=True, text=True).stdout
    files_changed = subprocess.run(["git", "diff", "--name-only"], cwd=root, capture_output=True, text=True).stdout.split()
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root)
    subprocess.run(["git", "clean", "-qfd"], cwd=root)
    lines = changed_lines(diff)
    sites = []
    for site in project["sites"]:
        new = lines.get(site["file"], {}).get(site["line"])
        migrated = new is not None and not any(LEGACY.search(text) for text in new) and any(
            "deepseek" in text.lower() or "v4" in text.lower() for text in new
        )
        sites.append({**site, "migrated": migrated, "new": new})
    # hunks outside every counted site, for the reviewer
    counted = {(s["file"], s["line"]) for s in project["sites"]}
    others = sorted((f, n) for f, by in lines.items() for n in by if (f, n) not in counted)
    result = {
        "name": project["name"], "sites": len(sites), "migrated": sum(s["migrated"] for s in sites),
        "files_changed": files_changed, "other_changed_lines": others, "details": sites,
    }
    if show:
        print(f"## {project['name']}\n{diff}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects")
    parser.add_argument("--ds-migrate", default=shutil.which("ds-migrate"))
    parser.add_argument("--unsafe", action="store_true")
    parser.add_argument("--show", action="store_true", help="print each project's diff")
    parser.add_argument("--json")
    args = parser.parse_args()
    projects = json.loads(Path(args.projects).read_text())
    results = [run_project(p, args.ds_migrate, args.unsafe, args.show) for p in projects if Path(p["path"]).is_dir()]
    total = sum(r["sites"] for r in results)
    done = sum(r["migrated"] for r in results)
    print(f"{'project':36} {'sites':>5} {'migrated':>8} {'files':>5} {'other lines':>11}")
    for r in results:
        print(f"{r['name']:36} {r['sites']:>5} {r['migrated']:>8} {len(r['files_changed']):>5} {len(r['other_changed_lines']):>11}")
    print(f"{'total':36} {total:>5} {done:>8}   ({100 * done / max(total, 1):.0f}%)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    sys.exit(main())
