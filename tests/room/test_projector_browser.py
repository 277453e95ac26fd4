"""The projector page in a real browser (Debian's chromium, headless, through chromium-driver), served by a
real host process on 127.0.0.1: a bot posts a turn and the page shows it; screenshots to look at."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from game.room.client import RoomClient
from tests.room.conftest import CODE, ROOT, played, unfinished
from tests.room.test_server import MARKUP, with_markup

SHOTS = ROOT / "out" / "room"  # looked at by people; not compared
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def browser(width: int, height: int) -> webdriver.Chrome:
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.fail("No chromium and chromium-driver: .ci/run installs them (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars", "--lang=en"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def projector_page(url: str, width: int = 1920, height: int = 1080) -> webdriver.Chrome:
    """The room's page at `url`, once it is live."""
    driver = browser(width, height)
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: "live" in d.find_element(By.TAG_NAME, "body").get_attribute("class"))
    return driver


@pytest.fixture
def page(running_host):
    driver = projector_page(f"{running_host.url}/w/{CODE}")
    yield driver
    driver.quit()


def test_a_turn_posted_by_a_game_shows_on_the_page_within_a_second(page, running_host, tiny, tmp_path):
    play = played(tiny, tmp_path, trainee="Anouk")
    RoomClient(running_host.url, CODE).post(unfinished(play, 1))
    posted = time.monotonic()
    WebDriverWait(page, 1.0, poll_frequency=0.02).until(
        lambda d: "1 turn " in d.find_element(By.ID, "summary").text)
    assert time.monotonic() - posted < 1.0


def test_the_page_shows_how_the_room_chose_at_a_decision_point(page, running_host, tiny, tmp_path):
    play = played(tiny, tmp_path, trainee="Anouk")
    RoomClient(running_host.url, CODE).post(play)
    said = next(turn["say"] for turn in play["turns"] if turn["say"])
    WebDriverWait(page, 3).until(lambda d: said in d.find_element(By.ID, "choices").text)


def test_markup_from_a_trainee_shows_as_text_and_never_runs(page, running_host, tiny, tmp_path):
    RoomClient(running_host.url, CODE).post(with_markup(played(tiny, tmp_path, trainee="Mallory")))
    WebDriverWait(page, 3).until(lambda d: "<script>" in d.find_element(By.ID, "choices").text)
    injected = page.execute_script("return document.querySelectorAll('main img, main script, header img').length")
    assert (injected, MARKUP.split(">")[0] in page.find_element(By.ID, "choices").text) == (0, True)


def test_names_appear_on_the_projector_when_the_trainer_turns_them_on(page, running_host, tiny, tmp_path):
    RoomClient(running_host.url, CODE).post(played(tiny, tmp_path, trainee="Anouk"))
    trainer = browser(1024, 768)
    try:
        trainer.get(f"{running_host.url}/w/{CODE}/trainer?token={running_host.token}")
        WebDriverWait(trainer, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "button[data-value=true]"))
        WebDriverWait(page, 3).until(lambda d: "#1" in d.find_element(By.ID, "where").text)
        hidden = "Anouk" not in page.find_element(By.ID, "where").text
        trainer.find_element(By.CSS_SELECTOR, "button[data-choice=names][data-value=true]").click()
        WebDriverWait(page, 3).until(lambda d: "Anouk" in d.find_element(By.ID, "where").text)
    finally:
        trainer.quit()
    assert hidden


def test_screenshots_of_a_full_room_at_projector_sizes(running_host, tiny, tmp_path):
    """A room of twelve trainees, half of them done; the pictures go to out/room/ to be looked at."""
    client = RoomClient(running_host.url, CODE)
    for number in range(12):
        play = played(tiny, tmp_path, trainee=f"Trainee with a long name {number}", seed=number,
                      strategy=("advance", "prolong", "random")[number % 3])
        client.post(play if number % 2 else unfinished(play, 2))
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1920, 1080), (1024, 768)):
        driver = browser(width, height)
        try:
            driver.get(f"{running_host.url}/w/{CODE}")
            WebDriverWait(driver, 5).until(lambda d: "12 trainees" in d.find_element(By.ID, "summary").text)
            driver.save_screenshot(str(SHOTS / f"projector-{width}x{height}.png"))
            overflowing = driver.execute_script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        finally:
            driver.quit()
        assert not overflowing, f"the page is wider than {width} pixels"


def test_the_page_tells_when_it_lost_the_host(page, running_host):
    running_host.kill()
    try:
        WebDriverWait(page, 5).until(
            lambda d: "live" not in d.find_element(By.TAG_NAME, "body").get_attribute("class"))
    except TimeoutException:
        pytest.fail("the page still says it is live after the host was killed")
