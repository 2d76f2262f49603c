"""Settings, read once from the environment (and `.env`) and passed down through constructors."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

from dotenv import dotenv_values

ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    db_path: Path = ROOT / "var" / "dolbom.sqlite3"
    knowledge_dir: Path = ROOT / "knowledge"
    timezone: str = "Asia/Seoul"
    log_level: str = "INFO"
    knowledge_poll_seconds: float = 2.0
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    public_url: str = ""
    kakao_secret: str = ""
    kakao_secret_header: str = "X-Dolbom-Secret"
    kakao_budget_seconds: float = 3.5
    telegram_bot_token: str = ""
    telegram_api_base_url: str = ""
    telegram_webhook_url: str = ""
    telegram_webhook_secret: str = ""
    coordinator_chat_id: str = ""
    retention_days: int = 90
    coordinators_path: Path = ROOT / "knowledge" / "coordinators.yaml"
    coordinator_name: str = ""
    kakao_rest_api_key: str = ""
    kakao_bot_id: str = ""
    kakao_event_name: str = "dolbom_message"
    kakao_event_api_url: str = "https://bot-api.kakao.com"
    kakao_push_daily_cap: int = 3
    kakao_push_cost_won: int = 15
    kakao_push_give_up_minutes: float = 360.0

    ENV: ClassVar[dict[str, str]] = {
        "db_path": "DOLBOM_DB_PATH",
        "knowledge_dir": "DOLBOM_KNOWLEDGE_DIR",
        "timezone": "DOLBOM_TIMEZONE",
        "log_level": "DOLBOM_LOG_LEVEL",
        "knowledge_poll_seconds": "DOLBOM_KNOWLEDGE_POLL_SECONDS",
        "http_host": "DOLBOM_HTTP_HOST",
        "http_port": "DOLBOM_HTTP_PORT",
        "public_url": "DOLBOM_PUBLIC_URL",
        "kakao_secret": "KAKAO_SKILL_SECRET",
        "kakao_secret_header": "KAKAO_SECRET_HEADER",
        "kakao_budget_seconds": "KAKAO_BUDGET_SECONDS",
        "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
        "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
        "telegram_webhook_url": "TELEGRAM_WEBHOOK_URL",
        "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
        "coordinator_chat_id": "COORDINATOR_CHAT_ID",
        "retention_days": "DOLBOM_RETENTION_DAYS",
        "coordinators_path": "DOLBOM_COORDINATORS",
        "coordinator_name": "DOLBOM_COORDINATOR",
        "kakao_rest_api_key": "KAKAO_REST_API_KEY",
        "kakao_bot_id": "KAKAO_BOT_ID",
        "kakao_event_name": "KAKAO_EVENT_NAME",
        "kakao_event_api_url": "KAKAO_EVENT_API_URL",
        "kakao_push_daily_cap": "KAKAO_PUSH_DAILY_CAP",
        "kakao_push_cost_won": "KAKAO_PUSH_COST_WON",
        "kakao_push_give_up_minutes": "KAKAO_PUSH_GIVE_UP_MINUTES",
    }

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: Path | None = ROOT / ".env") -> Settings:
        """Values from ``env`` (default: the process environment) win over those in ``dotenv``."""
        merged: dict[str, str] = {}
        if dotenv is not None and dotenv.exists():
            merged.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        merged.update(os.environ if env is None else env)
        values: dict[str, object] = {}
        for f in fields(cls):
            key = cls.ENV[f.name]
            raw = merged.get(key, "").strip()
            if not raw:
                continue
            default = f.default
            try:
                if isinstance(default, Path):
                    path = Path(raw).expanduser()
                    values[f.name] = path if path.is_absolute() else ROOT / path
                elif isinstance(default, bool):
                    values[f.name] = raw.lower() in ("1", "true", "yes", "on")
                elif isinstance(default, int):
                    values[f.name] = int(raw)
                elif isinstance(default, float):
                    values[f.name] = float(raw)
                else:
                    values[f.name] = raw
            except ValueError:
                raise SettingsError(
                    f"Setting {key} has value '{raw}'. Not a valid {type(default).__name__}."
                ) from None
        settings = cls(**values)  # type: ignore[arg-type]
        try:
            ZoneInfo(settings.timezone)
        except Exception:
            raise SettingsError(f"Setting DOLBOM_TIMEZONE has value '{settings.timezone}'. Not a time zone.") from None
        return settings

    @property
    def kakao_can_push(self) -> bool:
        """With the REST API key and the bot id, Kakao parents are reached first through the Event API."""
        return bool(self.kakao_rest_api_key and self.kakao_bot_id)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)
