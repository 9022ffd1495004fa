"""One frozen `Settings` object with named defaults; nothing is read at import.

| setting         | default      | meaning                                               |
|-----------------|--------------|-------------------------------------------------------|
| connect_timeout | 10 s         | TCP + TLS connect                                     |
| read_timeout    | 20 s         | longest silence between two body chunks               |
| deadline        | 60 s         | whole fetch of one URL, retries excluded              |
| max_bytes       | 10 MB        | cap on the *decompressed* body, enforced while reading |
| max_redirects   | 10           | hops followed (http/https only)                       |
| retries         | 2            | extra attempts on connect errors, timeouts, 429,      |
|                 |              | 500, 502, 503, 504                                    |
| user_agent      | scraper/VER  | sent with every request                               |
| concurrency     | 32           | requests in flight, all hosts                         |
| per_host        | 2            | requests in flight to one host                        |
| delay           | 0 s          | minimum gap between two requests to one host          |
| respect_robots  | True         | fetch and honour robots.txt                           |
| workers         | cores        | extraction processes in a batch                       |
| page_timeout    | 5 s          | extraction guard per page                             |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from scraper import __version__

DEFAULT_USER_AGENT = f"scraper/{__version__} (+https://github.com/scraper/scraper)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def is_header_value(text: str) -> bool:
    """Whether `text` can stand in an HTTP header: httpx writes it as ASCII, and a line
    break would end the header."""
    return text.isascii() and text.isprintable()


@dataclass(frozen=True, slots=True)
class Settings:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 10
    retries: int = 2
    backoff: float = 0.5
    """Base of the exponential backoff between retries, in seconds."""
    max_retry_after: float = 60.0
    """Longest Retry-After we wait for; longer ones fail the URL instead."""
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = 32
    per_host: int = 2
    delay: float = 0.0
    respect_robots: bool = True
    workers: int = field(default_factory=_cores)
    page_timeout: float = 5.0

    def __post_init__(self) -> None:
        # Checked here, not only by the CLI: a library caller's mistake is a clear
        # ValueError now, not an odd failure of every URL later.
        for name in (
            "connect_timeout",
            "read_timeout",
            "deadline",
            "page_timeout",
            "max_bytes",
            "concurrency",
            "per_host",
        ):
            if not getattr(self, name) > 0:
                raise ValueError(f"Settings.{name} must be more than 0, not {getattr(self, name)!r}")
        for name in ("max_redirects", "retries", "backoff", "max_retry_after", "delay", "workers"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"Settings.{name} must be 0 or more, not {getattr(self, name)!r}")
        if not is_header_value(self.user_agent):
            raise ValueError("Settings.user_agent must be printable ASCII (it is an HTTP header)")
