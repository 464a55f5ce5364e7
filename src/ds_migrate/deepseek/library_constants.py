"""SDK constants whose value is a retired id, read from each library's own source.

Code that writes ``deepseek.DeepSeekChat`` sends ``deepseek-chat`` without
the string appearing in the file. This table says which names of which
library hold which id, so a handler can resolve a use through the file's
import (path and alias), never by the bare identifier: a project's own
``DeepSeekChat`` is another thing, found by the string rules where it is
declared.

``typed`` names the constant's own type when it is not a plain string: a
literal written in its place is then a different type (a Java enum cannot
take one at all; a Go untyped string constant still can, except where the
type is inferred from it, ``x := deepseek.ModelChat``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryConstant:
    language: str  # "go" | "java"
    module: str  # Go: the import path; Java: the qualified name of the class or enum holding it
    package: str  # Go: the package's own name (the default alias); Java: the holder's simple name
    name: str  # the constant or enum member
    value: str  # the retired id it holds
    typed: str | None  # its named type, when not a plain string
    source: str  # where its value was read: repository, file, version


_COHESION = "cohesion-org/deepseek-go models.go (v1.3.2, commit 70fe1f6)"
_LANGCHAINGO = ("tmc/langchaingo llms/deepseek/deepseek.go (commit 76f16aa, branch "
                "feature/deepseek-integration-improvements; not on main or in a release)")
_SPRING_AI = ("spring-projects/spring-ai models/spring-ai-deepseek/src/main/java/org/springframework/ai/"
              "deepseek/api/DeepSeekApi.java (since v1.0.0; deprecated in v2.0.0, which adds DEEPSEEK_V4_FLASH)")
_SPRING_CHAT_MODEL = "org.springframework.ai.deepseek.api.DeepSeekApi.ChatModel"

CONSTANTS: tuple[LibraryConstant, ...] = (
    LibraryConstant("go", "github.com/cohesion-org/deepseek-go", "deepseek", "DeepSeekChat", "deepseek-chat", None, _COHESION),
    LibraryConstant("go", "github.com/cohesion-org/deepseek-go", "deepseek", "DeepSeekReasoner", "deepseek-reasoner", None,
                    _COHESION),
    LibraryConstant("go", "github.com/cohesion-org/deepseek-go", "deepseek", "DeepSeekCoder", "deepseek-coder", None, _COHESION),
    LibraryConstant("go", "github.com/tmc/langchaingo/llms/deepseek", "deepseek", "ModelChat", "deepseek-chat", "Model",
                    _LANGCHAINGO),
    LibraryConstant("go", "github.com/tmc/langchaingo/llms/deepseek", "deepseek", "ModelReasoner", "deepseek-reasoner",
                    "Model", _LANGCHAINGO),
    LibraryConstant("go", "github.com/tmc/langchaingo/llms/deepseek", "deepseek", "ModelCoder", "deepseek-coder", "Model",
                    _LANGCHAINGO),
    LibraryConstant("java", _SPRING_CHAT_MODEL, "ChatModel", "DEEPSEEK_CHAT", "deepseek-chat", "DeepSeekApi.ChatModel",
                    _SPRING_AI),
    LibraryConstant("java", _SPRING_CHAT_MODEL, "ChatModel", "DEEPSEEK_REASONER", "deepseek-reasoner",
                    "DeepSeekApi.ChatModel", _SPRING_AI),
)
# Looked at and holding none: langchain4j/langchain4j (commit b8b809e) has no
# DeepSeek model enum; its only such name, WorkersAiChatModelName.DEEPSEEK_CODER_6_7_BASE,
# is Cloudflare Workers AI's "@hf/thebloke/deepseek-coder-6.7b-base-awq", not DeepSeek's API.
# CAMEL's ModelType members (Python) are in rules/enum_model.py.

# Where the thinking mode goes for a request made with the library, from its
# source (no entry: the language's note). cohesion-org/deepseek-go's
# ChatCompletionRequest and StreamChatCompletionRequest (chat.go,
# chat_stream.go, v1.3.2) have no ``thinking`` field; their EnableThinking
# sends Qwen's ``enable_thinking``, which DeepSeek does not read.
_MODE_NOTES = {
    "github.com/cohesion-org/deepseek-go": (
        "deepseek-go's request structs have no thinking field (their EnableThinking sends Qwen's "
        "enable_thinking, which DeepSeek ignores)"
    ),
}


def mode_note(module: str, mode: str) -> str | None:
    """Where the mode goes for a request made with ``module``, or None."""
    why = _MODE_NOTES.get(module)
    if why is None:
        return None
    if mode == "enabled":
        return f"{why}; V4 thinks by default, so the request keeps thinking enabled"
    return (f"{why}, and V4 thinks by default: to keep thinking {mode}, send "
            f'"thinking": {{"type": "{mode}"}} in the body where the request is made')


def constants_for(language: str) -> tuple[LibraryConstant, ...]:
    return tuple(c for c in CONSTANTS if c.language == language)


def by_module(language: str) -> dict[str, dict[str, LibraryConstant]]:
    """module -> constant name -> constant, for one language."""
    out: dict[str, dict[str, LibraryConstant]] = {}
    for constant in constants_for(language):
        out.setdefault(constant.module, {})[constant.name] = constant
    return out


# What follows "deepseek" in a file that uses one (lower-cased): the import
# path (``cohesion-org/deepseek-go``, ``llms/deepseek"``) or a constant
# (``deepseek.DeepSeekChat``, ``ModelChat``): worth a parse (mentions.py).
WORTH_PARSING = re.compile(
    r'(?:(?<=cohesion-org/)deepseek-go\b|(?<=langchaingo/llms/)deepseek"|deepseek\.(?:'
    + "|".join(sorted({re.escape(c.name.lower()) for c in CONSTANTS if c.language == "go"}))
    + r")\b)"
)
