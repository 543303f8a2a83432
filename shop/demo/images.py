"""Product illustrations drawn with Pillow: a gradient in the group's colour, an icon, a label."""

import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (640, 480)
JPEG_QUALITY = 80
# Light top and deep bottom colour per OCOP group.
GROUP_COLOURS = {
    1: ((255, 214, 153), (222, 98, 24)),
    2: ((178, 223, 219), (0, 105, 92)),
    3: ((200, 230, 170), (51, 105, 30)),
    4: ((209, 196, 233), (81, 45, 168)),
    5: ((248, 187, 208), (173, 20, 87)),
    6: ((179, 229, 252), (2, 119, 189)),
}
PAPER = (255, 250, 240)
INK = (60, 45, 40)
GOLD = (240, 180, 40)
GREEN = (76, 140, 60)
BROWN = (121, 85, 72)
RED = (198, 40, 40)


def draw_product_image(path: Path, group: int, icon: str, label: str, variant: int) -> None:
    """Write a 640×480 JPEG illustration of a product to `path`."""
    light, deep = GROUP_COLOURS[group]
    image = _gradient(deep, light) if variant else _gradient(light, deep)
    draw = ImageDraw.Draw(image)
    if variant:
        _dots(draw, light)
        _ICONS[icon](draw, 200, 200, 95)
    else:
        _ICONS[icon](draw, 320, 200, 120)
    _label(draw, label, deep)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)


@cache
def _mask() -> Image.Image:
    return Image.linear_gradient("L").resize(SIZE)


def _gradient(top: tuple, bottom: tuple) -> Image.Image:
    return Image.composite(Image.new("RGB", SIZE, bottom), Image.new("RGB", SIZE, top), _mask())


def _dots(draw: ImageDraw.ImageDraw, colour: tuple) -> None:
    for row in range(6):
        for col in range(4):
            x, y = 400 + col * 60 + (row % 2) * 30, 30 + row * 60
            draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=colour)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


@cache
def _missing_glyph(size: int) -> bytes:
    return bytes(_font(size).getmask("\U0010fffd"))


def _covers(text: str, size: int) -> bool:
    """True when the bundled font draws every character (it lacks most Vietnamese letters)."""
    return all(ch.isspace() or bytes(_font(size).getmask(ch)) != _missing_glyph(size)
               for ch in set(text))


def _label(draw: ImageDraw.ImageDraw, text: str, colour: tuple) -> None:
    size = 30
    lines = _wrap(draw, text, size, 560)[:2]
    height = 40 * len(lines) + 20
    draw.rounded_rectangle((30, 460 - height, 610, 460), radius=18, fill=PAPER)
    for i, line in enumerate(lines):
        width = draw.textlength(line, font=_font(size))
        draw.text((320 - width / 2, 470 - height + i * 40), line, font=_font(size), fill=colour)


def _wrap(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=_font(size)) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def label_for(name_vi: str, name_en: str) -> str:
    """The product name the bundled font can draw: Vietnamese if it can, else English."""
    return name_vi if _covers(name_vi, 30) else name_en


def _bottle(d, x, y, s):
    d.rounded_rectangle((x - s * .35, y - s * .35, x + s * .35, y + s), s * .15, PAPER, INK, 4)
    d.rectangle((x - s * .12, y - s * .8, x + s * .12, y - s * .35), PAPER, INK, 4)
    d.rectangle((x - s * .15, y - s, x + s * .15, y - s * .8), RED, INK, 3)
    d.rectangle((x - s * .35, y + s * .1, x + s * .35, y + s * .6), GOLD, INK, 3)


def _vial(d, x, y, s):
    d.rounded_rectangle((x - s * .3, y - s * .2, x + s * .3, y + s * .8), s * .1, (160, 110, 60),
                        INK, 4)
    d.rectangle((x - s * .15, y - s * .5, x + s * .15, y - s * .2), (30, 30, 30))
    d.ellipse((x - s * .2, y - s * .85, x + s * .2, y - s * .45), (30, 30, 30))
    d.rectangle((x - s * .3, y + s * .15, x + s * .3, y + s * .5), PAPER, INK, 3)


def _jar(d, x, y, s):
    d.rounded_rectangle((x - s * .6, y - s * .5, x + s * .6, y + s * .9), s * .25, GOLD, INK, 4)
    d.rectangle((x - s * .5, y - s * .8, x + s * .5, y - s * .5), RED, INK, 4)
    d.rectangle((x - s * .6, y, x + s * .6, y + s * .45), PAPER, INK, 3)


