"""CAMEL's ``ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, ...)``.

CAMEL hands ``model_config_dict`` to the OpenAI SDK's ``create`` as keyword
arguments, so an ``"extra_body": {"thinking": ...}`` entry reaches the body
on every version checked (0.2.90, 0.2.91a5, 0.2.91a7). ``DeepSeekConfig(thinking=...)``
exists only from 0.2.91 (0.2.90 forbids the field), and a bare ``"thinking"``
entry is a TypeError in the SDK on 0.2.90. ds_migrate/deepseek/forms.py holds
the table; tests/wire/test_wire_camel.py proves it.

The model is often named by CAMEL's enum (``ModelType.DEEPSEEK_REASONER``):
rules/enum_model.py renames that member at the request.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.layout import append_arg, append_dict_element, dict_element_node, keyword_arg_node
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import dict_get, dotted_name, keyword_arg, string_value
from ds_migrate.python.toggles import Toggle, no_form_toggle, thinking_object


class CamelModelFactory(CallContext):
    name = "camel"
    label = "CAMEL ModelFactory.create"
    priority = 50

    callee_names = frozenset({"create"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        if not (qualified.startswith("camel.") and qualified.endswith("ModelFactory.create")):
            return False
        platform = keyword_arg(call, "model_platform")
        if platform is None:
            return False
        text = string_value(platform.value)
        last = text if text is not None else (dotted_name(platform.value) or "").rsplit(".", 1)[-1]
        return last.lower() == "deepseek"

    def explicit_toggle(self, call: cst.Call):
        config = keyword_arg(call, "model_config_dict")
        value = config.value if config is not None else None
        if isinstance(value, cst.Dict):
            extra = dict_get(value, "extra_body")
            if extra is not None and isinstance(extra.value, cst.Dict) and dict_get(extra.value, "thinking"):
                return dict_get(extra.value, "thinking").value, None
        built = _config_call(value)
        if built is not None and keyword_arg(built, "thinking") is not None:
            return keyword_arg(built, "thinking").value, None
        return None

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return self.toggle_for(call, mode, quote, None)

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        from ds_migrate.deepseek.forms import choose_form

        if self.explicit_toggle(call) is not None:
            return Toggle(None, note="the call already sets thinking; kept as is")
        form, pin = choose_form(self.name, mode, getattr(info, "path", None))
        if form is None:
            return no_form_toggle(self.name, mode, pin)
        value = thinking_object(mode, quote)
        config = keyword_arg(call, "model_config_dict")
        if config is None:
            body = cst.Dict([dict_element_node("extra_body", cst.Dict([dict_element_node("thinking", value, quote)]), quote)])
            return Toggle(lambda node: node if keyword_arg(node, "model_config_dict") else append_arg(
                node, keyword_arg_node("model_config_dict", body)))
        built = _config_call(config.value)
        if form == "thinking" and built is not None:  # DeepSeekConfig(thinking=...)
            def into_config(node: cst.Call) -> cst.Call:
                found = _config_call(keyword_arg(node, "model_config_dict").value)
                return node.deep_replace(found, append_arg(found, keyword_arg_node("thinking", value)))

            return Toggle(into_config, note=_chosen(form, pin))
        if isinstance(config.value, cst.Dict):
            if dict_get(config.value, "extra_body") is not None:
                return Toggle(None, note="model_config_dict already has an extra_body; set thinking in it by hand")

            def into_dict(node: cst.Call) -> cst.Call:
                arg = keyword_arg(node, "model_config_dict")
                element = dict_element_node("extra_body", cst.Dict([dict_element_node("thinking", value, quote)]), quote)
                return node.deep_replace(arg, arg.with_changes(value=append_dict_element(arg.value, element)))

            return Toggle(into_dict, note=_chosen(form, pin))
        if built is None:
            return Toggle(None, note=f"set thinking {mode} in model_config_dict (an \"extra_body\" entry) by hand")

        def spread(node: cst.Call) -> cst.Call:
            arg = keyword_arg(node, "model_config_dict")
            merged = cst.Dict([
                cst.StarredDictElement(arg.value),
                dict_element_node("extra_body", cst.Dict([dict_element_node("thinking", value, quote)]), quote),
            ])
            return node.deep_replace(arg, arg.with_changes(value=merged))

        return Toggle(spread, note=_chosen(form, pin))


def _config_call(value: cst.BaseExpression | None) -> cst.Call | None:
    """``DeepSeekConfig(...)`` of ``DeepSeekConfig(...).as_dict()``."""
    if (
        isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value == "as_dict"
        and isinstance(value.func.value, cst.Call)
        and (dotted_name(value.func.value.func) or "").rsplit(".", 1)[-1] == "DeepSeekConfig"
    ):
        return value.func.value
    return None


def _chosen(form: str, pin) -> str | None:
    return f"{form} chosen for {pin.describe()}" if pin is not None else None

