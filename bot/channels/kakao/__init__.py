"""KakaoTalk (Kakao i Open Builder skill): the pure payload translation (format) beside its HTTP route (skill).
May import bot.dialog and bot.settings."""
