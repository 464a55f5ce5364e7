from app.settings import SUMMARY_MODEL


def test_summary_model_default():
    assert SUMMARY_MODEL == "deepseek-chat"
