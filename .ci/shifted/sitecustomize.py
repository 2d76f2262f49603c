"""CI only: every Python process started with this folder on PYTHONPATH sees the wall clock moved to a Sunday
08:30 in Korea (Saturday 23:30 UTC), ticking from there. Monotonic time stays real, so timeouts and asyncio work.
A test that passes on a weekday and fails here reads the real clock somewhere."""

import time_machine

time_machine.travel("2027-01-02T23:30:00+00:00", tick=True).start()
