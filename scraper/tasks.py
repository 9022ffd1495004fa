"""Telling a task's own cancellation from a `CancelledError` that reached it from
elsewhere (a shared future another task gave up on)."""

from __future__ import annotations

import asyncio


def cancelling() -> bool:
    """Whether the running task has been asked to stop (`Task.cancel`), as opposed to
    merely seeing a `CancelledError` from something it awaited."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0
