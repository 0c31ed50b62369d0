"""Werkruimte keys: made at random, shown once, stored only as a scrypt hash, checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import cache

KEY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Letters and digits that cannot be mistaken for each other (no I, L, O, 0, 1)."""
KEY_GROUPS = 5
KEY_GROUP_LENGTH = 4
"""A key is five groups of four (about 99 bits), e.g. ``K7QM-2XPA-...``."""

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
"""scrypt cost: about 16 MB and tens of milliseconds per check, so guessing offline is slow too."""
_SCRYPT_MAXMEM = 64 * 1024 * 1024



def new_key() -> str:
    """A fresh werkruimte key in groups (``XXXX-XXXX-XXXX-XXXX-XXXX``)."""
    chars = "".join(secrets.choice(KEY_ALPHABET) for _ in range(KEY_GROUPS * KEY_GROUP_LENGTH))
    return "-".join(chars[i:i + KEY_GROUP_LENGTH] for i in range(0, len(chars), KEY_GROUP_LENGTH))


def normalise_key(key: object) -> str:
    """A typed key as compared: capitals, without spaces and dashes."""
    return "".join(ch for ch in str(key or "").upper() if ch.isalnum())


def _scrypt(key: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(normalise_key(key).encode(), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32)


def hash_key(key: str) -> str:
    """The stored form of a key: ``scrypt$n$r$p$salt$hash`` (base64); the key itself is never stored."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(key, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


@cache
def _dummy_hash() -> str:
    """Checked against when there is no hash, so a missing werkruimte takes as long as a wrong key."""
    return hash_key(new_key())


def verify_key(key: str, stored: str | None) -> bool:
    """True when ``key`` fits the stored hash (always as slow as a real check, also without a hash)."""
    try:
        kind, n, r, p, salt, digest = (stored or _dummy_hash()).split("$")
        if kind != "scrypt":
            raise ValueError(kind)
        actual = _scrypt(key, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        actual, digest = b"", base64.b64encode(b"-").decode()
    return stored is not None and hmac.compare_digest(actual, base64.b64decode(digest))
