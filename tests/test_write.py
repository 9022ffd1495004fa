import json

from scraper.models import ErrorInfo, Outcome, Record
from scraper.write import json_line, render


def test_json_line_is_one_line_and_round_trips() -> None:
    text = "a\rb\u2028c\u2029d\x00e\nf\ud800g"
    line = json_line(Record(url="u", ok=True, text=text).to_dict())
    assert "\n" not in line and "\u2028" not in line and "\r" not in line
    back = json.loads(line)["text"]
    assert back == "a\rb\u2028c\u2029d\x00e\nf\ufffdg"
    line.encode("utf-8")  # no lone surrogate survives


def test_error_key_only_on_failures() -> None:
    assert "error" not in Record(url="u", ok=True).to_dict()
    failed = Record(url="u", error=ErrorInfo(type="ConnectError", message="refused")).to_dict()
    assert failed["error"] == {"type": "ConnectError", "message": "refused"}
    assert failed["text"] is None


def test_text_and_markdown_formats() -> None:
    outcome = Outcome(Record(url="u", ok=True, title="T", text="Para"), markdown="## H\n\nPara")
    assert render(outcome, "text") == "Para"
    assert render(outcome, "markdown") == "# T\n\n## H\n\nPara"
    assert render(Outcome(Record(url="u")), "text") == ""
