"""What every channel does to text from outside before anything else sees it: lone surrogates become U+FFFD."""

from __future__ import annotations

import dataclasses
import re

from bot.dialog.core import Address, Inbound

# A Python str holds a UTF-16 surrogate only unpaired (JSON "\ud800", a terminal's surrogateescape): it cannot be
# encoded as UTF-8, so the database, the log and every other parent's turn in the same write would pay for it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def cleaned(inbound: Inbound) -> Inbound:
    """``inbound`` with every text field (user id, text, choice, phone) encodable."""
    address = Address(inbound.address.channel, clean(inbound.address.user))
    return dataclasses.replace(
        inbound, address=address, text=clean(inbound.text),
        choice=None if inbound.choice is None else clean(inbound.choice),
        phone=None if inbound.phone is None else clean(inbound.phone),
    )
