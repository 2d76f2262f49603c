"""The coordinators' and control tower's web console (/console): accounts, sessions, the access log, the queue
and case pages. May import bot.dialog, bot.coordination, bot.reports, bot.caremap, bot.settings, routing,
knowledge and db."""
