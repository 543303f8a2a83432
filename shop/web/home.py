"""Sections other features add to the home page (combos, later fairs), below the catalog's.

The catalog owns the home page and imports no feature above it; a feature registers a
section here in `create_app` (a template and what it shows), and the home page renders each
inside its cached body: the feature also registers its tables in the catalog's cache namespace.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, render_template
from markupsafe import Markup


@dataclass(frozen=True)
class HomeSection:
    """A feature's section of the home page: its template, and what it shows (a service call
    whose result is the template's context)."""

    template: str
    context: Callable[[], dict]


def register_home_section(app: Flask, section: HomeSection) -> None:
    """Add a section to the home page, after those registered before it."""
    app.extensions.setdefault("home_sections", []).append(section)


def home_sections() -> list[Markup]:
    """The registered sections, rendered, in the order they were registered."""
    return [Markup(render_template(section.template, **section.context()))
            for section in current_app.extensions.get("home_sections", ())]
