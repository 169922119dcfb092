"""The html report in a real browser (headless Chromium over the DevTools protocol): it loads
without a console error, its filters hide findings, and a hostile document runs nothing.

Skipped, with the reason, where Chromium is not installed (``.ci/run`` installs Debian's
``chromium`` when it can); tests/test_html_report.py checks the same page with an HTML parser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.headless import Browser, BrowserError, find_chromium

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium is not installed (Debian: apt-get install chromium, which .ci/run does when it can); "
    "the HTML-parser tests in test_html_report.py still run",
)

VISIBLE = "document.querySelectorAll('article.finding:not([hidden])').length"


@pytest.fixture(scope="module")
def browser():
    try:
        with Browser() as opened:
            yield opened
    except BrowserError as error:  # installed but cannot start here: say why
        pytest.skip(f"Chromium did not start: {error}")


@pytest.fixture
def seeds_report(tmp_path, run_cli, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, _ = run_cli("-f", "html", "-o", "report.html", "--no-cache", "-j", "1", "seeds/")
    assert code == 1
    return tmp_path / "report.html"


def test_the_seeds_report_opens_without_errors_and_a_filter_click_hides_findings(browser, seeds_report, tmp_path):
    browser.events.clear()
    browser.open(seeds_report)
    assert browser.errors() == []
    total = browser.evaluate(VISIBLE)
    assert total == browser.evaluate("document.querySelectorAll('article.finding').length") > 0
    browser.screenshot(tmp_path / "report.png")
    assert (tmp_path / "report.png").read_bytes().startswith(b"\x89PNG")

    # Untick one rule: its findings disappear, their highlights go out, the counter follows.
    rule = browser.evaluate("document.querySelector('article.finding').dataset.rule")
    of_rule = browser.evaluate(f"document.querySelectorAll('article.finding[data-rule=\"{rule}\"]').length")
    browser.click(f'input[data-filter="rule"][value="{rule}"]')
    assert browser.evaluate(f"document.querySelector('input[data-filter=\"rule\"][value=\"{rule}\"]').checked") is False
    assert browser.evaluate(VISIBLE) == total - of_rule
    assert browser.evaluate(f"[...document.querySelectorAll('article.finding[data-rule=\"{rule}\"]')].every(f => f.hidden)")
    assert browser.evaluate("document.getElementById('shown').textContent") == str(total - of_rule)
    assert browser.evaluate("document.querySelectorAll('mark.off').length") > 0
    browser.screenshot(tmp_path / "filtered.png")

    # Untick a confidence: only the findings of the others stay.
    medium = browser.evaluate("document.querySelectorAll('article.finding[data-confidence=medium]').length")
    browser.click('input[data-filter="confidence"][value="medium"]')
    assert browser.evaluate(VISIBLE) == browser.evaluate(
        f"[...document.querySelectorAll('article.finding')].filter(f => f.dataset.confidence !== 'medium' && f.dataset.rule !== '{rule}').length"
    ) < total - of_rule
    browser.click('input[data-filter="confidence"][value="medium"]')
    assert medium > 0

    # Untick the only severity: nothing is left, and the documents' sections hide with their findings.
    browser.click('input[data-filter="severity"]')
    assert browser.evaluate(VISIBLE) == 0
    assert browser.evaluate("[...document.querySelectorAll('section.doc')].every(s => s.hidden)")
    browser.click('input[data-filter="severity"]')
    browser.click(f'input[data-filter="rule"][value="{rule}"]')
    assert browser.evaluate(VISIBLE) == total
    assert browser.errors() == []


def test_a_click_on_a_highlight_goes_to_its_finding(browser, seeds_report):
    browser.events.clear()
    browser.open(seeds_report)
    target = browser.evaluate("document.querySelector('mark.hl').dataset.f.split(' ')[0]")
    browser.click("mark.hl")
    assert browser.evaluate(f"document.getElementById('{target}').classList.contains('flash')")
    assert browser.errors() == []


def test_a_hostile_document_runs_nothing_in_the_report(browser, project, run_cli):
    (project / "evil.txt").write_text(
        "Sales were \\$5 million </script><script>window.pwned = 1</script> "
        '<img src=x onerror="window.pwned = 2"> <svg onload="window.pwned = 3"></svg>\n',
        encoding="utf-8",
    )
    (project / '"><img src=x onerror=window.pwned=4>.txt').write_text("Sales were \\$5 million.\n", encoding="utf-8")
    run_cli("-f", "html", "-o", "report.html", "--no-cache", "-j", "1", ".")
    browser.events.clear()
    browser.open(project / "report.html")
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, svg, iframe, object').length") == 0
    assert browser.errors() == []
