"""Messages rendered from templates/mail/<name>.{subject.txt,txt,html} in a given language."""

from dataclasses import dataclass

from flask import render_template
from flask_babel import force_locale


@dataclass(frozen=True)
class Rendered:
    """A message's subject (one line), plain-text body and HTML body."""

    subject: str
    text: str
    html: str


def render_message(template: str, language: str, context: dict) -> Rendered:
    """Render `template` with `context` in `language`, so `_()` inside gives vi or en."""
    with force_locale(language):
        names = {part: f"mail/{template}.{part}" for part in ("subject.txt", "txt", "html")}
        subject = render_template(names["subject.txt"], language=language, **context)
        text = render_template(names["txt"], language=language, **context)
        html = render_template(names["html"], language=language, **context)
    # A header is one line: a name with a line break in it must not end the subject early.
    return Rendered(subject=" ".join(subject.split()), text=text.strip() + "\n", html=html)
