"""Product stories are Markdown, rendered and then sanitised: producers write them."""

import markdown
import nh3
from markupsafe import Markup

_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> Markup:
    """Markdown to safe HTML: scripts, styles, images and unknown attributes are removed."""
    html = markdown.markdown(text or "", extensions=[], output_format="html")
    clean = nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="nofollow noopener")
    return Markup(clean)
