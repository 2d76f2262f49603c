"""The knowledge loader and `dolbom check-knowledge`: the shipped files validate, every bad edit is located."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from bot.settings import Settings
from knowledge import check
from knowledge.loader import DEFAULT_DIR, FILES, KnowledgeError, Problem, load
from knowledge.schema import Kind, School
from tests.yaml_edits import edit, shipped


def only_problem(directory: Path) -> Problem:
    with pytest.raises(KnowledgeError) as caught:
        load(directory)
    assert len(caught.value.problems) == 1, str(caught.value)
    return caught.value.problems[0]


def test_shipped_knowledge_validates() -> None:
    knowledge = load()
    ids = [s.id for s in knowledge.services]
    assert ids == ["mom-center", "daycare-365", "home-care", "after-school", "emergency-119", "toy-library",
                   "other-dept"]
    assert len(knowledge.places) == 22
    assert set(knowledge.situations) >= {"danger", "emergency", "sick", "at_home"}
    daycare = knowledge.service("daycare-365")
    assert daycare.kind is Kind.FACILITY and daycare.ages.school is School.NEVER
    assert daycare.hours.on("mon").label() == "07:30-24:00"
    assert daycare.hours.on("holiday").label() == "09:00-18:00"
    assert knowledge.service("emergency-119").hours.on("sun").label() == "00:00-24:00"
    yulgok = next(s for s in knowledge.service("after-school").sites if s.id == "after-school-yulgok")
    assert knowledge.service("after-school").hours_at(yulgok).on("sat").label() == "09:00-18:00"
    assert knowledge.service("after-school").hours.on("sat") is None
    assert knowledge.place("율곡동").aliases[:2] == ("김천혁신도시", "혁신도시")
    assert knowledge.service("after-school").hours_at(None, vacation=True).on("mon").label() == "09:00-18:00"
    assert knowledge.service("daycare-365").hours_at(None, vacation=True) == daycare.hours  # no vacation hours


def test_other_yaml_files_in_the_directory_are_ignored(tmp_path: Path) -> None:
    shipped(tmp_path)
    (tmp_path / "coordinators.yaml").write_text("coordinators: [{oops: ", encoding="utf-8")
    assert len(load(tmp_path).services) == 7


def test_wrong_type_names_file_service_field_and_line(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", "ages: {min_months: 6,", "ages: {min_months: six,")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.line, problem.entry, problem.field) == (
        "services.yaml", line, "서비스 'daycare-365'", "ages.min_months")
    assert str(problem).startswith(
        f"services.yaml {line}행: 서비스 'daycare-365' 의 ages.min_months: Input should be a valid integer")
    assert "'six'" in str(problem)


def test_unknown_field_is_refused_with_its_name(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", "    kind: home\n", "    kind: home\n    colour: red\n") + 1
    problem = only_problem(tmp_path)
    assert (problem.line, problem.entry, problem.field) == (line, "서비스 'home-care'", "colour")
    assert "Extra inputs are not permitted" in problem.detail and "모르는 항목" in problem.detail


def test_bad_hours_span_points_at_the_span_inside_a_site(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", 'weekdays: "14:00-24:00"', 'weekdays: "14:00-25:00"')
    problem = only_problem(tmp_path)
    assert problem.entry == "서비스 'after-school' 사이트 'after-school-yulgok'"
    assert (problem.field, problem.line) == ("hours", line)
    assert "'14:00-25:00'" in problem.detail


def test_unknown_day_in_hours_points_at_the_key(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", '      tue: "10:00-17:00"', '      tues: "10:00-17:00"')
    problem = only_problem(tmp_path)
    assert (problem.entry, problem.field, problem.line) == ("서비스 'toy-library'", "hours", line)
    assert "'tues'" in problem.detail


def test_unknown_area_on_a_site(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", "area: 개령면", "area: 개령")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.line, problem.field) == ("services.yaml", line, "area")
    assert problem.entry == "서비스 'daycare-365' 사이트 'daycare-365-gaeryeong'"
    assert "'개령'" in problem.detail and "places.yaml" in problem.detail


def test_unknown_situation_in_first_for(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", "first_for: [sick, at_home]", "first_for: [sick, at_hom]")
    problem = only_problem(tmp_path)
    assert (problem.line, problem.entry, problem.field) == (line, "서비스 'home-care'", "routing.first_for[1]")
    assert "'at_hom'" in problem.detail and "at_home" in problem.detail


def test_repeated_service_id(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", "  - id: toy-library\n", "  - id: home-care\n")
    problem = only_problem(tmp_path)
    assert (problem.line, problem.field) == (line, "id")
    assert "'home-care'" in problem.detail


def test_place_errors_name_the_place(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "places.yaml", "{name: 지좌동, lat: 36.1191,", "{name: 지좌동, lat: 46.1191,")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.line, problem.entry, problem.field) == ("places.yaml", line, "장소 '지좌동'", "lat")


def test_duplicate_key_is_refused_with_both_lines(tmp_path: Path) -> None:
    path = shipped(tmp_path) / "services.yaml"
    span = '      weekdays: "07:30-24:00"\n'
    first = edit(path, span, span + '      weekdays: "09:00-18:00"\n')
    problem = only_problem(tmp_path)
    assert (problem.file, problem.line, problem.field) == ("services.yaml", first + 1, "weekdays")
    assert f"{first}행" in problem.detail


def test_yaml_syntax_error_gives_file_and_line(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "places.yaml", "{name: 감문면, lat: 36.2227, lon: 128.1755}",
                "{name: 감문면, lat: 36.2227, lon: 128.1755")
    problem = only_problem(tmp_path)
    assert problem.file == "places.yaml" and problem.line in (line, line + 1)
    assert problem.detail.startswith("YAML 문법 오류")


def test_missing_file_says_which(tmp_path: Path) -> None:
    (shipped(tmp_path) / "places.yaml").unlink()
    problem = only_problem(tmp_path)
    assert problem.file == "places.yaml" and problem.line is None
    assert "파일이 없습니다" in problem.detail and str(tmp_path / "places.yaml") in problem.detail


def test_missing_required_field_points_at_the_entry(tmp_path: Path) -> None:
    line = edit(shipped(tmp_path) / "services.yaml", "    name: 다함께돌봄센터\n", "")
    problem = only_problem(tmp_path)
    assert (problem.entry, problem.field) == ("서비스 'after-school'", "name")
    assert problem.line == line - 1 and "Field required" in problem.detail


def test_every_error_is_reported_in_file_order(tmp_path: Path) -> None:
    path = shipped(tmp_path) / "services.yaml"
    lines = [
        edit(path, "ages: {min_months: 6,", "ages: {min_months: six,"),
        edit(path, "area: 개령면", "area: 개령"),
        edit(path, "first_for: [sick, at_home]", "first_for: [sik, at_home]"),
        edit(path, "    lead_minutes: 120\n", "    lead_minutes: soon\n"),
    ]
    edit(tmp_path / "places.yaml", "{name: 지좌동, lat: 36.1191,", "{name: 지좌동, lat: 46.1191,")
    with pytest.raises(KnowledgeError) as caught:
        load(tmp_path)
    problems = caught.value.problems
    assert [(p.file, p.line) for p in problems][:4] == [("services.yaml", line) for line in sorted(lines)]
    assert problems[-1].file == "places.yaml" and len(problems) == 5
    assert str(caught.value).count("\n") == 4


def test_utf8_is_required(tmp_path: Path) -> None:
    path = shipped(tmp_path) / "places.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp949"))
    problem = only_problem(tmp_path)
    assert problem.file == "places.yaml" and "UTF-8" in problem.detail


def check_cli(argv: list[str], settings: Settings) -> int:
    parser = argparse.ArgumentParser()
    check.add_arguments(parser)
    return check.run(parser.parse_args(argv), settings)


def test_check_knowledge_passes_the_shipped_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_cli([], Settings(knowledge_dir=DEFAULT_DIR)) == 0
    out = capsys.readouterr().out
    assert "서비스 7개, 사이트 12개, 장소 22개: 문제 없음" in out


def test_check_knowledge_lists_every_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shipped(tmp_path) / "services.yaml"
    line = edit(path, "area: 개령면", "area: 개령")
    edit(path, "    lead_minutes: 120\n", "    lead_minutes: soon\n")
    assert check_cli([str(tmp_path)], Settings()) == 1
    out = capsys.readouterr().out
    assert f"services.yaml {line}행: 서비스 'daycare-365' 사이트 'daycare-365-gaeryeong' 의 area:" in out
    assert "서비스 'home-care' 의 lead_minutes:" in out
    assert "문제 2개" in out and "Traceback" not in out


def test_check_knowledge_defaults_to_the_settings_directory(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (shipped(tmp_path) / "places.yaml").unlink()
    assert check_cli([], Settings(knowledge_dir=tmp_path)) == 1
    assert "places.yaml: 파일이 없습니다" in capsys.readouterr().out


def test_check_knowledge_takes_a_single_draft_with_the_shipped_partner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "services-draft.yaml"
    shutil.copy(DEFAULT_DIR / "services.yaml", draft)
    assert check_cli([str(draft)], Settings()) == 0
    assert "문제 없음" in capsys.readouterr().out
    line = edit(draft, "area: 개령면", "area: 개령")
    assert check_cli([str(draft)], Settings()) == 1
    assert f"services-draft.yaml {line}행:" in capsys.readouterr().out


def test_check_knowledge_takes_a_single_file_with_its_neighbour(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    line = edit(shipped(tmp_path) / "places.yaml", "{name: 지좌동, lat: 36.1191,", "{name: 지좌동, lat: 46.1191,")
    assert check_cli([str(tmp_path / "services.yaml")], Settings()) == 1
    assert f"places.yaml {line}행: 장소 '지좌동' 의 lat:" in capsys.readouterr().out


def test_check_knowledge_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    pytest.importorskip("bot.channels.terminal", reason="the CLI imports every command module; chat is not there yet")
    pytest.importorskip("bot.shell.serve", reason="the CLI imports every command module; serve is not there yet")
    from bot.shell.cli import main

    monkeypatch.setenv("DOLBOM_KNOWLEDGE_DIR", str(shipped(tmp_path)))
    assert main(["check-knowledge"]) == 0
    assert "문제 없음" in capsys.readouterr().out
    edit(tmp_path / "services.yaml", "area: 개령면", "area: 개령")
    assert main(["check-knowledge"]) == 1
    assert "'개령'" in capsys.readouterr().out


def test_situations_the_engine_needs_cannot_be_removed(tmp_path: Path) -> None:
    path = shipped(tmp_path) / "services.yaml"
    edit(path, "  sick:\n    label: 아픈 아이\n", "  ill:\n    label: 아픈 아이\n")
    edit(path, "first_for: [sick, at_home]", "first_for: [ill, at_home]")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == ("services.yaml", "situations") and "'sick'" in problem.detail


def test_a_key_in_both_files_is_refused(tmp_path: Path) -> None:
    (shipped(tmp_path) / "places.yaml").write_text(
        (tmp_path / "places.yaml").read_text(encoding="utf-8") + "night_from: '20:00'\n", encoding="utf-8")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == ("places.yaml", "night_from") and "services.yaml" in problem.detail


@pytest.mark.parametrize(
    "services",
    [
        "",
        "services: 5\nsituations: {}\n",
        "services: [[1, 2], 3, {id: [x], sites: [{area: [a]}], routing: {first_for: [[z]]}}]\nsituations: []\n",
        "services: []\nsituations: {danger: 1, emergency: {}, sick: {label: x, words: [y]}}\n",
        "- just\n- a list\n",
        "a: 1\n---\nb: 2\n",
        "services: &x [1]\nsituations: *x\n<<: {a: 1}\n",
        "\t- tab\n",
    ],
)
def test_malformed_files_give_located_errors_not_crashes(tmp_path: Path, services: str) -> None:
    (shipped(tmp_path) / "services.yaml").write_text(services, encoding="utf-8")
    (tmp_path / "places.yaml").write_text("places: [{name: [1]}, 7]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load(tmp_path)
    assert caught.value.problems and all(p.file in FILES for p in caught.value.problems)


def test_the_worked_examples_in_the_staff_guide_validate(tmp_path: Path) -> None:
    path = shipped(tmp_path) / "services.yaml"
    edit(path, 'weekdays: "07:30-24:00"', 'weekdays: "07:00-23:00"')
    gaeryeong = "lat: 36.1700, lon: 128.1860}  # 확인 필요\n"
    apo_site = (
        "      - {id: daycare-365-apo, name: 365어린이집 아포, address: 김천시 아포읍 ○○로 12,\n"
        "         area: 아포읍, lat: 36.1494, lon: 128.2350, phone: 054-000-0000,\n"
        '         hours: {weekdays: "07:30-24:00", sun: "09:00-18:00", holiday: "09:00-18:00"}}\n'
    )
    edit(path, gaeryeong, gaeryeong + apo_site)
    edit(path, "타요버스있, 주방놀이있]", "타요버스있, 주방놀이있, 렌탈]")
    edit(path, "등원중지, 등원정지]", "등원중지, 등원정지, 돌발성발진]")
    knowledge = load(tmp_path)
    daycare = knowledge.service("daycare-365")
    assert daycare.hours.on("fri").label() == "07:00-23:00"
    apo = daycare.sites[-1]
    assert (apo.id, apo.area) == ("daycare-365-apo", "아포읍")
    assert daycare.hours_at(apo).on("sat") is None and daycare.hours_at(apo).on("sun").label() == "09:00-18:00"
    assert "렌탈" in knowledge.service("toy-library").topics and "돌발성발진" in knowledge.situations["sick"].words
