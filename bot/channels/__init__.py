"""The parents' channels (terminal chat, KakaoTalk skill, Telegram), each translating to and from the dialog's
vocabulary. May import bot.dialog, bot.coordination (the Telegram coordinator group) and bot.settings."""
