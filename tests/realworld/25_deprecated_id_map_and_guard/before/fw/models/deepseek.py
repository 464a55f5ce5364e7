import logging
from dataclasses import dataclass
from typing import ClassVar, Dict

log = logging.getLogger(__name__)


@dataclass
class DeepSeekModel:
    id: str = "deepseek-v4-flash"

    # retired ids and what replaces them
    _retired: ClassVar[Dict[str, str]] = {
        "deepseek-chat": "deepseek-v4-flash",
        "deepseek-reasoner": "deepseek-v4-flash",
    }

    def __post_init__(self):
        if self.id in self._retired:
            log.warning(
                "Model %r was retired on 2026-07-24; use %r with an explicit thinking mode.",
                self.id,
                self._retired[self.id],
            )
