"""Producer portal pages: a producer's zones, lots, labels, recalls and listings."""

import re
from collections.abc import Callable

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import case, func, select
from sqlalchemy.orm import contains_eager

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.catalog import listings
from shop.catalog.models import Product
from shop.core import clock
from shop.core.errors import InvalidInput, InvalidState, NotFound
from shop.core.gs1 import MAX_LOT_LENGTH
from shop.core.pages import requested_page
from shop.database import writes_on_post
from shop.extensions import db
from shop.places.models import Province
from shop.producers import services as producer_services
from shop.producers.models import Producer
from shop.trace import zones as zone_service
from shop.trace.forms import (
    MAX_INPUT_ROWS,
    LabelRunForm,
    ListingForm,
    LotForm,
    PhotoForm,
    RecallForm,
    ZoneEditForm,
    ZoneForm,
)
from shop.trace.labels import LabelSize
from shop.trace.links import lot_path, lot_url
from shop.trace.lots import create_lot, get_lot, recall_lot
from shop.trace.models import LabelRun, Lot, Zone, ZoneStatus
from shop.trace.queries import load_lot, load_lot_for_label
from shop.trace.runs import ensure_printable, issued_serials, print_run, run_labels
from shop.trace.sheets import label_sheet_pdf
from shop.trace.views.public import label_image
from shop.uploads import MAX_PHOTO_BYTES
from shop.web.forms import show_error

bp = Blueprint("portal", __name__, url_prefix="/portal")
writes_on_post(bp)

LOTS_PER_PAGE = 50
# Characters kept in a download's file name; a lot number may hold quotes and slashes.
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]")


@bp.context_processor
def _number_format() -> dict:
    """Numbers in the reader's language: 2,5 ha in Vietnamese, 2.5 ha in English."""
    return {"number": format_decimal}


def _producer_id() -> int:
    """The producer the member acts for: the one chosen in this session while they still
    belong to it, else their first; an account outside any producer has no portal."""
    producer_ids = current_user.producer_ids
    if not producer_ids:
        abort(403, _("Your account does not belong to a producer."))
    chosen = session.get("portal_producer")
    return chosen if chosen in producer_ids else producer_ids[0]


def _form_status(form) -> int:
    return 400 if form.is_submitted() else 200


@bp.get("/")
@role_required(Role.PRODUCER)
def home():
    """The producer's name, how many zones and lots it has, and where to manage them."""
    producer_id = _producer_id()
    zone_count, active_zones = db.session.execute(
        select(func.count(Zone.id), func.count(case((Zone.status == ZoneStatus.ACTIVE, 1))))
        .where(Zone.producer_id == producer_id)).one()
    lot_count, recalled_lots = db.session.execute(
        select(func.count(Lot.id), func.count(Lot.recalled_at)).join(Lot.product)
        .where(Product.producer_id == producer_id)).one()
    return render_template("accounts/portal/home.html",
                           producer=db.session.get(Producer, producer_id),
                           producers=producer_services.producers_by_name(current_user.producer_ids),
                           zone_count=zone_count, active_zones=active_zones,
                           lot_count=lot_count, recalled_lots=recalled_lots)


@bp.post("/producer")
@role_required(Role.PRODUCER)
def choose_producer():
    """Act for another producer the member belongs to (people may belong to several)."""
    chosen = request.form.get("producer", type=int)
    if chosen is None and current_user.producer_ids:
        abort(400, _("Choose a producer."))
    if chosen not in current_user.producer_ids:
        abort(403, _("Your account does not belong to this producer."))
    session["portal_producer"] = chosen
    return redirect(url_for("portal.home"))


@bp.get("/zones")
@role_required(Role.PRODUCER)
def zones():
    """The producer's raw-material zones, active ones first."""
    return render_template("trace/portal/zones.html", today=clock.today(),
                           zones=zone_service.producer_zones(_producer_id()),
                           cycle_labels=zone_service.CYCLE_LABELS,
                           standard_labels=zone_service.STANDARD_LABELS,
                           status_labels=zone_service.ZONE_STATUS_LABELS)


def _provinces() -> list[Province]:
    return list(db.session.scalars(select(Province).order_by(Province.name)))


