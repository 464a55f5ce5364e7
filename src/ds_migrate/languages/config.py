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
from ds_migrate.findings.roles import ALIAS
from ds_migrate.languages.base import Handler
from ds_migrate.languages.config_places import COMMENT, COMPARISON, DEFAULT, KEY, TEXT, UNKNOWN, VALUE, Places, Role
from ds_migrate.languages.textscan import Collector
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import OLLAMA_COMMAND, find_legacy_names, openrouter_variant_among
from ds_migrate.rules.comparison import LegacyModelComparison
from ds_migrate.rules.constant import LegacyModelConstant
from ds_migrate.rules.env_default import LegacyEnvDefault
from ds_migrate.rules.id_map import LegacyIdMap
from ds_migrate.rules.legacy_name import LegacyName as LegacyNameRule
from ds_migrate.rules.messages import (
    comparison,
    in_openrouter_catalogue,
    local_server,
    other_use,
    replacement,
    retired,
    set_mode_where_requested,
    table_entry,
    unclaimed,
)
from ds_migrate.rules.model_table import LegacyModelTable
from ds_migrate.rules.other_provider import OtherProviderModel
from ds_migrate.rules.payload import LegacyRequestPayload
from ds_migrate.rules.recorded_data import is_cassette, is_recorded_data, is_response_record
from ds_migrate.languages.kinds import PATTERNS

# Hosts that serve DeepSeek models under their own "deepseek/..." slugs.
_AGGREGATOR_HOST = re.compile(
    r"openrouter\.ai|api\.together\.(?:xyz|ai)|fireworks\.ai|api\.groq\.com|deepinfra\.com|siliconflow\.c[no]m?"
    r"|novita\.ai|integrate\.api\.nvidia\.com|bedrock",
    re.IGNORECASE,
)
_DEEPSEEK_HOST = re.compile(r"api\.deepseek\.com", re.IGNORECASE)

# Package manifests whose ``keywords`` list is search metadata for a registry.
_MANIFESTS = {"package.json", "composer.json"}


def _is_manifest(path: str) -> bool:
    return PurePosixPath(path.replace("\\", "/")).name.lower() in _MANIFESTS


