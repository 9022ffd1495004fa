"""A small, reproducible sample of the fuzz campaign (`scripts/fuzz.py`, `make fuzz`).

Every input, however broken, must give a record or an error record, as one
valid JSON line, within a generous time budget, and nothing may escape. The
seeds are benchmark pages when ../shared/bench is there (a fixed sample of
small ones) and built-in pages otherwise, so the suite runs anywhere.
Hypothesis is derandomized: the same checkout draws the same inputs.

The extreme sizes (100,000-deep nesting, a 20 MB text node) are in
`tests/test_hostile.py`; here the mutations run at `SMALL` scale.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.fuzz import (
    BUILTIN_SEEDS,
    DEFAULT_BENCH,
    MUTATIONS,
    SMALL,
    TAGS,
    Result,
    SeedSet,
    bench_pages,
    random_document,
    run_case,
)

BUDGET = 10.0
"""CPU seconds one case may take here: far above what any SMALL input needs, far below a
hang. CPU time, not wall clock, so a loaded CI machine cannot make the test flaky."""
BENCH_SAMPLE = 12
SAMPLE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _seeds() -> SeedSet:
    """Built-in seeds, plus a fixed sample of the smallest benchmark pages if present."""
    if not DEFAULT_BENCH.is_dir():
        return SeedSet()
    pages = sorted(bench_pages(DEFAULT_BENCH), key=lambda p: (p.stat().st_size, str(p)))
    return SeedSet(tuple(pages[:: max(1, len(pages) // (BENCH_SAMPLE * 4))][:BENCH_SAMPLE]))


SEEDS = _seeds()


def assert_contract(result: Result) -> None:
    assert result.crash is None, result.crash
    assert result.ok is not None
    assert result.cpu < BUDGET, f"{result.cpu:.1f} CPU s"
    assert not result.json_problems, result.json_problems


def test_builtin_seeds_extract_cleanly() -> None:
    for index in range(len(BUILTIN_SEEDS)):
        result = run_case(SEEDS.get(index))
        assert_contract(result)
        assert result.ok


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
@pytest.mark.parametrize("rng_seed", [0, 1])
def test_every_mutation_kind(kind: str, rng_seed: int) -> None:
    """Each kind at least twice, on a built-in seed, whatever hypothesis draws below."""
    data = MUTATIONS[kind](SEEDS.get(rng_seed % len(BUILTIN_SEEDS)), random.Random(rng_seed), SMALL)
    assert_contract(run_case(data))


@settings(SAMPLE, max_examples=150)
@given(
    kind=st.sampled_from(sorted(MUTATIONS)),
    seed_index=st.integers(0, len(SEEDS) - 1),
    rng_seed=st.integers(0, 2**32),
    twice=st.booleans(),
)
def test_mutated_pages(kind: str, seed_index: int, rng_seed: int, twice: bool) -> None:
    rng = random.Random(rng_seed)
    data = MUTATIONS[kind](SEEDS.get(seed_index), rng, SMALL)
    if twice:  # mutations compose: a truncated page with NULs, a frameset without a body, ...
        data = MUTATIONS[rng.choice(sorted(MUTATIONS))](data, rng, SMALL)
    assert_contract(run_case(data))


_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)  # lone surrogates included
_NODE: st.SearchStrategy[str] = st.deferred(
    lambda: st.one_of(
        _TEXT,
        st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&#x110000;", "<!--", "]]>", "<", "\r\n", "\u2028"]),
        st.tuples(
            st.sampled_from(TAGS),
            st.lists(st.tuples(st.sampled_from(["class", "id", "lang", "content", "x"]), _TEXT), max_size=3),
            st.lists(_NODE, max_size=4),
            st.booleans(),
        ).map(_element),
    )
)


def _element(parts: tuple[str, list[tuple[str, str]], list[str], bool]) -> str:
    tag, attrs, children, closed = parts
    attributes = "".join(f' {name}="{value}"' for name, value in attrs)
    return f"<{tag}{attributes}>" + "".join(children) + (f"</{tag}>" if closed else "")


@SAMPLE
@given(st.lists(_NODE, max_size=8).map("".join))
@example("<frameset><frame src=x></frameset>")
@example("<svg><foreignObject><p>a</p></svg></math><table><td>" * 50)
def test_random_markup(html: str) -> None:
    # surrogatepass: lone surrogates become invalid UTF-8 bytes, as on a broken page.
    assert_contract(run_case(html.encode("utf-8", "surrogatepass")))


@SAMPLE
@given(st.binary(max_size=2000))
@example(b"\x1f\x8b")
@example(b"\xff\xfe<\x00p\x00>\x00")
@example(b"\xef\xbb\xbf\x00\x00")
def test_arbitrary_bytes(data: bytes) -> None:
    assert_contract(run_case(data))


@SAMPLE
@given(st.integers(0, 2**32))
def test_tag_soup(rng_seed: int) -> None:
    assert_contract(run_case(random_document(random.Random(rng_seed), 300)))


def test_suite_runs_without_the_bench_folder(tmp_path: Path) -> None:
    """The fallback the suite relies on when ../shared is absent."""
    from scripts.fuzz import seed_set

    assert len(seed_set(tmp_path / "missing")) == len(BUILTIN_SEEDS)
    assert len(seed_set(None)) == len(BUILTIN_SEEDS)


def test_the_oracle_sees_an_escaping_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fuzz harness that cannot fail is worse than none."""
    import scripts.fuzz

    def boom(page: object) -> None:
        raise TypeError("escaped")

    monkeypatch.setattr(scripts.fuzz, "record_from_page", boom)
    result = run_case(BUILTIN_SEEDS[0])
    assert result.crash is not None and "TypeError: escaped" in result.crash


def test_the_oracle_sees_a_line_that_is_not_one_line() -> None:
    from scripts.fuzz import json_problems

    record = {"url": "u\x85v", "text": "t"}
    assert any("U+0085" in problem for problem in json_problems('{"url": "u\x85v", "text": "t"}', record))
    assert any("read back" in problem for problem in json_problems('{"url": "u", "text": "t"}', record))


def test_a_small_campaign_runs_in_worker_processes() -> None:
    from scripts.fuzz import run_campaign

    report = run_campaign(6, 1, None, 1, guard=BUDGET, kill_after=60, progress=lambda _: None)
    assert sum(report.tried.values()) == 6
    assert not [f for f in report.findings if f.category != "slow"]
