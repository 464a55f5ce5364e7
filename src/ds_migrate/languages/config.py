"""Configuration files: .env, YAML, JSON, TOML, INI/CFG, Dockerfile, shell.

The model name sits in a value (``DEEPSEEK_MODEL=deepseek-chat``), a default
(``${MODEL:-deepseek-chat}``), a key (a price table) or a comment. Values
and defaults are renamed in place; keys only with --unsafe-fixes and never
into a duplicate; the fixed file must still parse.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Callable, ClassVar

from ds_migrate.findings import Applicability, Finding
from ds_migrate.languages.base import Handler
from ds_migrate.languages.textscan import Collector
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import OLLAMA_COMMAND, find_legacy_names
from ds_migrate.rules.constant import LegacyModelConstant
from ds_migrate.rules.env_default import LegacyEnvDefault
from ds_migrate.rules.messages import (
    local_server,
    replacement,
    retired,
    set_mode_where_requested,
    table_entry,
)
from ds_migrate.rules.model_table import LegacyModelTable
from ds_migrate.rules.other_provider import OtherProviderModel
from ds_migrate.rules.payload import LegacyRequestPayload
from ds_migrate.rules.recorded_data import is_cassette, is_recorded_data, is_response_record

_DEFAULT = re.compile(r"\$\{(\w+):?[-=]")
_ASSIGNMENT = re.compile(r"^\s*(?:export\s+|(?:ENV|ARG)\s+)?([A-Za-z_][\w.\-]*)\s*(?:=|:|\s)")


def _comment_start(line: str, markers: str) -> int | None:
    """Column where a comment starts, outside quotes; None if the line has none."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in markers and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


# Hosts that serve DeepSeek models under their own "deepseek/..." slugs.
_AGGREGATOR_HOST = re.compile(
    r"openrouter\.ai|api\.together\.(?:xyz|ai)|fireworks\.ai|api\.groq\.com|deepinfra\.com|siliconflow\.c[no]m?"
    r"|novita\.ai|integrate\.api\.nvidia\.com|bedrock",
    re.IGNORECASE,
)
_DEEPSEEK_HOST = re.compile(r"api\.deepseek\.com", re.IGNORECASE)

# Keys whose value names a list entry rather than choosing a model for a request.
_NAMING_KEYS = {"name", "id", "model_name", "slug", "alias", "label", "key", "title"}