class ConfigHandler(Handler):
    """Config formats: each kind's ``places`` reads its values with a parser
    (the *_values modules beside this one); the roles and fixes are shared."""

    label: ClassVar[str] = "config"

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        out = Collector(path, text, mapping)
        names = find_legacy_names(text)
        if is_recorded_data(PurePosixPath(path.replace("\\", "/"))) or self.is_recording(text):
            for name in names:
                out.recorded(name)
            return out.findings
        places = self.places_of(text, names) if names else None
        roles = self.roles(text, names, places)
        clash = self._key_clash(text, [(n, r) for n, r in zip(names, roles) if r.kind == KEY], mapping)
        entries = [n for n, r in zip(names, roles) if r.kind == VALUE and r.entry]
        tags = [n for n, r in zip(names, roles) if n in entries and (r.key or "").lower() == "keywords"] \
            if _is_manifest(path) else []
        entries = [n for n in entries if n not in tags]
        aggregator = _AGGREGATOR_HOST.search(text)
        if aggregator and _DEEPSEEK_HOST.search(text):
            aggregator = None  # both hosts: which value goes where is not visible
        entry_clash = self._entry_clash(entries, mapping)
        setting_clash = _setting_clashes(
            [(n, r) for n, r in zip(names, roles) if r.kind == VALUE and not r.entry and r.group], mapping
        )
        # the file lists an OpenRouter ':free' id: its "deepseek/..." ids are OpenRouter's
        catalogue = openrouter_variant_among([text]) if any(n.prefix == "deepseek/" for n in names) else None
        for name, role in zip(names, roles):
            if self.claim(out, text, name, mapping, places):
                continue
            if role.kind != COMMENT and OLLAMA_COMMAND.search(text[text.rfind("\n", 0, name.start) + 1 : name.start]):
                out.add(OtherProviderModel, name, name.start, name.end, local_server(name))
                continue
            if aggregator and name.prefix and role.kind != COMMENT:
                out.add(OtherProviderModel, name, name.start, name.end,
                        f"'{name.text}' is {aggregator.group(0)}'s model slug here (its base URL is in this file); "
                        "that provider's ids are not affected by the retirement")
                continue
            if catalogue and name.prefix == "deepseek/" and role.kind != COMMENT:
                out.add(OtherProviderModel, name, name.start, name.end, in_openrouter_catalogue(name, catalogue))
                continue
            key = role.key
            if role.kind == COMMENT:
                out.comment(name)
            elif role.kind == DEFAULT:
                out.add(
                    LegacyEnvDefault, name, name.start, name.end,
                    retired(name, mapping, f"Default of ${key}"),
                    out.rename_fix(name, Applicability.SAFE),
                    note=set_mode_where_requested(name, mapping, "renamed the default"),
                )
            elif role.kind == KEY:
                message = table_entry(name, mapping, f"key of a table in {self.label}")
                if clash:
                    out.add(LegacyModelTable, name, name.start, name.end, message, note=clash)
                else:
                    out.add(LegacyModelTable, name, name.start, name.end, message, out.rename_fix(name, Applicability.UNSAFE))
            elif role.kind == TEXT:
                out.add(
                    LegacyNameRule, name, name.start, name.end,
                    other_use(name, mapping) + f" in {self.label} text, not a config value",
                    out.rename_fix(name, Applicability.UNSAFE),
                    note="text among other words (a prompt, a description, a script): read it before renaming",
                )
            elif role.kind == COMPARISON:
                out.add(LegacyModelComparison, name, name.start, name.end, comparison(name, mapping),
                        out.rename_fix(name, Applicability.UNSAFE))
            elif role.kind == UNKNOWN:
                out.add(LegacyNameRule, name, name.start, name.end,
                        unclaimed(name, f"outside every value, key and comment of this {self.label} file"))
            elif name in tags:
                # a package's search tags (npm, Composer): no program reads them, like a README
                out.add(LegacyNameRule, name, name.start, name.end,
                        other_use(name, mapping) + " in the package's keywords (search tags, not a config value)",
                        note="package metadata: reword it by hand if you like; it selects nothing", role="doc")
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
            elif name in setting_clash:
                out.add(
                    LegacyIdMap, name, name.start, name.end,
                    f"Retired model '{name.text}' in sibling {self.label} entries that also set another retired id: "
                    "renamed, they would no longer say which one thinks",
                    note=setting_clash[name], role=ALIAS,
                )
            else:
                where = f"{self.label} value {key}" if key else f"{self.label} value"
                out.add(
                    LegacyModelConstant, name, name.start, name.end,
                    retired(name, mapping, where[0].upper() + where[1:]),
                    out.rename_fix(name, Applicability.SAFE),
                    note=set_mode_where_requested(name, mapping, "renamed the value"),
                )
        return out.findings

    def places(self, text: str) -> Places:
        """The spans this kind's parser finds; raises Unparsable when the
        parser rejects the file."""
        raise NotImplementedError

    def places_of(self, text: str, names) -> Places:
        """The places that decide the roles of ``names`` (by default every place)."""
        return self.places(text)

    def roles(self, text: str, names, places: Places | None) -> list[Role]:
        return [places.role_of(text, name) for name in names] if places is not None else []

    def is_recording(self, text: str) -> bool:
        return False

    def problem_with(self, text: str, path: str = "") -> str | None:
        error = self.parse_error(text)
        return None if error is None else f"not valid {self.label} after the fix: {error}"

    def parse_error(self, text: str) -> Exception | None:
        """What this kind's own parser says about ``text`` (None: it parses, or
        the kind has no parser to ask)."""
        return None

    def _entry_clash(self, entries, mapping: Mapping) -> str | None:
        seen: dict[str, str] = {}
        for entry in entries:
            target = replacement(entry, mapping).lower()
            if target in seen and seen[target] != entry.text.lower():
                return f"not renamed: entries '{seen[target]}' and '{entry.text}' would both become '{target}'"
            seen.setdefault(target, entry.text.lower())
        return None

    def claim(self, out: Collector, text: str, name, mapping: Mapping, places: Places | None = None) -> bool:
        """Report ``name`` in a form of this kind's own; False to leave it to the roles below."""
        return False

    def _key_clash(self, text: str, keys, mapping: Mapping) -> str | None:
        seen: dict[str, str] = {}
        all_keys = {k.text.lower() for k, _ in keys}
        for key, role in keys:
            target = replacement(key, mapping).lower()
            if target in seen and seen[target] != key.text.lower():
                return f"not renamed: '{seen[target]}' and '{key.text}' would both become '{target}'"
            if target in (role.siblings or ()) and target not in all_keys:
                return f"not renamed: a '{target}' key already exists"
            seen[target] = key.text.lower()
        return None


class EnvFile(ConfigHandler):
    kind = "env"
    label = "environment"
    patterns = PATTERNS["env"]

    def places(self, text: str) -> Places:
        from ds_migrate.languages.env_values import env_places

        return Places(env_places(text))


class ShellScript(ConfigHandler):
    kind = "shell"
    label = "shell"
    patterns = PATTERNS["shell"]

    def places(self, text: str) -> Places:
        from ds_migrate.languages.shell_values import shell_places

        read = shell_places(text)
        return Places(read.places, read.curls)

    def claim(self, out: Collector, text: str, name, mapping: Mapping, places: Places | None = None) -> bool:
        """The model of a curl JSON body: renamed, and the body gets ``"thinking"``."""
        from ds_migrate.languages.curl_json import curl_bodies, goes_to_deepseek, thinking_edit

        if places is None or not places.extra:
            return False
        for body in curl_bodies(text, places.extra):
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


