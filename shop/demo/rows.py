"""The shapes of the demo data tables."""

from typing import NamedTuple

from shop.producers.models import ProducerKind


class ProductRow(NamedTuple):
    """A product: Vietnamese and English names and its kind (a key of kinds.KINDS)."""

    name_vi: str
    name_en: str
    kind: str


class ProducerRow(NamedTuple):
    """A producer with the place it works in and the products it makes.

    `former_province` and `district` are the units that recognised its older certificates
    (districts were abolished and provinces merged in 2025).
    """

    name: str
    kind: ProducerKind
    province: str
    former_province: str
    district: str
    hamlet: str
    commune: str
    products: tuple[ProductRow, ...]


HTX = ProducerKind.COOPERATIVE
CTY = ProducerKind.COMPANY
THT = ProducerKind.COOPERATIVE_GROUP
HKD = ProducerKind.HOUSEHOLD
P = ProductRow
