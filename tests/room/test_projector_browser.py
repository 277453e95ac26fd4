"""The projector page in a real browser (Debian's chromium, headless, through chromium-driver), served by a
real host process on 127.0.0.1: a bot posts a turn and the page shows it; screenshots to look at."""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from game.room.client import Busy, RoomClient
from game.room.server import COOKIE
from game.scenario.load import load_scenario
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
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    # The page fills the screen as a projector shows it (F11): the viewport, not the window, is width x height.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return driver


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


# --- read from the back of the room ---------------------------------------------------------

SMALLEST_TYPE = 18  # pixels at 1024x768: nothing on the projector smaller than 0.9 of its body type
TEXTS = """
    const found = [];
    for (const element of document.querySelectorAll('header *, main *')) {
      const own = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
      const box = element.getBoundingClientRect();
      if (!own || !box.width || !box.height) continue;
      found.push([parseFloat(getComputedStyle(element).fontSize), element.textContent.trim().slice(0, 50)]);
    }
    return found;
"""


def a_real_room(running_host, tmp_path, trainees: int = 12) -> None:
    """A room playing a shipped scenario in Dutch (its long phrasings), half of it done, names on."""
    scenario = load_scenario(ROOT / "scenarios" / "three-quotes.nl.yaml")
    client = RoomClient(running_host.url, CODE)
    for number in range(trainees):
        play = played(scenario, tmp_path, trainee=f"Anne-Marie van den Heuvel-{number}", seed=number,
                      strategy=("prolong", "random", "advance")[number % 3])
        post_patiently(client, play if number % 2 else unfinished(play, 3))


def post_patiently(client: RoomClient, play: dict) -> None:
    """One laptop posting a whole room is slowed down as a flood is: wait as a game does."""
    while True:
        try:
            client.post(play)
            return
        except Busy as busy:
            time.sleep(busy.seconds)


def choose(running_host, **choices) -> None:
    """What the trainer's buttons post."""
    request = urllib.request.Request(
        f"{running_host.url}/w/{CODE}/trainer/choices", data=json.dumps(choices).encode(), method="POST",
        headers={"content-type": "application/json", "cookie": f"{COOKIE}={running_host.token}"})
    urllib.request.urlopen(request, timeout=5).close()


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_only_the_agenda_shows_all_three_phrasings_on_one_projector_screen(running_host, tmp_path, size):
    a_real_room(running_host, tmp_path)
    choose(running_host, focus="agenda")
    driver = projector_page(f"{running_host.url}/w/{CODE}", *size)
    try:
        WebDriverWait(driver, 5).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "ol.agenda > li")) == 3)
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / f"agenda-{size[0]}x{size[1]}.png"))
        below = driver.execute_script(
            "return document.querySelector('ol.agenda > li:last-child').getBoundingClientRect().bottom"
            " - window.innerHeight")
    finally:
        driver.quit()
    assert below <= 0, f"the third phrasing ends {below:.0f} px below the screen"


def test_nothing_on_the_projector_is_smaller_than_the_back_row_reads(running_host, tmp_path):
    a_real_room(running_host, tmp_path)
    choose(running_host, names=True)
    driver = projector_page(f"{running_host.url}/w/{CODE}", 1024, 768)
    try:
        WebDriverWait(driver, 5).until(lambda d: "12" in d.find_element(By.ID, "summary").text)
        texts = driver.execute_script(TEXTS)
    finally:
        driver.quit()
    assert [f"{size:g}px: {text}" for size, text in texts if size < SMALLEST_TYPE] == []


def test_the_address_to_type_is_as_large_as_the_invitation_above_the_code(page):
    sizes = page.execute_script(
        "return ['.invite', '.address'].map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))")
    assert sizes[1] >= sizes[0]


def test_a_small_projector_shows_where_everyone_is_on_its_first_screen(running_host, tmp_path):
    a_real_room(running_host, tmp_path)
    driver = projector_page(f"{running_host.url}/w/{CODE}", 1280, 720)
    try:
        WebDriverWait(driver, 5).until(lambda d: "12" in d.find_element(By.ID, "summary").text)
        top = driver.execute_script("return document.getElementById('where').getBoundingClientRect().top")
    finally:
        driver.quit()
    assert top < 720 / 2


def test_the_outcome_columns_stand_on_one_line_when_a_caption_takes_two(running_host, tmp_path):
    a_real_room(running_host, tmp_path)
    driver = projector_page(f"{running_host.url}/w/{CODE}", 1920, 1080)
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".outcome .blocks"))
        bottoms = driver.execute_script(
            "return [...document.querySelectorAll('.outcome .blocks')].map(b => b.getBoundingClientRect().bottom)")
    finally:
        driver.quit()
    assert max(bottoms) - min(bottoms) < 1, bottoms


def test_a_room_of_thirty_fits_where_everyone_is_on_a_1280x720_projector(running_host, tmp_path):
    a_real_room(running_host, tmp_path, trainees=30)
    driver = projector_page(f"{running_host.url}/w/{CODE}", 1280, 720)
    try:
        WebDriverWait(driver, 5).until(lambda d: "30" in d.find_element(By.ID, "summary").text)
        driver.save_screenshot(str(SHOTS / "thirty-1280x720.png"))
        bottom = driver.execute_script("return document.getElementById('where').getBoundingClientRect().bottom")
    finally:
        driver.quit()
    assert bottom <= 720


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_no_word_in_where_everyone_is_is_broken_in_two(running_host, tmp_path, size):
    """A lane's stage and a trainee's name wrap between words, never inside one ('verstuur / d', 'Anou / k')."""
    a_real_room(running_host, tmp_path)
    choose(running_host, names=True)
    driver = projector_page(f"{running_host.url}/w/{CODE}", *size)
    try:
        WebDriverWait(driver, 5).until(lambda d: "Heuvel" in d.find_element(By.ID, "where").text)
        driver.save_screenshot(str(SHOTS / f"names-{size[0]}x{size[1]}.png"))
        broken = driver.execute_script("""
            return [...document.querySelectorAll('.lane h3, .chip .who')].filter(element => {
              const lines = Math.round(element.getBoundingClientRect().height
                                       / parseFloat(getComputedStyle(element).lineHeight));
              return lines > element.textContent.trim().split(/[\\s-]+/).length;
            }).map(element => element.textContent);""")
    finally:
        driver.quit()
    assert broken == []
