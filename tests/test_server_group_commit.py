"""Group commit (app/server/group.py): work queued while a group runs is done as the next group,
each caller gets its own answer, and a failing group falls back to each item alone."""

from __future__ import annotations

import threading

import pytest

from app.server.group import GroupCommit


class Recorder:
    def __init__(self, bad: set[int] | None = None) -> None:
        self.groups: list[list[int]] = []
        self.alone: list[int] = []
        self.first_group_started = threading.Event()
        self.release_first = threading.Event()
        self.bad = bad or set()

    def together(self, key: str, items: list[int]) -> list[tuple[str, str]]:
        self.groups.append(list(items))
        if any(item in self.bad for item in items):
            raise RuntimeError("one bad item spoils the group")
        return [(f"{key}:{item}", f"group of {len(items)}") for item in items]

    def one(self, key: str, item: int) -> tuple[str, str]:
        if len(self.groups) + len(self.alone) == 0:
            self.first_group_started.set()
            assert self.release_first.wait(10)
        self.alone.append(item)
        if item in self.bad:
            raise ValueError(f"item {item} is bad")
        return f"{key}:{item}", "alone"


def _submit_all(
    groups: GroupCommit[int, tuple[str, str]], recorder: Recorder, items: list[int]
) -> dict[int, object]:
    """The first item holds the lead (blocked) while the rest queue; then everything runs."""
    answers: dict[int, object] = {}

    def submit(item: int) -> None:
        try:
            answers[item] = groups.submit("office", item)
        except Exception as exc:
            answers[item] = exc

    first = threading.Thread(target=submit, args=(items[0],))
    first.start()
    assert recorder.first_group_started.wait(10)
    others = [threading.Thread(target=submit, args=(item,)) for item in items[1:]]
    for thread in others:
        thread.start()
    while sum(len(queue) for queue in groups._queues.values()) < len(items) - 1:
        threading.Event().wait(0.01)  # every item is queued behind the first
    recorder.release_first.set()
    for thread in [first, *others]:
        thread.join(10)
        assert not thread.is_alive(), "a waiter was never answered"
    return answers


def test_items_queued_behind_a_running_group_are_done_together() -> None:
    recorder = Recorder()
    groups: GroupCommit[int, tuple[str, str]] = GroupCommit(recorder.together, recorder.one)
    answers = _submit_all(groups, recorder, [1, 2, 3, 4, 5])
    assert recorder.alone == [1]
    assert [sorted(group) for group in recorder.groups] == [[2, 3, 4, 5]]
    assert answers[1] == ("office:1", "alone")
    for item in (2, 3, 4, 5):
        assert answers[item] == (f"office:{item}", "group of 4")
    assert groups._queues == {} and groups._leading == set()


def test_a_failing_group_is_done_item_by_item_and_only_the_bad_item_fails() -> None:
    recorder = Recorder(bad={3})
    groups: GroupCommit[int, tuple[str, str]] = GroupCommit(recorder.together, recorder.one)
    answers = _submit_all(groups, recorder, [1, 2, 3, 4])
    assert len(recorder.groups) == 1
    assert sorted(recorder.alone) == [1, 2, 3, 4]
    assert isinstance(answers[3], ValueError)
    for item in (1, 2, 4):
        assert answers[item] == (f"office:{item}", "alone")


def test_groups_are_cut_at_the_limit() -> None:
    recorder = Recorder()
    groups: GroupCommit[int, tuple[str, str]] = GroupCommit(
        recorder.together, recorder.one, size=lambda item: 10, limit=25
    )
    answers = _submit_all(groups, recorder, [1, 2, 3, 4, 5, 6])
    assert all(len(group) <= 2 for group in recorder.groups)
    done = sorted(item for group in recorder.groups for item in group) + recorder.alone
    assert sorted(done) == [1, 2, 3, 4, 5, 6]
    assert all(not isinstance(answer, Exception) for answer in answers.values())


def test_different_keys_do_not_wait_for_each_other() -> None:
    started = threading.Event()
    release = threading.Event()

    def one(key: str, item: int) -> tuple[str, str]:
        if key == "slow":
            started.set()
            assert release.wait(10)
        return f"{key}:{item}", ""

    groups: GroupCommit[int, tuple[str, str]] = GroupCommit(lambda key, items: [], one)
    slow = threading.Thread(target=groups.submit, args=("slow", 1))
    slow.start()
    assert started.wait(10)
    assert groups.submit("fast", 2) == ("fast:2", "")  # answered while "slow" still runs
    release.set()
    slow.join(10)


def test_an_error_reaches_the_caller_that_caused_it() -> None:
    def one(key: str, item: int) -> tuple[str, str]:
        raise LookupError("office not found")

    groups: GroupCommit[int, tuple[str, str]] = GroupCommit(lambda key, items: [], one)
    with pytest.raises(LookupError, match="office not found"):
        groups.submit("gone", 1)
    assert groups._leading == set()
