from helpers import EXAMPLE, INCOMPLETE, run


def test_complete_example_checks_complete():
    r = run("check", EXAMPLE)
    assert r.code == 0, r
    assert "Komplett" in r.out


def test_incomplete_example_exit_1():
    r = run("check", INCOMPLETE)
    assert r.code == 1, r
    assert "Ofullständig" in r.out
