"""The care map (돌봄 지도): the self-contained page, its web route and its command. May import bot.dialog
(opening hours in words), bot.settings and knowledge."""
