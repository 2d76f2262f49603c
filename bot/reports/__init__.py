"""The performance report for the city's regular meetings (Markdown, CSV, charts). May import
bot.coordination (its texts), bot.settings, knowledge and db."""
