"""The dialog: the core vocabulary, the engine and its named steps, the intake state, replies and their texts.
May import routing, knowledge, db and bot.settings; never a channel, coordination, or the shell."""
