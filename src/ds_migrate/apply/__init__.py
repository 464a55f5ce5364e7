"""Stage 4: applying the chosen edits and writing files atomically."""
