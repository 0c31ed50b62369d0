"""regie.gcpause: the collector is off inside a pause, back on after the last one, and left alone
when it was already off."""

from __future__ import annotations

import gc
import threading

import pytest

from regie import gcpause


@pytest.fixture(autouse=True)
def _collector_on() -> None:
    gc.enable()
    yield
    gc.enable()


def test_a_pause_turns_the_collector_off_and_on_again() -> None:
    with gcpause.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outer_one() -> None:
    with gcpause.paused():
        with gcpause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the inner pause ending must not start the collector"
    assert gc.isenabled()


def test_an_error_inside_still_ends_the_pause() -> None:
    with pytest.raises(ValueError), gcpause.paused():
        raise ValueError("x")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with gcpause.paused():
        pass
    assert not gc.isenabled()


def test_pauses_in_two_threads_end_when_both_have_ended() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with gcpause.paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with gcpause.paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled(), "the other thread is still in its pause"
    release.set()
    thread.join(5)
    assert gc.isenabled()
