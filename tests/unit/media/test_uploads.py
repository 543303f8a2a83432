"""Photo uploads: only real images within bounds are stored, re-encoded and named by hash."""

from io import BytesIO

import pytest
from PIL import Image

from shop.core.errors import InvalidInput
from shop.uploads import MAX_PHOTO_BYTES, STORED_NAME, store_photo

# The messages asserted are the English ones.
pytestmark = pytest.mark.usefixtures("english")


def photo(size=(800, 600), fmt="JPEG", mode="RGB", color=(200, 120, 40), **save) -> BytesIO:
    buffer = BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **save)
    buffer.seek(0)
    return buffer


def refused(stream, tmp_path) -> str:
    with pytest.raises(InvalidInput) as error:
        store_photo(stream, tmp_path)
    assert error.value.field == "photo"
    assert not list(tmp_path.rglob("*.jpg"))  # nothing stored
    return error.value.message


def test_a_photo_is_stored_as_jpeg_under_the_hash_of_what_was_written(tmp_path):
    name = store_photo(photo(), tmp_path)

    assert STORED_NAME.fullmatch(name)
    with Image.open(tmp_path / name) as stored:
        assert stored.format == "JPEG" and stored.size == (800, 600)
    assert store_photo(photo(), tmp_path) == name  # the same photo twice: one file


def test_location_data_is_stripped_and_the_photo_turned_upright(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}  # GPS info
    name = store_photo(photo(size=(800, 600), exif=exif.tobytes()), tmp_path)

    with Image.open(tmp_path / name) as stored:
        assert stored.size == (600, 800)
        assert not stored.getexif()


def test_large_photos_are_scaled_down_and_transparency_becomes_white(tmp_path):
    name = store_photo(photo(size=(4000, 2000), fmt="PNG", mode="RGBA", color=(0, 0, 0, 0)),
                       tmp_path)

    with Image.open(tmp_path / name) as stored:
        assert stored.size == (1600, 800)
        assert min(stored.convert("L").getextrema()) > 240


def test_webp_is_accepted(tmp_path):
    assert STORED_NAME.fullmatch(store_photo(photo(fmt="WEBP"), tmp_path))


@pytest.mark.parametrize("content", [
    b"<html><script>alert(1)</script></html>",
    b"",
    b"\xff\xd8\xff\xe0" + b"\x00" * 64,  # a JPEG's first bytes and nothing else
])
def test_files_that_are_not_images_are_refused(tmp_path, content):
    assert "not a photo we can read" in refused(BytesIO(content), tmp_path)


def test_a_truncated_jpeg_is_refused(tmp_path):
    whole = photo(size=(1200, 900)).getvalue()
    assert "not a photo we can read" in refused(BytesIO(whole[: len(whole) // 2]), tmp_path)


def test_other_image_formats_are_refused(tmp_path):
    assert "JPEG, PNG or WebP" in refused(photo(fmt="GIF", mode="P", color=1), tmp_path)


# 49 megapixels passes Pillow's checks, 144 draws its warning, 196 its error: ours stops all.
@pytest.mark.parametrize("side", [7_000, 12_000, 14_000])
def test_a_decompression_bomb_is_refused_from_its_header(tmp_path, side):
    bomb = photo(size=(side, side), fmt="PNG", mode="1", color=0, optimize=True)
    assert len(bomb.getvalue()) < 100_000  # tiny on disk, tens of megapixels decoded

    assert "too many pixels: at most 40 megapixels" in refused(bomb, tmp_path)


def test_a_photo_over_the_byte_limit_is_refused(tmp_path):
    oversized = BytesIO(photo().getvalue() + b"\x00" * MAX_PHOTO_BYTES)
    assert "larger than 5 MB" in refused(oversized, tmp_path)


def test_a_tiny_image_is_refused_with_its_size(tmp_path):
    assert "too small (120 × 90)" in refused(photo(size=(120, 90)), tmp_path)
