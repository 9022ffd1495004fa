"""Benchmarks (quality, speed) run against the pages in ../shared/bench; see bench/README.md."""
