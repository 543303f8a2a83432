"""Uploaded photos: proven to be images, bounded in bytes and pixels, re-encoded, stored by hash.

Nothing a visitor sends is served as sent: the photo is decoded and written again as a JPEG,
which drops any script hidden in it, its comment, its EXIF data (a farm's GPS position, say)
and every other metadata segment. Files go
under MEDIA_ROOT, outside static/, named by the hash of what we wrote, so a name never
changes its content and browsers may keep it for a year.
"""

import hashlib
import os
import re
import tempfile
import warnings
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from shop.core.errors import InvalidInput, NotFound
from shop.core.text import check_text

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# Refused from the header, before decoding: a small file may claim gigapixels (a "bomb").
MAX_PHOTO_PIXELS = 40_000_000
MIN_PHOTO_SIDE = 200
STORED_SIDE = 1600
FORMATS = ("JPEG", "PNG", "WEBP")
# What store_photo names files: products/ab/<sha-256>.jpg.
STORED_NAME = re.compile(r"products/[0-9a-f]{2}/[0-9a-f]{64}\.jpg")


def _unreadable() -> InvalidInput:
    return InvalidInput(_("This file is not a photo we can read. Upload a JPEG, PNG or WebP "
                          "image."), "photo")


def _read_bounded(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise InvalidInput(_("The photo is larger than %(size)d MB.",
                             size=MAX_PHOTO_BYTES // (1024 * 1024)), "photo")
    return data


def _too_many_pixels() -> InvalidInput:
    return InvalidInput(_("The photo has too many pixels: at most %(megapixels)d megapixels.",
                          megapixels=MAX_PHOTO_PIXELS // 1_000_000), "photo")


def _check_header(data: bytes) -> None:
    """The format and size the file claims, read without decoding its pixels."""
    with warnings.catch_warnings():
        # Our own pixel limit, lower than Pillow's, is checked just below.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            probe = Image.open(BytesIO(data))
        except Image.DecompressionBombError as error:
            raise _too_many_pixels() from error
    with probe:
        if probe.format not in FORMATS:
            raise _unreadable()
        width, height = probe.size
        if width * height > MAX_PHOTO_PIXELS:
            raise _too_many_pixels()
        if min(width, height) < MIN_PHOTO_SIDE:
            raise InvalidInput(_("The photo is too small (%(width)d × %(height)d); each side "
                                 "needs at least %(side)d pixels.", width=width, height=height,
                                 side=MIN_PHOTO_SIDE), "photo")
        probe.verify()


def _reencode(data: bytes) -> bytes:
    """Decode and write again as an upright sRGB JPEG no larger than STORED_SIDE."""
    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice it; here that is an error too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            if upright.mode in ("RGBA", "LA", "P"):
                rgba = upright.convert("RGBA")
                upright = Image.new("RGB", rgba.size, "white")
                upright.paste(rgba, mask=rgba.getchannel("A"))
            upright = upright.convert("RGB")
            upright.thumbnail((STORED_SIDE, STORED_SIDE), Image.Resampling.LANCZOS)
            # Only the pixels go on: Pillow writes back what the image's info carries (a
            # JPEG's comment, which may hold HTML), so a fresh image without any is saved.
            clean = Image.frombytes("RGB", upright.size, upright.tobytes())
            out = BytesIO()
            clean.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def _write_once(root: Path, name: str, data: bytes) -> None:
    """Write atomically; a file already there has the same bytes (its name is their hash)."""
    path = root / name
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    os.replace(tmp, path)


def store_photo(stream: BinaryIO, media_root: str | Path) -> str:
    """Check and store an uploaded photo; its path under MEDIA_ROOT, or InvalidInput("photo")."""
    data = _read_bounded(stream)
    try:
        _check_header(data)
        stored = _reencode(data)
    except InvalidInput:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, OSError, SyntaxError, ValueError) as error:
        # Truncated, corrupt or lying files all end here, whatever Pillow calls them.
        raise _unreadable() from error
    digest = hashlib.sha256(stored).hexdigest()
    name = f"products/{digest[:2]}/{digest}.jpg"
    _write_once(Path(media_root), name, stored)
    return name


def append_photo(images: list, image_class: type, stream: BinaryIO, alt_vi: str, alt_en: str,
                 media_root: str | Path):
    """Check the alternative texts, store the photo and add it after `images`' others."""
    check_text(alt_vi, "alt_vi")
    check_text(alt_en, "alt_en")
    path = store_photo(stream, media_root)
    position = max((image.position for image in images), default=-1) + 1
    image = image_class(path=path, alt_vi=alt_vi.strip(), alt_en=alt_en.strip(),
                        position=position)
    images.append(image)
    return image


def detach_photo(images: list, image_id: int) -> None:
    """Take the photo `image_id` off `images` (NotFound if it is not one of them); its file
    stays, as another product or combo may hold the same bytes."""
    image = next((image for image in images if image.id == image_id), None)
    if image is None:
        raise NotFound(_("No such photo."))
    images.remove(image)