class Dockerfile(ShellScript):
    """ENV/ARG values and the shell of RUN lines (curl bodies too)."""

    kind = "dockerfile"
    label = "Dockerfile"
    patterns = PATTERNS["dockerfile"]

    def places(self, text: str) -> Places:
        from ds_migrate.languages.dockerfile_values import dockerfile_places

        read = dockerfile_places(text)
        return Places(read.places, read.curls)


class IniFile(ConfigHandler):
    kind = "ini"
    label = "INI"
    patterns = PATTERNS["ini"]

    def places(self, text: str) -> Places:
        from ds_migrate.languages.ini_values import ini_places

        return Places(ini_places(text))

    def parse_error(self, text: str) -> Exception | None:
        import configparser

        return raised(configparser.ConfigParser(strict=False, interpolation=None).read_string, configparser.Error, text)


class TomlFile(ConfigHandler):
    kind = "toml"
    label = "TOML"
    patterns = PATTERNS["toml"]

    def places(self, text: str) -> Places:
        from ds_migrate.languages.toml_values import toml_places

        return Places(toml_places(text))

    def parse_error(self, text: str) -> Exception | None:
        from ds_migrate.config import tomllib

        return raised(tomllib.loads, tomllib.TOMLDecodeError, text)


class YamlFile(ConfigHandler):
    kind = "yaml"
    label = "YAML"
    patterns = PATTERNS["yaml"]

    def is_recording(self, text: str) -> bool:
        return is_cassette(text)

    def places(self, text: str) -> Places:
        from ds_migrate.languages.yaml_values import yaml_places

        return Places(yaml_places(text), extra={})  # extra: the JS blocks read so far (claim)

    def claim(self, out: Collector, text: str, name, mapping: Mapping, places: Places | None = None) -> bool:
        """A name in JavaScript the schema puts in a block scalar (Smithery's
        ``commandFunction``): reported and fixed as the JS handler would (yaml_code.py)."""
        from ds_migrate.languages.litellm_proxy_config import claim_deployment
        from ds_migrate.languages.yaml_code import js_block, js_findings, moved_fix
        from ds_migrate.rules import rule_by_code

        if places is None:
            return False
        if claim_deployment(out, text, name, mapping, places.extra):
            return True  # a LiteLLM proxy deployment's model or model_name (litellm_proxy_config.py)
        place = places.holding(name.start, name.end)
        span = js_block(text, place)
        if span is None:
            return False
        if span not in places.extra:
            places.extra[span] = js_findings(out.path, text, span, mapping)
        inner = places.extra[span].get(name.start)
        if inner is None:
            return False
        fix, note = moved_fix(inner.fix, span[0], text), inner.note
        if inner.fix is not None and fix is None:
            note = "; ".join(filter(None, [note, "not fixed: the fix would add lines inside the YAML block; make it by hand"]))
        out.add(rule_by_code(inner.code), name, name.start, name.end,
                f"in JavaScript under {place.key}: {inner.message}", fix, note, role=inner.role, severity=inner.severity)
        return True

    def parse_error(self, text: str) -> Exception | None:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return raised(lambda t: list(yaml.load_all(t, Loader=loader)), yaml.YAMLError, text)


class JsonFile(ConfigHandler):
    kind = "json"
    label = "JSON"
    patterns = PATTERNS["json"]

    def is_recording(self, text: str) -> bool:
        return is_response_record(text)

    def places(self, text: str) -> Places:
        from ds_migrate.languages.json_values import json_places

        return Places(json_places(text))

    def places_of(self, text: str, names) -> Places:
        from ds_migrate.languages.json_values import json_places

        return Places(json_places(text, [(name.start, name.end) for name in names]))

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


def _setting_clashes(values, mapping: Mapping) -> dict:
    """The values that set one key of sibling entries (``jobs.triage.model``,
    ``jobs.review.model``) where two distinct retired ids would become one:
    renamed, the file would no longer say which entry thinks, and one
    lookup (``jobs[name]["model"]``) reads them all (SPEC section 4: a config
    map per mode is never merged). Each such value -> why it is not renamed."""
    groups: dict = {}
    says_its_mode: dict = {}
    for name, role in values:
        groups.setdefault(role.group, []).append(name)
        # an entry that sets its thinking mode beside its model still tells, renamed, which thinks
        mode_given = any("thinking" in key for key in role.siblings or ())
        says_its_mode[role.group] = says_its_mode.get(role.group, True) and mode_given
    out = {}
    for group, names in groups.items():
        if says_its_mode[group]:
            continue
        seen: dict[str, str] = {}
        for name in names:
            target = replacement(name, mapping).lower()
            if target in seen and seen[target] != name.text.lower():
                why = (
                    f"not renamed: '{seen[target]}' and '{name.text}' set '{group[1]}' for sibling entries and "
                    f"would both become '{target}'; give each entry the V4 id and its thinking mode where the code "
                    "reads it, or keep the ids apart with --mapping deepseek-reasoner=deepseek-v4-pro"
                )
                out.update({n: why for n in names if find_legacy_names(n.text)})
                break
            seen.setdefault(target, name.text.lower())
    return out