class ConfigHandler(Handler):
    """Line-oriented config formats; subclasses say how keys and comments look."""

    comment_markers: ClassVar[str] = "#"
    key_separator: ClassVar[str] = "="
    label: ClassVar[str] = "config"

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        out = Collector(path, text, mapping)
        recorded = is_recorded_data(PurePosixPath(path.replace("\\", "/"))) or self.is_recording(text)
        names = find_legacy_names(text)
        keys = [n for n in names if self.role(text, n)[0] == "key"]
        clash = self._key_clash(text, keys, mapping)
        entries = [n for n in names if self.role(text, n)[0] == "value" and self.names_an_entry(text, n)]
        aggregator = _AGGREGATOR_HOST.search(text)
        if aggregator and _DEEPSEEK_HOST.search(text):
            aggregator = None  # both hosts: which value goes where is not visible
        entry_clash = self._entry_clash(entries, mapping)
        for name in names:
            if recorded:
                out.recorded(name)
                continue
            if self.claim(out, text, name, mapping):
                continue
            role, key = self.role(text, name)
            if role != "comment" and OLLAMA_COMMAND.search(text[text.rfind("\n", 0, name.start) + 1 : name.start]):
                out.add(OtherProviderModel, name, name.start, name.end, local_server(name))
                continue
            if aggregator and name.prefix and role != "comment":
                out.add(OtherProviderModel, name, name.start, name.end,
                        f"'{name.text}' is {aggregator.group(0)}'s model slug here (its base URL is in this file); "
                        "that provider's ids are not affected by the retirement")
                continue
            if role == "comment":
                out.comment(name)
            elif role == "default":
                out.add(
                    LegacyEnvDefault, name, name.start, name.end,
                    retired(name, mapping, f"Default of ${key}"),
                    out.rename_fix(name, Applicability.SAFE),
                    note=set_mode_where_requested(name, mapping, "renamed the default"),
                )
            elif role == "key":
                message = table_entry(name, mapping, f"key of a table in {self.label}")
                if clash:
                    out.add(LegacyModelTable, name, name.start, name.end, message, note=clash)
                else:
                    out.add(LegacyModelTable, name, name.start, name.end, message, out.rename_fix(name, Applicability.UNSAFE))
            elif name in entries:
                message = (
                    f"Retired model '{name.text}' names an entry of a {self.label} list or map: the current "
                    f"model is '{replacement(name, mapping)}'; review the entries"
                )
                if entry_clash:
                    out.add(LegacyModelTable, name, name.start, name.end, message, note=entry_clash, role="member")
                else:
                    out.add(LegacyModelTable, name, name.start, name.end, message,
                            out.rename_fix(name, Applicability.UNSAFE), role="member")
            else:
                where = f"{self.label} value {key}" if key else f"{self.label} value"
                out.add(
                    LegacyModelConstant, name, name.start, name.end,
                    retired(name, mapping, where[0].upper() + where[1:]),
                    out.rename_fix(name, Applicability.SAFE),
                    note=set_mode_where_requested(name, mapping, "renamed the value"),
                )
        return out.findings

    def is_recording(self, text: str) -> bool:
        return False

    def problem_with(self, text: str, path: str = "") -> str | None:
        error = self.parse_error(text)
        return None if error is None else f"not valid {self.label} after the fix: {error}"

    def parse_error(self, text: str) -> Exception | None:
        """What this kind's own parser says about ``text`` (None: it parses, or
        the kind has no parser to ask)."""
        return None

    def names_an_entry(self, text: str, name) -> bool:
        """The value names an entry (``- name: deepseek-chat``, ``- deepseek-chat``):
        entries are told apart by it, so two ids must not become one."""
        line_start = text.rfind("\n", 0, name.start) + 1
        before = text[line_start : name.start]
        if re.fullmatch(r"\s*-\s*[\"']?", before):
            return True
        key = re.fullmatch(r"\s*-?\s*[\"']?([\w.-]+)[\"']?\s*[:=]\s*[\"']?", before)
        return bool(key) and key.group(1).lower() in _NAMING_KEYS

    def _entry_clash(self, entries, mapping: Mapping) -> str | None:
        seen: dict[str, str] = {}
        for entry in entries:
            target = replacement(entry, mapping).lower()
            if target in seen and seen[target] != entry.text.lower():
                return f"not renamed: entries '{seen[target]}' and '{entry.text}' would both become '{target}'"
            seen.setdefault(target, entry.text.lower())
        return None

    def claim(self, out: Collector, text: str, name, mapping: Mapping) -> bool:
        """Report ``name`` in a form of this kind's own; False to leave it to the roles below."""
        return False

    def _key_clash(self, text: str, keys, mapping: Mapping) -> str | None:
        seen: dict[str, str] = {}
        all_keys = {k.text.lower() for k in keys}
        for key in keys:
            target = replacement(key, mapping).lower()
            if target in seen and seen[target] != key.text.lower():
                return f"not renamed: '{seen[target]}' and '{key.text}' would both become '{target}'"
            if re.search(rf"[\"']?{re.escape(target)}[\"']?\s*{re.escape(self.key_separator)}", text) and target not in all_keys:
                return f"not renamed: a '{target}' key already exists"
            seen[target] = key.text.lower()
        return None

    def role(self, text: str, name) -> tuple[str, str | None]:
        line_start = text.rfind("\n", 0, name.start) + 1
        line_end = text.find("\n", name.end)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        column = name.start - line_start
        comment = _comment_start(line, self.comment_markers) if self.comment_markers else None
        if comment is not None and comment <= column:
            return "comment", None
        before = line[:column]
        default = None
        for match in _DEFAULT.finditer(before):
            if "}" not in before[match.end() :]:
                default = match.group(1)
        if default:
            return "default", default
        after = line[column + len(name.text) :].lstrip("'\" \t")
        opened = before.rstrip(" \t'\"")
        if after.startswith(self.key_separator) and (not before.strip(" \t-'\"{,") or opened.endswith(("{", ","))):
            return "key", None  # a key at the start of a line, or inside a one-line map
        return "value", self.key_of(line, column)

    def key_of(self, line: str, column: int) -> str | None:
        match = _ASSIGNMENT.match(line[:column])
        return match.group(1) if match else None


