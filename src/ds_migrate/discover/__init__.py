"""Stage 1: which files to read (git or a walk, ripgrep for the ones that mention DeepSeek)."""
