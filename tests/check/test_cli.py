"""``pdsa check`` through the real CLI: formats, exit codes, rule selection, paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_logs import build, write
from support import Run

from pdsa.check.rules import RULES

TEXTS = "projects/clinic/cycles/texts.toml"
CALLS = "projects/clinic/cycles/calls.toml"


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = build("valid", tmp_path)
    monkeypatch.chdir(root)
    return root


def _case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = build(case, tmp_path)
    monkeypatch.chdir(root)
    return root


# --- exit codes and the text report -----------------------------------------------------


def test_a_clean_log_exits_0_with_a_one_line_summary(clean: Path, run: Run) -> None:
    outcome = run("check")
    assert outcome.exit_code == 0
    assert outcome.stdout == "Checked 5 files: no problems.\n"


def test_errors_exit_1_and_read_as_path_line_col_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("unknown-follows", tmp_path, monkeypatch)
    outcome = run("check")
    assert outcome.exit_code == 1
    assert outcome.stdout == (
        f"{TEXTS}:4:11: P401 error: follows 'call', but project 'clinic' has no such cycle\n"
        "    hint: did you mean 'calls'?\n"
        "\n"
        "Checked 5 files: 1 error, 0 warnings.\n"
    )


def test_text_is_grouped_by_file_with_a_blank_line_between(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("ramp-loop", tmp_path, monkeypatch)
    lines = run("check").stdout.splitlines()
    assert lines[0].startswith(f"{CALLS}:4:11: P407 error: the ramp loops: calls -> texts")
    assert lines[1].startswith("    hint: ")
    assert lines[2] == ""
    assert lines[3].startswith(f"{TEXTS}:4:11: P407 error")
    assert lines[-1] == "Checked 5 files: 2 errors, 0 warnings."


def test_warnings_alone_exit_0_but_1_with_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("unknown-next", tmp_path, monkeypatch)
    outcome = run("check")
    assert outcome.exit_code == 0
    assert outcome.stdout.endswith("Checked 5 files: 0 errors, 1 warning.\n")
    assert run("check", "--strict").exit_code == 1


def test_no_log_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = run("check")
    assert outcome.exit_code == 2
    assert "no pdsa log here" in outcome.stderr
    assert outcome.stdout == ""


def test_a_root_without_a_log_is_a_usage_error(tmp_path: Path, run: Run) -> None:
    assert run("--root", str(tmp_path), "check").exit_code == 2


def test_an_invalid_pdsa_today_is_a_usage_error(clean: Path, run: Run) -> None:
    outcome = run("check", env={"PDSA_TODAY": "someday"})
    assert outcome.exit_code == 2
    assert "PDSA_TODAY" in outcome.stderr


def test_control_characters_in_user_text_are_shown_not_obeyed(clean: Path, run: Run) -> None:
    path = clean / TEXTS
    path.write_text(
        path.read_text("utf-8").replace("[plan]", '"\\u001b[2Jwipe" = 1\n\n[plan]'), "utf-8"
    )
    outcome = run("check")
    assert outcome.exit_code == 1
    assert "\x1b" not in outcome.stdout
    assert "\\x1b[2Jwipe" in outcome.stdout


# --- JSON ---------------------------------------------------------------------------------


def test_json_is_one_document_with_findings_and_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("unknown-follows", tmp_path, monkeypatch)
    outcome = run("check", "--format", "json")
    assert outcome.exit_code == 1
    document = json.loads(outcome.stdout)
    assert document == {
        "findings": [
            {
                "file": TEXTS,
                "line": 4,
                "column": 11,
                "code": "P401",
                "severity": "error",
                "message": "follows 'call', but project 'clinic' has no such cycle",
                "hint": "did you mean 'calls'?",
            }
        ],
        "summary": {"files": 5, "errors": 1, "warnings": 0},
    }


def test_json_of_a_clean_log(clean: Path, run: Run) -> None:
    outcome = run("check", "--format", "json")
    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout) == {
        "findings": [],
        "summary": {"files": 5, "errors": 0, "warnings": 0},
    }


def test_json_gives_end_line_for_a_span_over_lines(clean: Path, run: Run) -> None:
    path = clean / TEXTS
    text = path.read_text("utf-8")
    do = '[do]\ndate = 2026-02-20\nas_planned = true\nobservations = """\nDOB 12 March\n1985"""\n'
    path.write_text(f"{text}\n{do}", "utf-8")
    findings = json.loads(run("check", "--format", "json").stdout)["findings"]
    spans = [
        (item["code"], item["line"], item["column"], item.get("end_line")) for item in findings
    ]
    assert spans == [("P702", 24, 5, 25)]


# --- GitHub Actions -----------------------------------------------------------------------


def test_github_prints_one_workflow_command_per_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("shared-follows", tmp_path, monkeypatch)
    outcome = run("check", "--format", "github", env={"GITHUB_WORKSPACE": ""})
    assert outcome.exit_code == 0
    assert outcome.stdout.splitlines() == [
        "::warning file=projects/clinic/cycles/leaflets.toml,line=3,col=11,title=P408::"
        "'calls' is also followed by 'texts'%0A"
        "hint: fine for parallel tests; otherwise make one follow the other",
        f"::warning file={TEXTS},line=4,col=11,title=P408::"
        "'calls' is also followed by 'leaflets'%0A"
        "hint: fine for parallel tests; otherwise make one follow the other",
    ]
    assert outcome.stderr.strip() == "Checked 6 files: 0 errors, 2 warnings."


def test_github_paths_start_at_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("unknown-follows", tmp_path, monkeypatch)
    outcome = run("check", "--format", "github", env={"GITHUB_WORKSPACE": str(tmp_path)})
    assert outcome.stdout.startswith(f"::error file=log/{TEXTS},line=4,col=11,title=P401::")


def test_github_escapes_properties_and_data(clean: Path, run: Run) -> None:
    write(clean, "projects/clinic/cycles/odd,name:100%.toml", "schema_version = 1\n")
    line = next(
        text for text in run("check", "--format", "github").stdout.splitlines() if "P303" in text
    )
    assert line.startswith("::error file=projects/clinic/cycles/odd%2Cname%3A100%25.toml,")
    assert "'odd,name:100%25'" in line  # in the message only % is escaped


# --- rule selection -----------------------------------------------------------------------


def test_select_and_ignore_take_codes_and_prefixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    root = _case("unknown-follows", tmp_path, monkeypatch)
    write(root, "projects/clinic/notes.txt", "notes\n")  # a P306 warning as well

    def codes(*options: str) -> list[str]:
        findings = json.loads(run("check", "--format", "json", *options).stdout)["findings"]
        return sorted(item["code"] for item in findings)

    assert codes() == ["P306", "P401"]
    assert codes("--select", "P4") == ["P401"]
    assert codes("--select", "p401,P306") == ["P306", "P401"]
    assert codes("--select", "P4", "--select", "P3") == ["P306", "P401"]
    assert codes("--ignore", "P401") == ["P306"]
    assert codes("--select", "P3,P4", "--ignore", "P306") == ["P401"]
    assert run("check", "--ignore", "P401").exit_code == 0


def test_an_unknown_code_is_a_usage_error(clean: Path, run: Run) -> None:
    outcome = run("check", "--select", "P999")
    assert outcome.exit_code == 2
    assert "P999" in outcome.stderr


def test_list_rules_shows_every_rule_without_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = run("check", "--list-rules")
    assert outcome.exit_code == 0
    listed = [line.split()[0] for line in outcome.stdout.splitlines()]
    assert listed == list(RULES)
    assert "P401  error    references" in outcome.stdout
    rules = json.loads(run("check", "--list-rules", "--format", "json").stdout)
    assert [rule["code"] for rule in rules] == list(RULES)
    assert rules[0] == {
        "code": "P001",
        "severity": "error",
        "family": "syntax and encoding",
        "summary": "not valid TOML",
    }
    assert [
        rule["code"]
        for rule in json.loads(
            run("check", "--list-rules", "--format", "json", "--select", "P7").stdout
        )
    ] == ["P701", "P702", "P703", "P704", "P705", "P706", "P901"]  # P901 is always on


# --- paths --------------------------------------------------------------------------------


def test_paths_limit_the_report_but_references_see_the_whole_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    root = _case("ramp-loop", tmp_path, monkeypatch)
    write(root, "projects/clinic/notes.txt", "notes\n")
    document = json.loads(run("check", "--format", "json", TEXTS).stdout)
    assert [(item["code"], item["file"]) for item in document["findings"]] == [("P407", TEXTS)]
    assert document["summary"]["files"] == 1
    folder = json.loads(run("check", "--format", "json", "projects/clinic/cycles").stdout)
    assert {item["file"] for item in folder["findings"]} == {TEXTS, CALLS}
    assert folder["summary"]["files"] == 2


def test_the_root_is_found_from_the_path_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    root = build("unknown-follows", tmp_path)
    monkeypatch.chdir(tmp_path)  # above the log, as pre-commit runs from a repository root
    outcome = run("check", str(root.relative_to(tmp_path) / TEXTS))
    assert outcome.exit_code == 1
    assert outcome.stdout.startswith(f"{TEXTS}:4:11: P401")


def test_a_path_outside_the_log_is_a_usage_error(clean: Path, tmp_path: Path, run: Run) -> None:
    outside = write(tmp_path, "elsewhere.toml", "")
    outcome = run("check", TEXTS, str(outside))
    assert outcome.exit_code == 2
    assert "not inside the log" in outcome.stderr


def test_a_missing_path_is_a_usage_error(clean: Path, run: Run) -> None:
    outcome = run("check", "projects/nowhere")
    assert outcome.exit_code == 2
    assert "no such file or folder" in outcome.stderr


def test_the_whole_log_when_the_root_is_named(clean: Path, run: Run) -> None:
    assert run("check", ".").stdout == "Checked 5 files: no problems.\n"


# --- privacy at the command line ------------------------------------------------------------


def test_privacy_findings_are_warnings_and_errors_with_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    _case("privacy-nhs-number", tmp_path, monkeypatch)
    outcome = run("check", "--format", "json")
    assert outcome.exit_code == 0
    (finding,) = json.loads(outcome.stdout)["findings"]
    assert (finding["code"], finding["severity"]) == ("P701", "warning")
    strict = run("check", "--format", "json", "--strict")
    assert strict.exit_code == 1
    (finding,) = json.loads(strict.stdout)["findings"]
    assert finding["severity"] == "error"
    assert json.loads(strict.stdout)["summary"]["errors"] == 1


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_no_output_shows_an_identifier_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run, output_format: str
) -> None:
    root = _case("privacy-nhs-number", tmp_path, monkeypatch)
    # The same number as a key and as a reference too, where messages echo names.
    path = root / TEXTS
    path.write_text(
        path.read_text("utf-8").replace('follows = "calls"', 'follows = "9434765919"'), "utf-8"
    )
    outcome = run("check", "--format", output_format)
    shown = outcome.stdout + outcome.stderr
    assert "943 476 5919" not in shown
    assert "9434765919" not in shown
    assert "*** *** **19" in shown


def test_a_record_called_readme_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from pdsa.cli.main import app

    runner = CliRunner()
    root = tmp_path / "log"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    monkeypatch.chdir(root)
    assert runner.invoke(app, ["project", "new", "P", "--aim", "a", "--lead", "b"]).exit_code == 0
    assert runner.invoke(app, ["plan", "Readme", "--objective", "o"]).exit_code == 0
    readme = root / "projects" / "p" / "cycles" / "readme.toml"
    readme.write_text(readme.read_text() + "\nbroken = [\n")
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1
    assert any(
        f["file"].endswith("cycles/readme.toml") for f in json.loads(result.stdout)["findings"]
    )


def test_an_identifier_in_a_comment_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from pdsa.cli.main import app

    runner = CliRunner()
    root = tmp_path / "log"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    monkeypatch.chdir(root)
    assert runner.invoke(app, ["project", "new", "P", "--aim", "a", "--lead", "b"]).exit_code == 0
    assert runner.invoke(app, ["plan", "X", "--objective", "o"]).exit_code == 0
    cycle = root / "projects" / "p" / "cycles" / "x.toml"
    cycle.write_text(cycle.read_text() + "# call back on 943 476 5919\n")
    result = runner.invoke(app, ["check", "--format", "json"])
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "P701"]
    assert [(f["line"], f["column"], f["message"]) for f in found] == [
        (8, 16, "a comment looks like an NHS number with a valid check digit (*** *** **19)")
    ]
    assert "943 476 5919" not in result.stdout
