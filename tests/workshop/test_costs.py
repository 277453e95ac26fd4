"""What the room's prolonging phrasings cost: recorded games replayed in the same week, as the debrief replays them."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from pathlib import Path

from game.bots.strategy import Strategy, advancing, bot_rng, play_out
from game.cli import main
from game.model.playthrough import Playthrough
from game.model.replay import replayable, same_week, stronger_phrasing
from game.model.scoring import PROLONGING
from game.model.turn import TurnKind
from game.scenario.load import load_scenario
from game.workshop import page, sheet, table
from game.workshop.costs import Cost, LeftOut, room_costs
from game.workshop.group import gather
from game.workshop.words import Words

ROOT = Path(__file__).resolve().parents[2]
THREE_QUOTES = ROOT / "scenarios" / "three-quotes.en.yaml"
TWO_MINUTES = ROOT / "scenarios" / "two-minutes.en.yaml"


def recorded(journal, scenario, seed, strategy="random", trainee="Kim", keep_seed=True, finish=True):
    """A bot's game kept in the journal as the window keeps one; returns the live playthrough."""
    play = Playthrough.start(scenario, seed, clock=lambda: 0.0)
    play_id = journal.begin(play, trainee, "W1", seed if keep_seed else None)
    if finish:
        play_out(play, Strategy(strategy, bot_rng(seed)))
        journal.finish(play_id, play)
    else:
        play.contact(play.moments()[0])
    return play


def games_with_a_prolonging_turn(journal, scenario, count=3):
    """`count` finished games, each with at least one turn the same week can be replayed from."""
    plays, seed = [], 0
    while len(plays) < count:
        play = Playthrough.start(scenario, seed, clock=lambda: 0.0)
        play_out(play, Strategy("random", bot_rng(seed)))
        if replayable(play):
            plays.append(recorded(journal, scenario, seed))
        seed += 1
    return plays


def test_a_recorded_game_costs_what_the_debrief_replay_of_the_live_game_says(journal):
    scenario = load_scenario(THREE_QUOTES)
    plays = games_with_a_prolonging_turn(journal, scenario)
    costs = room_costs(journal.records(), lambda record: scenario)
    expected = {}
    for play in plays:
        for turn, _ in replayable(play):
            place = (THREE_QUOTES.name, turn.call_id, turn.point_id)
            expected.setdefault(place, []).append(same_week(play, turn, advancing(play.seed)).cost)
    assert {place: sorted(found) for place, found in costs.places.items()} == \
           {place: sorted(found) for place, found in expected.items()}
    assert not costs.left_out


def test_a_game_recorded_without_its_seed_is_left_out_and_counted(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=1)
    seed = next(s for s in range(100, 200) if replayable(play_out(Playthrough.start(scenario, s, clock=lambda: 0.0),
                                                                  Strategy("random", bot_rng(s)))))
    recorded(journal, scenario, seed, keep_seed=False)
    costs = room_costs(journal.records(), lambda record: scenario)
    assert costs.left_out == {LeftOut.NO_SEED: 1} and len(costs.plays) == 1


def test_a_game_whose_scenario_file_is_not_found_is_left_out_and_counted(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=2)
    costs = room_costs(journal.records(), lambda record: None)
    assert costs.left_out == {LeftOut.NO_SCENARIO: 2} and not costs.places


def test_a_game_that_does_not_come_out_the_same_on_another_scenario_is_left_out_and_counted(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=2)
    changed = replace(scenario, rules=replace(scenario.rules, answer_chance=0.0))  # nobody picks up unexpected
    costs = room_costs(journal.records(), lambda record: changed)
    assert costs.left_out == {LeftOut.NOT_THE_SAME: 2} and not costs.places


def test_an_unfinished_game_is_not_replayed(journal):
    scenario = load_scenario(THREE_QUOTES)
    recorded(journal, scenario, 3, finish=False)
    costs = room_costs(journal.records(), lambda record: scenario)
    assert not costs.places and not costs.left_out


def report_of(journal, scenario):
    records = journal.records()
    return gather(records, "W1", costs=room_costs(records, lambda record: scenario))


def test_the_report_shows_per_decision_point_the_average_cost_of_its_prolonging_phrasings(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario)
    group = report_of(journal, scenario)
    point = next(point for point in group.points if group.cost(point))
    cost = group.cost(point)
    shown = Words("en").cost(cost)
    assert f"{Words('en').number(abs(cost.mean))} point" in shown and f"{cost.turns} turn" in shown
    assert shown in table.render(group, Words("en")) and shown in page.render(group, Words("en"))


def test_the_agenda_shows_what_each_prolonging_phrasing_cost(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=4)
    group = report_of(journal, scenario)
    item = next(item for item in group.agenda if group.cost(item.point, item.choice))
    agenda = table.render(group, Words("nl")).split("\n\n")[1]
    assert Words("nl").cost(group.cost(item.point, item.choice)) in agenda


def test_the_spreadsheet_gives_each_playthrough_the_mean_cost_of_its_prolonging_turns(journal):
    scenario = load_scenario(THREE_QUOTES)
    plays = games_with_a_prolonging_turn(journal, scenario, count=2)
    group = report_of(journal, scenario)
    rows = list(csv.DictReader(io.StringIO(sheet.render(group, Words("en")).removeprefix("\ufeff"))))
    costs = [[same_week(play, turn, advancing(play.seed)).cost for turn, _ in replayable(play)] for play in plays]
    assert [float(row["Cost per prolonging turn (points)"]) for row in rows] == \
           [round(sum(found) / len(found), 1) for found in costs]


