"""The coordinators' side: the case queue, notifications through the outbox, follow-ups, the coordinator CLI.
May import bot.dialog (its vocabulary), bot.settings, routing, knowledge and db; never a channel or the shell."""
