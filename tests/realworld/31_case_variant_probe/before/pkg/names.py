def normalise(model: str) -> str:
    """Model ids are case-insensitive on input; store them lower-case."""
    return model.strip().lower()
