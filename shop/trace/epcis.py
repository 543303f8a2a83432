"""A lot's trace as a GS1 EPCIS 2.0 document (JSON-LD): harvests, production, recall.

The events, in time order:

1. one `ObjectEvent` (ADD) per zone harvest the lot drew on: kilograms of raw material;
2. a `TransformationEvent`: those harvests in, the lot out;
3. an `ObjectEvent` (ADD) commissioning the lot, with its instance master data (ILMD);
4. if the lot was recalled, an `ObjectEvent` (OBSERVE) with disposition `recalled`.

CBV terms are written in the bare form GS1's JSON Schema lists ("commissioning"): the
schema refuses the `urn:epcglobal:cbv:` and `https://ns.gs1.org/cbv/` forms in these fields,
and the EPCIS context maps the bare words to CBV's URIs. CBV 2.0 has no "harvesting" or
"transforming" step; see the bizStep constants for what stands in for them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import quote
from uuid import NAMESPACE_URL, uuid5

from shop.core.clock import SHOP_ZONE
from shop.trace.links import lot_path
from shop.trace.models import Lot, Standard, Zone

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
MEDIA_TYPE = "application/ld+json"
SCHEMA_VERSION = "2.0"
KILOGRAM = "KGM"  # UN/CEFACT Recommendation 20, as EPCIS's `uom` wants
COUNTRY = "VN"  # every OCOP product and zone is in Vietnam (cbvmda:countryOfOrigin, ISO 3166)
OCOP_PREFIX = "ocop"

# "creating_class_instance" produces a quantity of a class-level identifier and, unlike
# "commissioning", may happen again for the same class: several lots may each draw on one
# day's harvest of a zone, and each lot's document adds its share. The transformation
# produces the lot's quantity from its inputs; commissioning then gives the lot number (a
# class-level identifier used for the first time) to the packages, with the ILMD.
HARVEST_STEP = "creating_class_instance"
TRANSFORMATION_STEP = "creating_class_instance"
COMMISSIONING_STEP = "commissioning"
ACTIVE = "active"
RECALLED = "recalled"


@dataclass(frozen=True)
class Harvest:
    """Raw material a lot drew from one zone on one day (input rows of that day summed)."""

    zone: Zone
    harvested_on: date
    quantity_kg: int


def namespace(host: str) -> str:
    """The IRI of our extension terms (planting-area codes, recall reason…)."""
    return f"{host}/ns/ocop#"


def lot_class(lot: Lot, host: str) -> str:
    """The lot's class-level identifier: its Digital Link without the expiry, or /t/<token>.

    /01/{gtin}/10/{lot} is GS1's Digital Link form of an LGTIN; `?17=` is data about the
    lot, not part of its identity, so it stays out. `lot.product` must be loaded.
    """
    return host + lot_path(lot)


def zone_uri(zone: Zone, host: str) -> str:
    """A zone (a place) by its planting-area code; zones have no GLN."""
    return f"{host}/zones/{quote(zone.code, safe='')}"


def material_class(harvest: Harvest, host: str) -> str:
    """The class of what one zone yielded on one day: a batch of raw material.

    Zones have no GTIN, so the class is a URI of ours. It names the day's harvest rather
    than the zone so that the place (readPoint, bizLocation) and the thing harvested there
    stay distinct, and two harvests of a zone stay two batches.
    """
    return f"{zone_uri(harvest.zone, host)}/harvests/{harvest.harvested_on.isoformat()}"


def producer_uri(lot: Lot, host: str) -> str:
    """Where the lot was made: its producer (no GLN either); `lot.product` must be loaded."""
    return f"{host}/producers/{quote(lot.product.producer.slug, safe='')}"


def harvests(lot: Lot) -> list[Harvest]:
    """The lot's inputs summed per zone and harvest day, in harvest order."""
    totals: dict[tuple[int, date], Harvest] = {}
    for item in lot.inputs:
        key = (item.zone.id, item.harvested_on)
        earlier = totals.get(key)
        totals[key] = Harvest(item.zone, item.harvested_on,
                              item.quantity_kg + (earlier.quantity_kg if earlier else 0))
    return sorted(totals.values(), key=lambda h: (h.harvested_on, h.zone.code))


def _on_day(day: date) -> datetime:
    # We record dates, not times: an event dated `day` is stamped 00:00 in Vietnam, which
    # claims no time of day and keeps the local date whatever the reader's zone.
    return datetime.combine(day, time(0), SHOP_ZONE)


