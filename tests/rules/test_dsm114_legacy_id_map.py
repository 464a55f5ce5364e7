"""DSM114 legacy-id-map: two retired ids as values of one map or list; renaming both
would make two entries one, so they are never renamed."""

from conftest import codes, fix, scan


def test_alias_table_with_two_retired_ids_is_never_renamed():
    source = 'ALIASES = {"deepseek": "deepseek-chat", "r1": "deepseek-reasoner"}\n'
    assert codes(source) == ["DSM114", "DSM114"]
    assert fix(source, unsafe=True) == source
    assert all("would both become 'deepseek-v4-flash'" in f.note for f in scan(source))


def test_map_holding_one_retired_id_is_not_an_id_map():
    assert "DSM114" not in codes('ALIASES = {"fast": "deepseek-chat"}\n')
