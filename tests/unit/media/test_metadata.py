"""A stored photo carries pixels only: no comment, EXIF, XMP, ICC profile or other segment."""

import struct
from io import BytesIO

from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from shop.uploads import store_photo

SCRIPT = b"<script>alert(document.cookie)</script>"
COM, APP0, APP1, SOS = 0xFE, 0xE0, 0xE1, 0xDA


def segments(jpeg: bytes) -> list[int]:
    """The markers of a JPEG's segments up to the image data (start of scan)."""
    assert jpeg[:2] == b"\xff\xd8"
    markers, position = [], 2
    while True:
        marker = jpeg[position + 1]
        markers.append(marker)
        if marker == SOS:
            return markers
        (length,) = struct.unpack(">H", jpeg[position + 2:position + 4])
        position += 2 + length


def hostile_jpeg() -> BytesIO:
    """A JPEG with HTML in its comment, EXIF (APP1) and an ICC profile (APP2)."""
    exif = Image.Exif()
    exif[0x010E] = SCRIPT.decode()  # image description
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = BytesIO()
    Image.new("RGB", (640, 480), (30, 140, 60)).save(
        buffer, "JPEG", comment=SCRIPT, exif=exif.tobytes(), icc_profile=profile)
    assert {COM, APP1} <= set(segments(buffer.getvalue()))
    buffer.seek(0)
    return buffer


def test_html_in_a_jpegs_comment_is_not_stored(tmp_path):
    stored = (tmp_path / store_photo(hostile_jpeg(), tmp_path)).read_bytes()

    assert b"<script" not in stored.lower()
    markers = segments(stored)
    assert COM not in markers
    # Only JFIF's APP0 header (resolution) among the application segments.
    assert [marker for marker in markers if 0xE0 <= marker <= 0xEF] in ([], [APP0])


def test_a_png_with_text_chunks_is_stored_without_them(tmp_path):
    text = PngInfo()
    text.add_text("Comment", SCRIPT.decode())
    buffer = BytesIO()
    Image.new("RGB", (640, 480), (30, 140, 60)).save(buffer, "PNG", pnginfo=text)
    buffer.seek(0)

    stored = (tmp_path / store_photo(buffer, tmp_path)).read_bytes()

    assert b"<script" not in stored.lower()
    assert COM not in segments(stored)
