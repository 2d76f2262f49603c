"""Telegram: the parents' private chat and the coordinators' group, each with its pure translation beside its I/O.
May import bot.dialog, bot.coordination and bot.settings."""
