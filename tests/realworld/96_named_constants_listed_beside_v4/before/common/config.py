_settings = {}


def conf():
    return _settings
