"""A producer edits a product's listing and adds photos that shoppers then see."""

from io import BytesIO

import pytest
from PIL import Image

from shop.catalog.listings import MAX_PHOTOS
from shop.catalog.models import ProductImage
from tests.factories import ProductFactory, ProductImageFactory
from tests.web.portal import error_of, typed

GTIN = "8935049510864"  # a valid GTIN-13


@pytest.fixture
def product(producer):
    return ProductFactory(producer=producer, name_en="Cau Dat green tea",
                          slug="che-xanh-cau-dat", gtin=None)


def jpeg(size=(800, 600)) -> BytesIO:
    buffer = BytesIO()
    Image.new("RGB", size, (90, 140, 60)).save(buffer, "JPEG")
    buffer.seek(0)
    return buffer


def images_of(product) -> list[ProductImage]:
    return ProductImage.query.filter_by(product_id=product.id).order_by(ProductImage.position).all()


def listing(**changes) -> dict:
    return {"price_vnd": "185000", "gtin": "", "story_vi": "Chè xanh.",
            "story_en": "Green tea.", **changes}


def test_the_products_page_lists_only_the_producers_own_products(member_client, product):
    ProductFactory(name_en="Someone else's honey")

    html = member_client.get("/portal/products").text

    assert "Cau Dat green tea" in html and "Someone else" not in html
    assert f'href="/portal/products/{product.id}"' in html


def test_a_member_saves_the_story_price_and_gtin(member_client, product):
    response = member_client.post(f"/portal/products/{product.id}",
                                  data=listing(gtin=f" {GTIN} ", story_en="Picked at dawn."))

    assert response.status_code == 302
    assert product.price_vnd == 185_000
    assert product.gtin == "0" + GTIN
    assert product.story_en == "Picked at dawn."
    page = member_client.get(response.headers["Location"]).text
    assert "Listing saved." in page
    shop_page = member_client.get("/products/che-xanh-cau-dat").text
    assert "Picked at dawn." in shop_page


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"gtin": "8935049510865"}, "gtin", "check digit should be 4, not 5"),
    ({"gtin": "89350495108a"}, "gtin", "only digits"),
    ({"price_vnd": "999"}, "price_vnd", "between ₫1,000 and ₫100,000,000"),
    ({"price_vnd": "100000001"}, "price_vnd", "between ₫1,000 and ₫100,000,000"),
    ({"price_vnd": "12.5"}, "price_vnd", "Not a valid integer value."),
])
def test_a_bad_value_is_named_on_its_field_and_nothing_is_saved(member_client, product,
                                                                changes, field, message):
    response = member_client.post(f"/portal/products/{product.id}",
                                  data=listing(story_en="Kept as typed.", **changes))

    assert response.status_code == 400
    assert message in error_of(response.text, field)
    assert "Kept as typed." in response.text
    assert typed(response.text, field) == changes[field]
    assert product.price_vnd == 150_000 and product.gtin is None


def test_a_gtin_another_product_carries_is_refused(member_client, product):
    ProductFactory(gtin="0" + GTIN)

    response = member_client.post(f"/portal/products/{product.id}", data=listing(gtin=GTIN))

    assert response.status_code == 400
    assert "Another product already carries the GTIN 0" + GTIN in error_of(response.text, "gtin")


def test_a_photo_uploaded_shows_in_the_shop_with_its_description(member_client, product):
    response = member_client.post(
        f"/portal/products/{product.id}/photos",
        data={"photo": (jpeg(), "tea.jpg"), "alt_vi": "Đồi chè Cầu Đất",
              "alt_en": "Tea hills at Cau Dat"},
        content_type="multipart/form-data")

    assert response.status_code == 302
    [image] = images_of(product)
    shop_page = member_client.get("/products/che-xanh-cau-dat").text
    assert f'src="/media/{image.path}" alt="Tea hills at Cau Dat"' in shop_page
    served = member_client.get(f"/media/{image.path}")
    assert served.mimetype == "image/jpeg"
    assert served.headers["Cache-Control"] == "public, max-age=31536000"


def test_a_file_that_is_not_a_photo_is_refused_and_the_description_kept(member_client, product):
    response = member_client.post(
        f"/portal/products/{product.id}/photos",
        data={"photo": (BytesIO(b"<script>alert(1)</script>"), "tea.jpg"),
              "alt_vi": "Đồi chè", "alt_en": ""},
        content_type="multipart/form-data")

    assert response.status_code == 400
    assert "not a photo we can read" in error_of(response.text, "photo")
    assert typed(response.text, "alt_vi") == "Đồi chè"
    assert images_of(product) == []


def test_a_missing_photo_or_description_is_named(member_client, product):
    response = member_client.post(f"/portal/products/{product.id}/photos", data={},
                                  content_type="multipart/form-data")

    assert response.status_code == 400
    assert "Choose a photo to upload." in error_of(response.text, "photo")
    assert error_of(response.text, "alt_vi")


def test_an_upload_over_the_request_limit_gets_413_with_the_limit(member_client, product):
    huge = BytesIO(b"\xff" * (7 * 1024 * 1024))
    response = member_client.post(f"/portal/products/{product.id}/photos",
                                  data={"photo": (huge, "huge.jpg"), "alt_vi": "x"},
                                  content_type="multipart/form-data")

    assert response.status_code == 413
    assert "larger than 6 MB" in response.text
    assert images_of(product) == []


def test_a_product_holds_at_most_eight_photos_and_one_can_be_removed(member_client, product):
    for position in range(MAX_PHOTOS):
        ProductImageFactory(product=product, position=position)

    full = member_client.post(f"/portal/products/{product.id}/photos",
                              data={"photo": (jpeg(), "9.jpg"), "alt_vi": "Thêm"},
                              content_type="multipart/form-data")
    assert full.status_code == 400
    assert "at most 8 photos" in error_of(full.text, "photo")

    first = images_of(product)[0]
    removed = member_client.post(f"/portal/products/{product.id}/photos/{first.id}/remove")
    assert removed.status_code == 302
    assert len(images_of(product)) == MAX_PHOTOS - 1
    assert "Photo removed." in member_client.get(removed.headers["Location"]).text


def test_another_producers_product_cannot_be_edited(member_client):
    theirs = ProductFactory(gtin=None)
    image = ProductImageFactory(product=theirs)

    assert member_client.get(f"/portal/products/{theirs.id}").status_code == 403
    assert member_client.post(f"/portal/products/{theirs.id}",
                              data=listing(gtin=GTIN)).status_code == 403
    assert member_client.post(f"/portal/products/{theirs.id}/photos",
                              data={"photo": (jpeg(), "x.jpg"), "alt_vi": "x"},
                              content_type="multipart/form-data").status_code == 403
    assert member_client.post(
        f"/portal/products/{theirs.id}/photos/{image.id}/remove").status_code == 403
    assert theirs.gtin is None
    assert len(images_of(theirs)) == 1
    assert member_client.get("/portal/products/999999").status_code == 404
