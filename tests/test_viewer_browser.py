"""The viewer page in a real headless Chromium (Debian's chromium + chromium-driver).

Opens the generated HTML from file:// and checks what a person would: the graph is drawn,
a click on a node shows its panel with an evidence sentence, the search finds "Herman
Suryatman", the filters hide and show nodes, no request leaves the page, and the hostile
article string never runs. Writes tests/artifacts/viewer.png. Without Chromium this FAILS.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from kg.graphio import load_dataset
from kg.viewer import write_html

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ID = "https://w3id.org/kapasitas/id/"
HERMAN = ID + "person/herman-suryatman"
XSS_PERSON = ID + "person/xss-payload"
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,900",
)


def _require_chromium() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            f"headless Chromium is needed for the viewer's browser tests but {', '.join(missing)} is missing; "
            "install it with: apt-get update && apt-get install -y chromium chromium-driver",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    _require_chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: WebDriver, script: str, timeout: float = 10.0) -> Any:
    """Poll a JS expression until it is truthy; fail with the expression otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(f"return ({script});")
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for: {script}")


@pytest.fixture(scope="module")
def page(driver: WebDriver, tmp_path_factory: pytest.TempPathFactory) -> WebDriver:
    html = tmp_path_factory.mktemp("viewer") / "graph.html"
    write_html(load_dataset(SAMPLE), html, title="Kapasitas: sample")
    driver.get(html.as_uri())
    wait_for(driver, "window.kgViewer && window.kgViewer.ready")
    return driver


def panel_text(driver: WebDriver) -> str:
    return str(driver.find_element(By.ID, "kg-details").text)


def test_the_network_holds_every_entity(page: WebDriver) -> None:
    assert page.execute_script("return kgViewer.network.body.nodeIndices.length") == 29
    assert page.execute_script("return kgViewer.nodes.length") == 29
    assert page.execute_script("return kgViewer.firstDrawMs") > 0
    assert page.title == "Kapasitas: sample"


def test_a_click_on_a_node_shows_its_panel_with_evidence(page: WebDriver) -> None:
    page.execute_script(
        "var p = kgViewer.network.getPositions([arguments[0]])[arguments[0]];"
        "kgViewer.network.moveTo({position: p, scale: 2.0, animation: false});", HERMAN)
    x, y = page.execute_script(
        "var net = kgViewer.network, p = net.getPositions([arguments[0]])[arguments[0]];"
        "var d = net.canvasToDOM(p); return [d.x, d.y];", HERMAN)
    canvas = page.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    size = canvas.size
    ActionChains(page).move_to_element_with_offset(canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()
    wait_for(page, f"kgViewer.selected === {HERMAN!r}")
    text = panel_text(page)
    assert "Herman Suryatman" in text
    assert "Sekda Kabupaten Sumedang Herman Suryatman menilai pelatihan yang dilakukan sangat penting." in text
    assert "Sekda Kabupaten/Kota Piloting Jabar Ikuti Pelatihan Digital di Korea" in text, "its source article"
    assert page.execute_script("return kgViewer.network.getSelectedNodes()") == [HERMAN]


def test_the_search_finds_herman_suryatman(page: WebDriver) -> None:
    page.execute_script("kgViewer.network.unselectAll(); kgViewer.selected = null;")
    box = page.find_element(By.ID, "kg-search")
    box.clear()
    box.send_keys("Herman Suryatman", Keys.ENTER)
    wait_for(page, f"kgViewer.selected === {HERMAN!r}")
    assert page.find_element(By.CSS_SELECTOR, "#kg-results button").text == "Herman Suryatman"
    assert page.find_element(By.CSS_SELECTOR, "#kg-details h2").text == "Herman Suryatman"


def test_the_search_finds_by_alias(page: WebDriver) -> None:
    box = page.find_element(By.ID, "kg-search")
    box.clear()
    box.send_keys("LOGODI", Keys.ENTER)
    wait_for(page, f"kgViewer.selected === {ID + 'org/logodi'!r}")


def test_filters_by_type_and_by_event(page: WebDriver) -> None:
    visible = "kgViewer.nodes.get({filter: function (n) { return !n.hidden; }}).length"
    page.find_element(By.CSS_SELECTOR, "#kg-legend-list input[value=person]").click()
    assert page.execute_script(f"return {visible}") == 24
    page.find_element(By.CSS_SELECTOR, "#kg-legend-list input[value=person]").click()
    page.execute_script(
        "var s = document.getElementById('kg-event'); s.value = arguments[0];"
        "s.dispatchEvent(new Event('change'));", ID + "event/bimtek-spbe-sumedang-2023")
    assert page.execute_script(f"return {visible}") == 6, "the event, its place, organizer, attendee, audience, topic"
    page.execute_script("kgViewer.resetFilters()")
    assert page.execute_script(f"return {visible}") == 29


def test_the_hostile_string_is_shown_as_text_and_never_runs(page: WebDriver) -> None:
    page.execute_script("kgViewer.select(arguments[0], true)", XSS_PERSON)
    assert page.find_element(By.CSS_SELECTOR, "#kg-details h2").text == "</script><img src=x onerror=alert(1)>"
    box = page.find_element(By.ID, "kg-search")
    box.clear()
    box.send_keys("onerror", Keys.ENTER)
    page.execute_script("kgViewer.select(arguments[0], true)", ID + "quote/jpnn-2023-05-30-2")
    assert "<script>window.__xss=2</script>" in panel_text(page)
    assert page.execute_script("return typeof window.__xss") == "undefined"
    assert page.execute_script("return document.querySelectorAll('img').length") == 0
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert.text  # noqa: B018


def test_no_request_leaves_the_page(page: WebDriver) -> None:
    resources = page.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert not [r for r in resources if r.lower().startswith(("http:", "https:", "ws:", "wss:"))]
    severe = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], "no console error (a CSP violation would show here)"


def test_screenshot(page: WebDriver) -> None:
    page.execute_script("kgViewer.select(arguments[0], false); kgViewer.network.fit({animation: false});", HERMAN)
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "viewer.png"
    assert page.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