def _sack(d, x, y, s):
    d.polygon([(x - s * .4, y - s * .6), (x + s * .4, y - s * .6), (x + s * .75, y + s * .9),
               (x - s * .75, y + s * .9)], PAPER, INK, 4)
    d.line((x - s * .45, y - s * .45, x + s * .45, y - s * .45), BROWN, 8)
    for i in range(-2, 3):
        d.ellipse((x + i * s * .2 - 8, y + s * .3 - 5, x + i * s * .2 + 8, y + s * .3 + 5), GOLD)


def _bag(d, x, y, s):
    d.rounded_rectangle((x - s * .6, y - s * .7, x + s * .6, y + s * .9), s * .1, PAPER, INK, 4)
    for i in range(6):
        cx = x - s * .6 + i * s * .24
        d.polygon([(cx, y - s * .7), (cx + s * .12, y - s * .85), (cx + s * .24, y - s * .7)],
                  PAPER, INK)
    d.ellipse((x - s * .35, y - s * .25, x + s * .35, y + s * .45), GOLD, INK, 3)


def _box(d, x, y, s):
    d.polygon([(x - s * .7, y - s * .3), (x - s * .4, y - s * .6), (x + s, y - s * .6),
               (x + s * .7, y - s * .3)], GOLD, INK, 4)
    d.polygon([(x + s * .7, y - s * .3), (x + s, y - s * .6), (x + s, y + s * .6),
               (x + s * .7, y + s * .9)], (200, 140, 30), INK, 4)
    d.rectangle((x - s * .7, y - s * .3, x + s * .7, y + s * .9), PAPER, INK, 4)
    d.rectangle((x - s * .08, y - s * .3, x + s * .08, y + s * .9), RED)


def _fruit(d, x, y, s):
    d.ellipse((x - s * .7, y - s * .5, x + s * .7, y + s * .9), GOLD, INK, 4)
    d.line((x, y - s * .5, x + s * .1, y - s * .8), BROWN, 8)
    d.polygon(_leaf_points(x + s * .1, y - s * .75, s * .6, -0.5), GREEN, INK)


def _leaf_points(x, y, length, angle):
    points = []
    for t in range(0, 21):
        u = t / 20
        along, across = u * length, math.sin(math.pi * u) * length * .28
        points.append((along, across))
    points += [(a, -b) for a, b in reversed(points)]
    cos, sin = math.cos(angle), math.sin(angle)
    return [(x + a * cos - b * sin, y + a * sin + b * cos) for a, b in points]


def _leaf(d, x, y, s):
    for angle in (-2.2, -1.57, -0.9):
        d.polygon(_leaf_points(x, y + s * .8, s * 1.5, angle), GREEN, INK)
    d.line((x, y + s * .8, x, y + s), BROWN, 6)


def _cup(d, x, y, s):
    d.ellipse((x - s, y + s * .55, x + s, y + s * .95), PAPER, INK, 4)
    d.ellipse((x + s * .35, y - s * .1, x + s * .9, y + s * .4), None, INK, 10)
    d.chord((x - s * .65, y - s * .7, x + s * .65, y + s * .8), 0, 180, BROWN, INK, 4)
    d.rectangle((x - s * .65, y - s * .1, x + s * .65, y + s * .05), BROWN)
    for i in (-1, 0, 1):
        d.arc((x + i * s * .3 - 15, y - s * .9, x + i * s * .3 + 15, y - s * .3), 90, 270,
              PAPER, 5)


def _basket(d, x, y, s):
    d.arc((x - s * .6, y - s * .9, x + s * .6, y + s * .3), 180, 360, BROWN, 10)
    d.polygon([(x - s * .9, y - s * .3), (x + s * .9, y - s * .3), (x + s * .6, y + s * .9),
               (x - s * .6, y + s * .9)], (215, 170, 110), INK, 4)
    for i in range(1, 4):
        yy = y - s * .3 + i * s * .3
        d.line((x - s * .9 + i * s * .08, yy, x + s * .9 - i * s * .08, yy), BROWN, 4)


def _vase(d, x, y, s):
    d.polygon([(x - s * .2, y - s), (x + s * .2, y - s), (x + s * .15, y - s * .6),
               (x + s * .7, y), (x + s * .35, y + s * .9), (x - s * .35, y + s * .9),
               (x - s * .7, y), (x - s * .15, y - s * .6)], (63, 110, 180), INK, 4)
    d.line((x - s * .6, y, x + s * .6, y), PAPER, 8)
    d.line((x - s * .45, y + s * .4, x + s * .45, y + s * .4), PAPER, 5)


def _fabric(d, x, y, s):
    d.polygon([(x - s, y - s * .6), (x + s, y - s * .8), (x + s * .8, y + s * .9),
               (x - s * .9, y + s * .7)], RED, INK, 4)
    for i in range(1, 6):
        t = i / 6
        d.line((x - s + t * s * .1, y - s * .6 + t * s * 1.3, x + s - t * s * .2,
                y - s * .8 + t * s * 1.7), GOLD, 6)


