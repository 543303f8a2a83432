"""The producers' listings in the portal: a product's stories, price, GTIN and photos."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from shop.accounts.access import acting_producer_id, role_required
from shop.accounts.models import Role
from shop.catalog import drafts, listings
from shop.catalog.forms import DraftForm, ListingForm, PhotoForm
from shop.catalog.models import Product
from shop.core import clock
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.ocop.models import ProductGroup
from shop.uploads import MAX_PHOTO_BYTES
from shop.web.audiences import HomePanel, portal
from shop.web.forms import form_status, show_error

# The portal home's panel of listings (registered in create_app).
HOME_PANEL = HomePanel("catalog/portal/_home_panel.html")


@portal.get("/products")
@role_required(Role.PRODUCER)
def products():
    """The producer's products with their stars and photos, each linking to its listing."""
    return render_template("catalog/portal/products.html", today=clock.today(),
                           products=listings.producer_listings(acting_producer_id()))


@portal.route("/products/new", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def new_product():
    """Propose a new product: a draft, listed only once an officer records its certificate."""
    producer_id = acting_producer_id()
    groups = list(db.session.scalars(select(ProductGroup).order_by(ProductGroup.code)
                                     .options(selectinload(ProductGroup.subgroups))))
    form = DraftForm(groups)
    if form.validate_on_submit():
        try:
            draft = drafts.propose_product(producer_id, form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Draft saved: add its photos. It is listed once an officer records its "
                    "certificate."), "success")
            return redirect(url_for(".product", product_id=draft.id))
    return render_template("catalog/portal/new_product.html", form=form), form_status(form)


def _listing_page(product: Product, form: ListingForm, photo_form: PhotoForm, status: int):
    return render_template("catalog/portal/product.html", product=product, form=form,
                           photo_form=photo_form, max_photos=listings.MAX_PHOTOS,
                           max_photo_mb=MAX_PHOTO_BYTES // (1024 * 1024)), status


@portal.route("/products/<int:product_id>", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def product(product_id: int):
    """Edit a listing: its stories, price and GTIN; add and remove its photos."""
    listing = listings.get_listing(product_id, actor=current_user)
    form = ListingForm(obj=listing, gtin=listing.gtin or "")
    if form.validate_on_submit():
        try:
            listings.update_listing(listing.id, form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Listing saved."), "success")
            return redirect(url_for(".product", product_id=listing.id))
    return _listing_page(listing, form, PhotoForm(formdata=None), form_status(form))


@portal.post("/products/<int:product_id>/photos")
@role_required(Role.PRODUCER)
def add_photo(product_id: int):
    """Upload a photo: checked, re-encoded and stored outside static/."""
    listing = listings.get_listing(product_id, actor=current_user)
    form = PhotoForm()
    if form.validate_on_submit():
        try:
            listings.add_photo(listing.id, form.photo.data.stream, form.alt_vi.data,
                               form.alt_en.data, actor=current_user,
                               media_root=current_app.config["MEDIA_ROOT"])
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Photo added."), "success")
            return redirect(url_for(".product", product_id=listing.id))
    return _listing_page(listing, ListingForm(formdata=None, obj=listing, gtin=listing.gtin or ""),
                         form, 400)


@portal.post("/products/<int:product_id>/photos/<int:image_id>/remove")
@role_required(Role.PRODUCER)
def remove_photo(product_id: int, image_id: int):
    """Take a photo off the listing."""
    listings.remove_photo(product_id, image_id, actor=current_user)
    db.session.commit()
    flash(_("Photo removed."), "success")
    return redirect(url_for(".product", product_id=product_id))