def _zone_form_page(form: ZoneForm, zone: Zone | None = None):
    return render_template("trace/portal/zone_form.html", form=form, zone=zone,
                           code_example=zone_service.CODE_EXAMPLE,
                           minimum_area=zone_service.MINIMUM_AREA_HA,
                           cycle_labels=zone_service.CYCLE_LABELS), _form_status(form)


@bp.route("/zones/new", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def new_zone():
    """Register a raw-material zone under its planting-area code."""
    producer_id = _producer_id()
    form = ZoneForm(_provinces())
    if form.validate_on_submit():
        try:
            zone = zone_service.create_zone(producer_id, form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Zone %(code)s registered.", code=zone.code), "success")
            return redirect(url_for(".zones"))
    return _zone_form_page(form)


@bp.route("/zones/<int:zone_id>/edit", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def edit_zone(zone_id: int):
    """Change a zone's record, its status included."""
    zone = zone_service.get_zone(zone_id, actor=current_user)
    form = ZoneEditForm(_provinces(), obj=zone)
    if form.validate_on_submit():
        try:
            zone_service.update_zone(zone.id, form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Zone %(code)s saved.", code=zone.code), "success")
            return redirect(url_for(".zones"))
    return _zone_form_page(form, zone)


@bp.get("/lots")
@role_required(Role.PRODUCER)
def lots():
    """The producer's lots, newest first, 50 to a page, with their products."""
    query = (select(Lot).join(Lot.product).options(contains_eager(Lot.product))
             .where(Product.producer_id == _producer_id())
             .order_by(Lot.produced_on.desc(), Lot.id.desc()))
    page = db.paginate(query, page=requested_page(request.args),
                       per_page=LOTS_PER_PAGE, error_out=False)
    return render_template("trace/portal/lots.html", page=page)


@bp.route("/lots/new", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def new_lot():
    """Record a lot of one of the producer's products and the zones it drew on."""
    producer_id = _producer_id()
    products = db.session.scalars(select(Product).where(Product.producer_id == producer_id)
                                  .order_by(Product.name_key, Product.id))
    active_zones = [zone for zone in zone_service.producer_zones(producer_id)
                    if zone.status is ZoneStatus.ACTIVE]
    form = LotForm(list(products), active_zones)
    if "add_row" in request.form:
        # "Add another row" (no JavaScript): the same form again, one row longer.
        return _lot_form_page(form, 200 if form.add_row() else 400)
    if form.validate_on_submit():
        try:
            lot = create_lot(form.to_input(), actor=current_user)
        except InvalidInput as error:
            form.show_error(error)
        else:
            db.session.commit()
            flash(_("Lot %(code)s recorded.", code=lot.code), "success")
            return redirect(url_for(".lot", lot_id=lot.id))
    return _lot_form_page(form, _form_status(form))


def _lot_form_page(form: LotForm, status: int):
    return render_template("trace/portal/lot_form.html", form=form, max_rows=MAX_INPUT_ROWS,
                           max_lot_length=MAX_LOT_LENGTH), status


def _lot_page(lot_id: int, run_form: LabelRunForm | None = None,
              recall_form: RecallForm | None = None, status: int = 200):
    """A lot's page; officers see it to recall the lot, only producer members print labels."""
    lot = load_lot(get_lot(lot_id, actor=current_user).id)
    may_print = current_user.has_role(Role.PRODUCER) and not lot.recalled
    runs = list(db.session.scalars(select(LabelRun).where(LabelRun.lot_id == lot.id)
                                   .order_by(LabelRun.id.desc()))) if may_print else []
    return render_template(
        "trace/portal/lot.html", lot=lot, trace_path=lot_path(lot), digital_link=lot_url(lot),
        may_print=may_print, runs=runs, issued=issued_serials(lot.id) if may_print else 0,
        size_labels={size.value: size.spec.label for size in LabelSize},
        run_form=run_form or LabelRunForm(formdata=None),
        recall_form=recall_form or RecallForm(formdata=None)), status


@bp.get("/lots/<int:lot_id>")
@role_required(Role.PRODUCER, Role.OFFICER)
def lot(lot_id: int):
    """A lot: its inputs, links, label, label runs and recall."""
    return _lot_page(lot_id)


@bp.post("/lots/<int:lot_id>/recall")
@role_required(Role.PRODUCER, Role.OFFICER)
def recall(lot_id: int):
    """Recall a lot; its trace page tells shoppers at once and its labels no longer print."""
    form = RecallForm()
    if form.validate_on_submit():
        try:
            recalled = recall_lot(lot_id, form.reason.data, actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        except InvalidState as error:
            flash(error.message, "error")
            return redirect(url_for(".lot", lot_id=lot_id))
        else:
            db.session.commit()
            flash(_("Lot %(code)s recalled.", code=recalled.code), "success")
            return redirect(url_for(".lot", lot_id=lot_id))
    return _lot_page(lot_id, recall_form=form, status=400)


@bp.post("/lots/<int:lot_id>/runs")
@role_required(Role.PRODUCER)
def new_run(lot_id: int):
    """Record a label run, then download its sheet of labels."""
    form = LabelRunForm()
    if form.validate_on_submit():
        try:
            run = print_run(lot_id, form.size.data, form.count.data, form.serialised,
                            actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        except InvalidState as error:
            flash(error.message, "error")
            return redirect(url_for(".lot", lot_id=lot_id))
        else:
            db.session.commit()
            return redirect(url_for(".run_pdf", run_id=run.id))
    return _lot_page(lot_id, run_form=form, status=400)


def _own_lot(lot_id: int) -> Lot:
    """A lot of the member's producer, with what its label shows loaded."""
    return load_lot_for_label(get_lot(lot_id, actor=current_user).id)


def _label_download(lot_id: int, render: Callable[[Lot], Response]) -> Response:
    """`render(lot)` for a lot whose labels may print; for a recalled one, back to its page."""
    lot = _own_lot(lot_id)
    try:
        ensure_printable(lot)
    except InvalidState as error:
        flash(error.message, "error")
        return redirect(url_for(".lot", lot_id=lot.id))
    return render(lot)


@bp.get("/lots/<int:lot_id>/label.png")
@role_required(Role.PRODUCER)
def label_png(lot_id: int):
    """The lot's label (one code for the lot) as a 300 dpi PNG."""
    return _label_download(lot_id, lambda lot: label_image(lot, "png", public=False))


@bp.get("/lots/<int:lot_id>/label.svg")
@role_required(Role.PRODUCER)
def label_svg(lot_id: int):
    """The lot's label (one code for the lot) as SVG."""
    return _label_download(lot_id, lambda lot: label_image(lot, "svg", public=False))


@bp.get("/runs/<int:run_id>.pdf")
@role_required(Role.PRODUCER)
def run_pdf(run_id: int):
    """A run's sheet of labels as a PDF download; serialised runs hold live serials: no caching."""
    run = db.session.get(LabelRun, run_id)
    if run is None:
        raise NotFound(_("No such label run."))
    return _label_download(run.lot_id, lambda lot: _run_sheet(run, lot))


def _run_sheet(run: LabelRun, lot: Lot) -> Response:
    filename = _UNSAFE_FILENAME.sub("_", f"labels-{lot.code}-{run.id}.pdf")
    response = Response(label_sheet_pdf(run_labels(run, lot), LabelSize(run.size)),
                        mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/products")
@role_required(Role.PRODUCER)
def products():
    """The producer's products with their stars and photos, each linking to its listing."""
    return render_template("catalog/portal/products.html", today=clock.today(),
                           products=listings.producer_listings(_producer_id()))


def _listing_page(product: Product, form: ListingForm, photo_form: PhotoForm, status: int):
    return render_template("catalog/portal/product.html", product=product, form=form,
                           photo_form=photo_form, max_photos=listings.MAX_PHOTOS,
                           max_photo_mb=MAX_PHOTO_BYTES // (1024 * 1024)), status


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
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
    return _listing_page(listing, form, PhotoForm(formdata=None), _form_status(form))


@bp.post("/products/<int:product_id>/photos")
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


@bp.post("/products/<int:product_id>/photos/<int:image_id>/remove")
@role_required(Role.PRODUCER)
def remove_photo(product_id: int, image_id: int):
    """Take a photo off the listing."""
    listings.remove_photo(product_id, image_id, actor=current_user)
    db.session.commit()
    flash(_("Photo removed."), "success")
    return redirect(url_for(".product", product_id=product_id))
