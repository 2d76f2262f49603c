"""돌봄이음's application: the dialog, its channels, coordination, reports, the care map and the shell.
Packages import one way: channels, coordination, reports and caremap use dialog; shell assembles them all;
bot.settings is shared by every package. Nothing in routing, knowledge or db imports bot."""
