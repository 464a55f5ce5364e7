"""Python analysis and rewriting, built on libcst."""
