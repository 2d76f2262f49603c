"""Settings: read once from the environment, every key documented in .env.example, bad values named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import ROOT, Settings, SettingsError


def test_every_setting_is_documented_in_env_example() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = re.findall(r"^([A-Z_]+)=", text, re.M)
    assert set(documented) == set(Settings.ENV.values())
    for key in documented:  # each key has its one-line comment right above it
        above = text.split(f"\n{key}=")[0].splitlines()[-1]
        assert above.startswith("# "), key


def test_defaults_need_nothing_configured() -> None:
    s = Settings.from_env({}, dotenv=None)
    assert s.db_path == ROOT / "var" / "dolbom.sqlite3" and s.telegram_bot_token == ""


def test_environment_wins_over_dotenv_and_relative_paths_are_under_the_project(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("DOLBOM_HTTP_PORT=9000\nDOLBOM_DB_PATH=var/x.sqlite3\n", encoding="utf-8")
    s = Settings.from_env({"DOLBOM_HTTP_PORT": "9100"}, dotenv=dotenv)
    assert s.http_port == 9100 and s.db_path == ROOT / "var" / "x.sqlite3"


@pytest.mark.parametrize(("key", "value"), [("DOLBOM_HTTP_PORT", "eighty"), ("DOLBOM_TIMEZONE", "Mars/Base")])
def test_a_bad_value_is_named(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"{key} has value '{value}'"):
        Settings.from_env({key: value}, dotenv=None)
