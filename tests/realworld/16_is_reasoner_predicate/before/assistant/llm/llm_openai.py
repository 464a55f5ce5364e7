def _is_reasoner(base_model: str) -> bool:
    is_o_series = any(base_model.startswith(prefix) for prefix in ("o1", "o3", "o4"))
    is_deepseek_r1 = base_model == "deepseek-reasoner"
    return is_o_series or is_deepseek_r1


def prepare(base_model: str, messages: list[dict]) -> list[dict]:
    if _is_reasoner(base_model):
        # reasoners take no system role: fold it into the first user turn
        system = [m for m in messages if m["role"] == "system"]
        rest = [m for m in messages if m["role"] != "system"]
        if system and rest:
            rest[0] = {**rest[0], "content": system[0]["content"] + "\n\n" + rest[0]["content"]}
        return rest
    return messages
