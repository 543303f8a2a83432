"""The Content-Security-Policy as the browser applies it: our pages break none of it (every
journey ends by checking the console), and what it forbids is refused and heard."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]


def test_an_injected_inline_script_and_style_are_refused(page: Page, csp_violations):
    page.goto("/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("""() => {
            const script = document.createElement('script');
            script.textContent = 'document.title = "injected"';
            document.body.append(script);
        }""")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("() => document.body.setAttribute('style', 'display: none')")

    expect(page).not_to_have_title("injected")
    expect(page.get_by_role("main")).to_be_visible()
    assert [("script-src" in v, "style-src" in v) for v in csp_violations] == [
        (True, False), (False, True)]
