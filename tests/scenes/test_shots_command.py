from game.cli import main
from tests.scenes.driving import LONG


def test_shots_saves_every_screen_numbered_in_the_order_seen(tmp_path, capsys):
    assert main(["shots", str(LONG), "--out", str(tmp_path), "--size", "1024x600", "--lang", "en"]) == 0
    names = sorted(path.name for path in tmp_path.glob("*.png"))
    kinds = [name.split("-", 1)[1].rsplit(".", 1)[0].split("-")[0] for name in names]
    assert kinds[:4] == ["title", "sign", "choice", "briefing"]
    assert {"reaching", "decision", "reply"} <= set(kinds)
    assert kinds[-1] == "debrief"
    assert names[0].startswith("001-")
    assert "screenshots in" in capsys.readouterr().out


def test_shots_names_each_text_cut_short_and_the_screenshot_it_is_in(tmp_path, capsys):
    assert main(["shots", str(LONG), "--out", str(tmp_path), "--size", "400x300", "--lang", "en",
                 "--text-size", "large"]) == 0
    told = [line for line in capsys.readouterr().out.splitlines() if "text cut short to fit its box" in line]
    assert told and all((tmp_path / line.split(":", 1)[0]).is_file() for line in told)


def test_shots_at_a_roomy_size_cuts_nothing_short(tmp_path, capsys):
    assert main(["shots", str(LONG), "--out", str(tmp_path), "--size", "1024x600", "--lang", "en"]) == 0
    assert "cut short" not in capsys.readouterr().out
