"""The pages driven like a reader drives them: Selenium with Debian's Chromium and
ChromeDriver clicks the Russia leg's date on the timeline and lands on the sentence that
stated it, highlighted, with no console message on the way (issue 14 item 12).

Skipped without ChromeDriver, except in CI (`CALENDAR_SVC_REQUIRE_CHROMIUM=1`, where
`.ci/run` installs `chromium-driver`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.pages.test_browser import served

__all__ = ["served"]


def _driver(tmp_path: Path) -> Iterator[object]:
    if shutil.which("chromedriver") is None:
        if os.environ.get("CALENDAR_SVC_REQUIRE_CHROMIUM") == "1":
            pytest.fail("ChromeDriver is required here (CI) but not installed")
        pytest.skip("ChromeDriver is not installed (apt-get install chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[object]:
    yield from _driver(tmp_path)


def test_a_click_on_a_legs_date_opens_its_sentence_highlighted(
    served: str, driver: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(driver, WebDriver)
    driver.get(f"{served}/")
    bars = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "a.bar")]
    assert sorted(bars) == sorted(["Kazakhstan", "Azerbaijan", "Russia", "Belarus"])
    row = driver.find_element(By.XPATH, "//li[a[normalize-space()='Russia']]")
    date_link = row.find_elements(By.CSS_SELECTOR, "a[href*='/source?']")[0]
    date_link.click()
    chosen = driver.find_element(By.CSS_SELECTOR, ".sentence.chosen")
    assert "May 8-11" in chosen.text
    assert driver.save_screenshot(str(tmp_path / "sentence.png"))
    assert driver.get_log("browser") == []  # type: ignore[attr-defined]
