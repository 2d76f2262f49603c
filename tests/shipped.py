"""The shipped knowledge, loaded once per test process, and its reader compiled once (routing.understand.reader_for).

Loading takes about a second and compiling the reader a few more on a slow machine: paid once, not per module or
per engine. Knowledge is frozen; a test that needs other knowledge builds its own copy."""

from knowledge.loader import load
from routing.understand import reader_for

SHIPPED = load()
READER = reader_for(SHIPPED)
