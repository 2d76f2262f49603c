"""The PostgreSQL tests' server: skipped with a clear message outside CI when none can be had, a failure under CI."""

from __future__ import annotations

import pytest

from tests import postgres_server


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOLBOM_TEST_DATABASE_URL", raising=False)
    monkeypatch.setattr(postgres_server, "BIN_DIRS", [])
    monkeypatch.setattr(postgres_server.shutil, "which", lambda name: None)


def test_without_a_server_the_postgres_tests_skip_and_say_why(no_server: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="DOLBOM_TEST_DATABASE_URL"), postgres_server.server_url():
        pass


def test_under_ci_a_missing_server_is_a_failure(no_server: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"), postgres_server.server_url():
        pass


def test_a_given_url_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOLBOM_TEST_DATABASE_URL", "postgresql://x@h:1/d")
    with postgres_server.server_url() as url:
        assert url == "postgresql://x@h:1/d"
