"""ds-migrate's own reports written into the tree (``-o report.json``,
``--sarif-file ds-migrate.sarif`` as the Action does) are recorded data: the
next scan skips them with a one-line note, and ``fix`` never edits them."""

import json

from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _findings(tree):
    return json.loads(invoke("scan", "--output-format", "json", tree).stdout)


def test_a_second_scan_does_not_find_the_first_ones_reports(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    first = invoke("scan", "-o", tmp_path / "report.json", "--output-format", "json",
                   "--sarif-file", tmp_path / "ds-migrate.sarif", tmp_path)
    assert first.exit_code == 1
    invoke("scan", "--statistics", "--output-format", "json", "-o", tmp_path / "stats.json", tmp_path)
    again = _findings(tmp_path)
    assert [f["path"] for f in again["findings"]] == [str(tmp_path / "app.py")]
    skipped = {s["path"]: s["reason"] for s in again["skipped"]}
    assert set(skipped) == {str(tmp_path / "report.json"), str(tmp_path / "ds-migrate.sarif")}
    assert all("report (recorded data)" in reason for reason in skipped.values())
    text = invoke("scan", "--output-format", "concise", tmp_path).stdout
    assert "report.json: skipped: a ds-migrate or SARIF report" in text


def test_fix_never_edits_a_report(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    invoke("scan", "-o", tmp_path / "report.json", "--output-format", "json", tmp_path)
    before = (tmp_path / "report.json").read_text()
    assert json.loads(before)["tool"] == "ds-migrate"
    invoke("fix", "--write", "--unsafe-fixes", tmp_path)
    assert (tmp_path / "report.json").read_text() == before
    assert "deepseek-v4-flash" in (tmp_path / "app.py").read_text()


def test_a_report_without_the_marker_is_known_by_its_keys(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    document = json.loads(invoke("scan", "--output-format", "json", tmp_path).stdout)
    del document["tool"], document["tool_version"]  # written before the marker
    (tmp_path / "old-report.json").write_text(json.dumps(document))
    assert [f["path"] for f in _findings(tmp_path)["findings"]] == [str(tmp_path / "app.py")]


def test_other_json_is_still_scanned(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"model": "deepseek-chat", "findings": [], "runs": []}))
    assert [f["path"] for f in _findings(tmp_path)["findings"]] == [str(tmp_path / "settings.json")]
