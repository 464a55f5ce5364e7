import os

# the model of the one-off summary job (no router there)
SUMMARY_MODEL = os.getenv("SUMMARY_MODEL", "deepseek-chat")