def _at(instant: datetime) -> datetime:
    """An instant in Vietnam's time; naive values are UTC (SQLite drops the offset)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(SHOP_ZONE).replace(microsecond=0)


def _offset(moment: datetime) -> str:
    """The UTC offset as EPCIS writes it: "+07:00" in Vietnam, which keeps no summer time."""
    minutes = int(moment.utcoffset().total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _when(moment: datetime) -> dict[str, str]:
    return {"eventTime": moment.isoformat(), "eventTimeZoneOffset": _offset(moment)}


def _event_id(host: str, lot: Lot, *role: object) -> str:
    # A name-based UUID from our own ids: exporting a lot twice gives the same ids, so a
    # repository capturing both copies sees the same events. EPCIS 2.0's hash id
    # (ni:///sha-256;…?ver=CBV2.0) is only worth having when it follows CBV's canonical
    # serialisation exactly, which nothing here would verify; a stable UUID claims less.
    name = "/".join([host, "epcis", "lots", str(lot.id), *map(str, role)])
    return uuid5(NAMESPACE_URL, name).urn


def _place(uri: str) -> dict[str, dict[str, str]]:
    return {"readPoint": {"id": uri}, "bizLocation": {"id": uri}}


def _kilograms(items: Iterable[Harvest], host: str) -> list[dict]:
    return [{"epcClass": material_class(h, host), "quantity": h.quantity_kg, "uom": KILOGRAM}
            for h in items]


def _packages(lot: Lot, host: str) -> list[dict]:
    # No uom: the quantity counts trade items (boxes, bottles…) of the lot's class.
    return [{"epcClass": lot_class(lot, host), "quantity": lot.quantity}]


def _zone_ilmd(zone: Zone) -> dict[str, str]:
    ilmd = {"ocop:plantingAreaCode": zone.code, "ocop:crop": zone.crop,
            "cbvmda:countryOfOrigin": COUNTRY}
    if zone.variety:
        ilmd["ocop:variety"] = zone.variety
    if zone.standard is not Standard.NONE:
        ilmd["ocop:standard"] = zone.standard.value
        if zone.standard_certificate:
            ilmd["ocop:standardCertificate"] = zone.standard_certificate
    return ilmd


def lot_ilmd(lot: Lot) -> dict:
    """The lot's instance master data: CBV attributes, and our planting-area codes."""
    return {
        "cbvmda:lotNumber": lot.code,
        "cbvmda:itemExpirationDate": lot.expires_on.isoformat(),
        "cbvmda:countryOfOrigin": COUNTRY,
        "ocop:plantingAreaCodes": sorted({item.zone.code for item in lot.inputs}),
    }


def harvest_event(lot: Lot, harvest: Harvest, host: str) -> dict:
    """Kilograms of raw material harvested in a zone on a day, for this lot."""
    return {
        "type": "ObjectEvent",
        "eventID": _event_id(host, lot, "harvest", harvest.zone.id, harvest.harvested_on),
        **_when(_on_day(harvest.harvested_on)),
        "action": "ADD",
        "quantityList": _kilograms([harvest], host),
        "bizStep": HARVEST_STEP,
        "disposition": ACTIVE,
        **_place(zone_uri(harvest.zone, host)),
        "ilmd": _zone_ilmd(harvest.zone),
    }


def transformation_event(lot: Lot, host: str) -> dict:
    """The harvests in, the lot out, on the production day at the producer."""
    return {
        "type": "TransformationEvent",
        "eventID": _event_id(host, lot, "transformation"),
        **_when(_on_day(lot.produced_on)),
        "inputQuantityList": _kilograms(harvests(lot), host),
        "outputQuantityList": _packages(lot, host),
        "bizStep": TRANSFORMATION_STEP,
        "disposition": ACTIVE,
        **_place(producer_uri(lot, host)),
        "ilmd": lot_ilmd(lot),
    }


def commissioning_event(lot: Lot, host: str) -> dict:
    """The lot number given to the lot's packages, with expiry and planting-area codes."""
    return {
        "type": "ObjectEvent",
        "eventID": _event_id(host, lot, "commissioning"),
        **_when(_on_day(lot.produced_on)),
        "action": "ADD",
        "quantityList": _packages(lot, host),
        "bizStep": COMMISSIONING_STEP,
        "disposition": ACTIVE,
        **_place(producer_uri(lot, host)),
        "ilmd": lot_ilmd(lot),
    }


def recall_event(lot: Lot, host: str) -> dict:
    """The whole lot seen as recalled, when it was recalled, with the reason."""
    # CBV has no recall step: the disposition says it, so no bizStep. No place either: a
    # recall reaches the packages wherever they are.
    return {
        "type": "ObjectEvent",
        "eventID": _event_id(host, lot, "recall"),
        **_when(_at(lot.recalled_at)),
        "action": "OBSERVE",
        "quantityList": _packages(lot, host),
        "disposition": RECALLED,
        "ocop:recallReason": lot.recall_reason,
    }


def lot_events(lot: Lot, host: str) -> list[dict]:
    """The lot's events in time order (see the module docstring)."""
    events = [harvest_event(lot, harvest, host) for harvest in harvests(lot)]
    events += [transformation_event(lot, host), commissioning_event(lot, host)]
    # Shipping and receiving (ObjectEvents at outlets) belong here, between commissioning
    # and a recall, once outlets record them.
    if lot.recalled:
        events.append(recall_event(lot, host))
    return events


def lot_document(lot: Lot, host: str, created_at: datetime) -> dict:
    """The EPCISDocument of a loaded lot (see queries.load_lot); `host` is PUBLIC_HOST."""
    return {
        "@context": [EPCIS_CONTEXT, {OCOP_PREFIX: namespace(host)}],
        "type": "EPCISDocument",
        "schemaVersion": SCHEMA_VERSION,
        "creationDate": _at(created_at).isoformat(),
        "epcisBody": {"eventList": lot_events(lot, host)},
    }
