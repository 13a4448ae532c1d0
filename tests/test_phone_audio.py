"""Recorded audio in Chromium: a player under its section, nothing loaded before play,
played instead of the synthetic voice, and offered when saving for offline reading."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from conftest import FIXTURE, make_project, run_build, serve

pytestmark = pytest.mark.browser

UI = yaml.safe_load((FIXTURE / "modules" / "ui.yml").read_text("utf-8"))  # the site's own
FRAME = b"\xff\xfb\x90\x64" + b"\0" * 413  # one silent MPEG-1 Layer III frame, 417 bytes
FAKE_VOICE = """
(() => {
  const voices = [{ name: "Fake", lang: "id-ID", localService: true, default: true }];
  class Utterance { constructor(text) { this.text = text; } }
  Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
    paused: false, getVoices: () => voices, speak() {}, cancel() {}, pause() {}, resume() {},
    addEventListener() {} } });
  window.SpeechSynthesisUtterance = Utterance;
})();
"""


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("audio") / "p", {"uji-suara": "persiapan"})
    folder = root / "content" / "id" / "modul" / "uji-suara" / "audio"
    folder.mkdir()
    (folder / "pelajaran.mp3").write_bytes(FRAME * 60)
    site = root / "site"
    result = run_build(root, site, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "modul" / "uji-suara" / "audio" / "pelajaran.mp3").exists()
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_recording_loads_nothing_until_play_and_replaces_the_voice(browser, host):
    context = browser.new_context()
    context.add_init_script(FAKE_VOICE)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(host + "modul/uji-suara/")
    player = page.locator("#pelajaran + .bekal-audio")
    expect(player.locator("audio")).to_have_attribute("preload", "none")
    expect(player).to_contain_text(UI["id"]["audio_label"].format(kb=24))
    page.wait_for_load_state("networkidle")
    assert not [r for r in requests if r.endswith(".mp3")]
    # the phone's voice is offered for other sections, not for the recorded one
    assert page.locator("#pelajaran + .bekal-audio + .bekal-listen").count() == 0
    assert page.locator(".bekal-listen").count() >= 1
    with page.expect_request(lambda r: r.url.endswith("audio/pelajaran.mp3")):
        player.locator("audio").evaluate("a => a.play().catch(() => null)")
    save = page.locator(".bekal-offline__audio")
    expect(save).to_contain_text(UI["id"]["offline_audio"].format(kb=24))
    context.close()


def test_the_english_lesson_without_recordings_has_no_player(page, host):
    page.goto(host + "en/modul/uji-suara/")
    expect(page.locator(".bekal-audio")).to_have_count(0)