def _bowl(d, x, y, s):
    d.chord((x - s, y - s * .6, x + s, y + s * .9), 0, 180, (190, 130, 50), INK, 4)
    d.ellipse((x - s, y - s * .05, x + s, y + s * .3), (150, 100, 35), INK, 4)
    d.rectangle((x - s * .3, y + s * .85, x + s * .3, y + s), (190, 130, 50), INK, 3)


def _frame(d, x, y, s):
    d.rectangle((x - s, y - s * .75, x + s, y + s * .9), BROWN, INK, 4)
    d.rectangle((x - s * .8, y - s * .55, x + s * .8, y + s * .7), PAPER)
    d.polygon([(x - s * .8, y + s * .7), (x - s * .2, y - s * .2), (x + s * .3, y + s * .7)],
              GREEN)
    d.polygon([(x, y + s * .7), (x + s * .45, y), (x + s * .8, y + s * .7)], (56, 110, 50))
    d.ellipse((x + s * .35, y - s * .45, x + s * .6, y - s * .2), RED)


def _flower(d, x, y, s):
    d.line((x, y, x, y + s), GREEN, 10)
    d.polygon(_leaf_points(x, y + s * .6, s * .6, -0.6), GREEN)
    for k in range(6):
        a = k * math.pi / 3
        px, py = x + math.cos(a) * s * .4, y - s * .2 + math.sin(a) * s * .4
        d.ellipse((px - s * .3, py - s * .3, px + s * .3, py + s * .3), (236, 64, 122), INK, 3)
    d.ellipse((x - s * .2, y - s * .4, x + s * .2, y), GOLD, INK, 3)


def _tree(d, x, y, s):
    d.polygon([(x - s * .7, y + s * .6), (x + s * .7, y + s * .6), (x + s * .5, y + s),
               (x - s * .5, y + s)], (63, 110, 180), INK, 4)
    d.polygon([(x - s * .1, y + s * .6), (x + s * .1, y + s * .6), (x + s * .3, y - s * .2),
               (x + s * .15, y - s * .25)], BROWN)
    for cx, cy, r in ((-0.4, -0.35, .35), (0.35, -0.55, .4), (0.0, -0.75, .3)):
        d.ellipse((x + (cx - r) * s, y + (cy - r * .7) * s, x + (cx + r) * s,
                   y + (cy + r * .7) * s), GREEN, INK, 3)


def _fish(d, x, y, s):
    d.polygon([(x + s * .5, y), (x + s, y - s * .45), (x + s, y + s * .45)], RED, INK, 4)
    d.ellipse((x - s * .9, y - s * .45, x + s * .65, y + s * .45), PAPER, INK, 4)
    d.ellipse((x - s * .3, y - s * .35, x + s * .2, y + s * .1), RED)
    d.ellipse((x - s * .65, y - s * .15, x - s * .5, y), INK)


def _house(d, x, y, s):
    d.polygon([(x - s, y - s * .1), (x, y - s * .8), (x + s, y - s * .1)], BROWN, INK, 4)
    d.rectangle((x - s * .75, y - s * .1, x + s * .75, y + s * .5), (215, 170, 110), INK, 4)
    d.rectangle((x - s * .15, y + s * .1, x + s * .15, y + s * .5), INK)
    for i in (-0.65, -0.2, 0.2, 0.65):
        d.line((x + i * s, y + s * .5, x + i * s, y + s * .95), BROWN, 8)


def _mountain(d, x, y, s):
    d.ellipse((x + s * .4, y - s * .9, x + s * .8, y - s * .5), GOLD)
    d.polygon([(x - s * 1.2, y + s * .8), (x - s * .3, y - s * .6), (x + s * .5, y + s * .8)],
              (56, 110, 50), INK, 4)
    d.polygon([(x - s * .2, y + s * .8), (x + s * .6, y - s * .3), (x + s * 1.3, y + s * .8)],
              GREEN, INK, 4)
    d.rectangle((x - s * 1.2, y + s * .8, x + s * 1.3, y + s), (63, 110, 180))


_ICONS = {
    "bottle": _bottle, "vial": _vial, "jar": _jar, "sack": _sack, "bag": _bag, "box": _box,
    "fruit": _fruit, "leaf": _leaf, "cup": _cup, "basket": _basket, "vase": _vase,
    "fabric": _fabric, "bowl": _bowl, "frame": _frame, "flower": _flower, "tree": _tree,
    "fish": _fish, "house": _house, "mountain": _mountain,
}
