"""What the browser tests share: demo accounts, signing in, axe-core and the focus walk."""

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from shop.accounts.models import Role
from shop.demo.accounts import DEMO_ACCOUNTS, DemoAccount

# The first demo account of each role (later ones are more outlet staff).
DEMO: dict[Role, DemoAccount] = {account.role: account for account in reversed(DEMO_ACCOUNTS)}
# Generous for a loaded two-core machine; a journey that works never waits this long.
TIMEOUT_MS = 15_000
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# What blocks or seriously hinders someone: these fail a test; minor and moderate are advice.
BLOCKING_IMPACTS = ("serious", "critical")


def open_context(browser: Browser, base_url: str, language: str | None = None,
                 **options) -> BrowserContext:
    """A fresh browser profile on the live server, reading `language` if given."""
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    if language:
        context.add_cookies([{"name": "lang", "value": language, "url": base_url}])
    return context


def watch_csp(target: BrowserContext | Page, violations: list[str]) -> None:
    """Collect the console's complaints about the Content-Security-Policy into `violations`."""

    def _record(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(f"{message.location.get('url')}: {message.text}")

    target.on("console", _record)


def sign_in(page: Page, account: DemoAccount) -> None:
    """Sign in through the page a person uses (Vietnamese labels, the default language)."""
    page.goto("/sign-in")
    page.get_by_label("Email").fill(account.email)
    page.get_by_label("Mật khẩu").fill(account.password)
    page.get_by_role("main").get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("status").filter(has_text=account.name)).to_be_visible()


def qr_texts(png: bytes) -> list[str]:
    """The texts of the QR codes in an image, read by a real decoder."""
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def pdf_codes(path: Path) -> list[str]:
    """The texts of the QR codes on every page of a PDF, read off a 300 dpi rendering."""
    document = pypdfium2.PdfDocument(path)
    return [result.text for page in document
            for result in zxingcpp.read_barcodes(page.render(scale=300 / 72).to_pil())]


def load_axe(context: BrowserContext) -> None:
    """Have axe-core ready in every page the context opens.

    Playwright hands it to the browser as an init script, through the DevTools protocol,
    which the pages' Content-Security-Policy does not govern (an injected <script> tag would
    be refused by script-src 'self'): the pages are scanned exactly as served, without
    bypass_csp.
    """
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing ({AXE_JS}): run `npm ci --prefix tests/e2e` "
                    "(`make test` does it).", pytrace=False)
    context.add_init_script(path=AXE_JS)


def blocking_axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page (see load_axe), one line each."""
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['impact']} {v['id']}: {v['help']} at "
            + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in violations if v["impact"] in BLOCKING_IMPACTS]


@dataclass(frozen=True)
class FocusStop:
    """Where one press of Tab landed and how the focus shows there."""

    name: str
    in_view: bool
    indicator: str
    contrast: float | None

    def problem(self) -> str | None:
        """Why a sighted keyboard user could not see this stop, or None."""
        if not self.in_view:
            return f"{self.name}: focused but not in view"
        if self.indicator == "none":
            return f"{self.name}: no visible focus indicator"
        if self.contrast is not None and self.contrast < 3:
            return f"{self.name}: focus outline contrast {self.contrast:.1f}:1 (needs 3:1)"
        return None


@dataclass(frozen=True)
class FocusWalk:
    """Every stop of the Tab key across a page, and the controls it should have reached."""

    stops: list[FocusStop]
    controls: int
    trapped: bool

    def problems(self) -> list[str]:
        """What keeps a keyboard user from reaching or seeing a control."""
        found = [problem for stop in self.stops if (problem := stop.problem())]
        if self.trapped:
            found.append(f"the focus cycles back to {self.stops[-1].name} (a keyboard trap)")
        elif len(self.stops) != self.controls:
            found.append(f"Tab reached {len(self.stops)} of {self.controls} controls")
        return found


# Counts the controls Tab should reach (visible, enabled, in the order; a group of radio
# buttons is one stop) and, from then on, notes each element the focus enters as a sighted
# keyboard user meets it: in view, with an outline (or a shadow) whose colour stands 3:1
# against what lies behind it on each side in view; and when the focus leaves the page.
_FOCUS_RECORDER_JS = """() => {
  const rgb = (color) => {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const backgroundOf = (start) => {
    for (let node = start; node; node = node.parentElement) {
      if (node.tagName === 'IMG') return null;
      const bg = rgb(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0.5) return bg;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const stopOf = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.id ||
                  el.name || el.tagName).trim().replace(/\\s+/g, ' ').slice(0, 60);
    const in_view = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
                    box.top < innerHeight && box.left < innerWidth;
    const width = parseFloat(style.outlineWidth);
    if (style.outlineStyle === 'none' || !(width >= 2)) {
      return {name, in_view, indicator: style.boxShadow !== 'none' ? 'shadow' : 'none',
              contrast: null};
    }
    const colour = rgb(style.outlineColor);
    const d = parseFloat(style.outlineOffset) + width / 2;
    let behind;
    if (d <= 0) {
      behind = [backgroundOf(el)];  // drawn inside the element, over its own background
    } else {
      behind = [[box.left - d, box.top + box.height / 2], [box.right + d, box.top + box.height / 2],
                [box.left + box.width / 2, box.top - d], [box.left + box.width / 2, box.bottom + d]]
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
        .map(([x, y]) => backgroundOf(
          document.elementsFromPoint(x, y).find((e) => e !== el && !el.contains(e))));
    }
    const ratios = behind.filter(Boolean).map((bg) => ratio(colour, bg));
    return {name, in_view, indicator: 'outline',
            contrast: ratios.length ? Math.min(...ratios) : null};
  };
  const radios = new Set();
  const focusable = 'a[href], button, input, select, textarea, [tabindex]';
  const controls = [...document.querySelectorAll(focusable)]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden' &&
                    el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .filter((el) => el.type !== 'radio' || (!radios.has(el.name) && radios.add(el.name)));
  document.activeElement?.blur();
  window.scrollTo(0, 0);
  const visited = [];
  window.__focusEvents = [];
  document.addEventListener('focusin', (event) => {
    const repeated = visited.includes(event.target);
    window.__focusEvents.push({repeated, stop: stopOf(event.target)});
    visited.push(event.target);
  }, true);
  document.addEventListener('focusout', (event) => {
    if (event.relatedTarget === null) window.__focusEvents.push({left: true});
  }, true);
  // A date field takes a Tab per part (day, month, year, its calendar button; room is left
  // for one more), a date-and-time field three more (hours, minutes, AM/PM); one more Tab
  // leaves the page.
  const parts = controls.filter((el) => el.type === 'date').length * 4 +
                controls.filter((el) => el.type === 'datetime-local').length * 7;
  return {controls: controls.length, presses: controls.length + parts + 1};
}"""


def tab_through(page: Page) -> FocusWalk:
    """Press Tab from the top of the page until the focus leaves it, noting every stop.

    A control the focus comes back to before leaving the page is a keyboard trap.
    """
    expected = page.evaluate(_FOCUS_RECORDER_JS)
    for _ in range(expected["presses"]):
        page.keyboard.press("Tab")
    stops: list[FocusStop] = []
    for event in page.evaluate("() => window.__focusEvents"):
        if event.get("left"):
            break
        stops.append(FocusStop(**event["stop"]))
        if event["repeated"]:
            return FocusWalk(stops, expected["controls"], trapped=True)
    return FocusWalk(stops, expected["controls"], trapped=False)
