"""The producer portal's home: the producer a member acts for, a panel from each feature that
manages its data, and the choice of producer for people who belong to several."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from shop.accounts.access import act_for, acting_producer_id, role_required
from shop.accounts.models import Role
from shop.producers import services as producer_services
from shop.web.audiences import home_panels, portal


@portal.get("/")
@role_required(Role.PRODUCER)
def home():
    """The producer's name, what each feature counts of its data, and where to manage it."""
    producer_id = acting_producer_id()
    producers = producer_services.producers_by_name(current_user.producer_ids)
    return render_template("accounts/portal/home.html", producers=producers,
                           producer=next(p for p in producers if p.id == producer_id),
                           panels=home_panels(producer_id))


@portal.post("/producer")
@role_required(Role.PRODUCER)
def choose_producer():
    """Act for another producer the member belongs to (people may belong to several)."""
    act_for(request.form.get("producer", type=int))
    return redirect(url_for("portal.home"))