def test_the_report_says_how_many_games_could_not_be_replayed_and_why(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=1)
    costs = room_costs(journal.records(), lambda record: None)
    group = gather(journal.records(), "W1", costs=costs)
    told = ("The cost of prolonging was not measured in 1 finished playthrough: 1 whose scenario file (in the version "
            "played) is not here; name its folder with --scenarios.")
    assert told in " ".join(table.render(group, Words("en")).split())


def test_the_report_command_replays_a_trainers_own_scenario_from_the_folder_it_names(tmp_path, capsys):
    from game.workshop.journal import Journal

    own = tmp_path / "own" / "acme-quotes.en.yaml"
    own.parent.mkdir()
    shutil.copy(THREE_QUOTES, own)
    scenario = load_scenario(own)
    with Journal.open(tmp_path / "results.sqlite") as journal:
        games_with_a_prolonging_turn(journal, scenario, count=1)
    moved = tmp_path / "elsewhere"
    own.parent.rename(moved)  # the laptop's path no longer holds the file
    main(["report", "--db", str(tmp_path / "results.sqlite"), "--lang", "en"])
    without = capsys.readouterr().out
    main(["report", "--db", str(tmp_path / "results.sqlite"), "--lang", "en", "--scenarios", str(moved)])
    found = capsys.readouterr().out
    assert "is not here; name its folder with --scenarios" in " ".join(without.split())
    assert "not measured" not in found and ("turns replayed)" in found or "turn replayed)" in found)


def test_a_cost_is_said_as_the_average_points_the_stronger_phrasing_gave_beyond_the_trainees():
    assert Words("en").cost(Cost((40, 23))) == "cost 31.5 points on average (2 turns replayed)"
    assert Words("nl").cost(Cost((40, 23))) == "kosten gemiddeld 31,5 punten (2 beurten opnieuw gespeeld)"


def test_a_single_replayed_turn_is_not_called_an_average():
    assert Words("en").cost(Cost((1,))) == "cost 1 point (1 turn replayed)"


def test_a_phrasing_whose_stronger_one_gave_no_more_points_is_said_to_have_cost_nothing():
    assert Words("en").cost(Cost((3, -3))) == \
           "cost nothing: the stronger phrasing gave no more points (2 turns replayed)"


def test_a_phrasing_whose_stronger_one_did_worse_is_not_said_to_have_cost_points():
    assert Words("en").cost(Cost((-5, -2))) == \
           "cost nothing: the stronger phrasing gave 3.5 points fewer on average (2 turns replayed)"
    assert Words("nl").cost(Cost((-2,))) == \
           "geen kosten: de sterkere formulering gaf 2 punten minder (1 beurt opnieuw gespeeld)"


def test_a_prolonging_phrasing_with_no_stronger_one_says_there_was_nothing_to_replay(journal):
    scenario = load_scenario(TWO_MINUTES)
    for seed in range(500):  # a game with a prolonging turn where, for that buyer and stage, nothing was stronger
        play = play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
        unbeaten = [turn for turn in play.turns if turn.kind == TurnKind.PHRASING and turn.verdict in PROLONGING
                    and stronger_phrasing(play, turn) is None]
        if unbeaten and not replayable(play):
            break
    else:
        raise AssertionError("Two minutes no longer has a prolonging turn that no phrasing beats; pick another file")
    recorded(journal, scenario, seed)
    group = report_of(journal, scenario)
    point = next(point for point in group.points if point.point_id == unbeaten[0].point_id)
    assert group.cost(point).unbeaten == len([t for t in unbeaten if t.point_id == point.point_id])
    told = "no stronger phrasing here for that buyer at that stage of the deal: nothing to replay"
    assert told in table.render(group, Words("en"))
    assert sheet.render(group, Words("en")).splitlines()[1].endswith(",")  # no cost for a play with none replayed


def test_a_game_whose_file_holds_a_moment_that_is_not_one_is_left_out_and_counted(journal):
    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=3)
    with journal.connection:
        journal.connection.execute("UPDATE turns SET day = 'monday' WHERE play_id = 1 AND kind = 'contact'")
        journal.connection.execute("UPDATE plays SET motive = 'greed' WHERE id = 2")
    costs = room_costs(journal.records(), lambda record: scenario)
    assert costs.left_out == {LeftOut.DAMAGED: 2} and len(costs.plays) == 1


def test_the_page_marks_a_cost_only_where_the_stronger_phrasing_gave_more_points(journal):
    from game.workshop.costs import RoomCosts

    scenario = load_scenario(THREE_QUOTES)
    games_with_a_prolonging_turn(journal, scenario, count=1)
    group = gather(journal.records(), "W1")
    point = group.points[0]
    place = (point.scenario, point.call_id, point.point_id)
    for found, marked in (([12, 3], '<p class="cost">'), ([-4, 2], '<p class="cost nil">')):
        costs = RoomCosts()
        costs.places[place] = found
        html = page.render(replace(group, costs=costs), Words("en"))
        assert marked + Words("en").cost(costs.at(place)) in html