class EnvFile(ConfigHandler):
    kind = "env"
    label = "environment"
    patterns = (".env", ".env.*", "*.env")
    key_separator = "="


class ShellScript(ConfigHandler):
    kind = "shell"
    label = "shell"
    patterns = ("*.sh", "*.bash", "*.zsh")

    def claim(self, out: Collector, text: str, name, mapping: Mapping) -> bool:
        """The model of a curl JSON body: renamed, and the body gets ``"thinking"``."""
        from ds_migrate.languages.curl_json import curl_bodies, goes_to_deepseek, thinking_edit

        if "curl" not in text:
            return False
        for body in curl_bodies(text):
            if not body.start <= name.start < body.end:
                continue
            model = body.body.get("model")
            if not isinstance(model, str) or model.lower() != name.text.lower():
                return False
            if "messages" not in body.body or not goes_to_deepseek(body):
                return False
            mode = mapping.replacement(name.base).mode
            fix = out.rename_fix(name, Applicability.SAFE)
            note = None
            if not mapping.adds_toggle:
                pass
            elif "thinking" in body.body:
                note = "the body already sets thinking; kept as is"
            else:
                edit = thinking_edit(text, body, mode)
                if edit is None:
                    note = set_mode_where_requested(name, mapping, "renamed only")
                else:
                    fix.edits.append(edit)
            out.add(LegacyRequestPayload, name, name.start, name.end, retired(name, mapping, "curl request body model"), fix, note)
            return True
        return False


class Dockerfile(ConfigHandler):
    kind = "dockerfile"
    label = "Dockerfile"
    patterns = ("Dockerfile", "Dockerfile.*", "*.dockerfile", "Containerfile")


class IniFile(ConfigHandler):
    kind = "ini"
    label = "INI"
    patterns = ("*.ini", "*.cfg", ".flake8", "setup.cfg", "tox.ini")
    comment_markers = "#;"

    def parse_error(self, text: str) -> Exception | None:
        import configparser

        return raised(configparser.ConfigParser(strict=False, interpolation=None).read_string, configparser.Error, text)


class TomlFile(ConfigHandler):
    kind = "toml"
    label = "TOML"
    patterns = ("*.toml",)

    def parse_error(self, text: str) -> Exception | None:
        from ds_migrate.config import tomllib

        return raised(tomllib.loads, tomllib.TOMLDecodeError, text)


class YamlFile(ConfigHandler):
    kind = "yaml"
    label = "YAML"
    patterns = ("*.yml", "*.yaml")
    key_separator = ":"

    def is_recording(self, text: str) -> bool:
        return is_cassette(text)

    def key_of(self, line: str, column: int) -> str | None:
        match = re.match(r"^\s*-?\s*[\"']?([\w.\-]+)[\"']?\s*[:=]", line[:column])
        return match.group(1) if match else None

    def parse_error(self, text: str) -> Exception | None:
        import yaml

        return raised(lambda t: list(yaml.safe_load_all(t)), yaml.YAMLError, text)


class JsonFile(ConfigHandler):
    kind = "json"
    label = "JSON"
    patterns = ("*.json",)
    comment_markers = ""
    key_separator = ":"

    def key_of(self, line: str, column: int) -> str | None:
        keys = re.findall(r"\"([^\"]+)\"\s*:", line[:column])
        return keys[-1] if keys else None

    def is_recording(self, text: str) -> bool:
        return is_response_record(text)

    def parse_error(self, text: str) -> Exception | None:
        return raised(json.loads, ValueError, text)


def raised(parse: Callable[[str], object], errors: type[Exception], text: str) -> Exception | None:
    """The error ``parse`` raises on ``text``, of the kind ``errors`` names; None if it parses."""
    try:
        parse(text)
    except errors as error:
        return error
    return None


def json_problem(text: str) -> str | None:
    return JsonFile().problem_with(text)
