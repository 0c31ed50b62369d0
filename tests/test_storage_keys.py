"""regie.storage.keys: werkruimte keys are random, typed forgivingly, stored only as a scrypt hash."""

from __future__ import annotations

import re

import pytest

from regie.storage import keys


def test_a_new_key_is_five_groups_without_look_alikes() -> None:
    made = {keys.new_key() for _ in range(200)}
    assert len(made) == 200
    for key in made:
        assert re.fullmatch(r"[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){4}", key), key


@pytest.mark.parametrize(("typed", "fits"), [
    ("K7QM-2XPA-B3CD-EFGH-JK45", True),
    ("k7qm 2xpa b3cd efgh jk45", True),
    (" K7QM2XPAB3CDEFGHJK45 ", True),
    ("K7QM-2XPA-B3CD-EFGH-JK46", False),
    ("K7QM-2XPA-B3CD-EFGH", False),
    ("", False),
])
def test_verify_is_forgiving_about_case_spaces_and_dashes_only(typed: str, fits: bool) -> None:
    stored = keys.hash_key("K7QM-2XPA-B3CD-EFGH-JK45")
    assert keys.verify_key(typed, stored) is fits


def test_the_key_itself_is_never_stored_and_each_hash_is_salted() -> None:
    key = keys.new_key()
    one, two = keys.hash_key(key), keys.hash_key(key)
    assert one != two and key not in one and keys.normalise_key(key) not in one
    kind, n, r, p, _salt, _digest = one.split("$")
    assert (kind, int(n), int(r), int(p)) == ("scrypt", keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P)
    assert keys.SCRYPT_N >= 2**14, "a slow KDF"


@pytest.mark.parametrize("stored", [None, "", "garbage", "bcrypt$1$2$3$4$5", "scrypt$x$8$1$AAAA$AAAA"])
def test_no_or_broken_hash_never_fits(stored: str | None) -> None:
    assert keys.verify_key("K7QM-2XPA-B3CD-EFGH-JK45", stored) is False
