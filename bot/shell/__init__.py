"""The application shell: assembly of one lifespan, the web server, the CLI, the event loop and garbage-collector
pacing. May import every other bot package; nothing imports the shell."""
