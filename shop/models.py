"""Imports every model so SQLAlchemy's metadata (and Alembic) sees the whole schema."""

from shop.accounts.models import Membership, Role, User, UserSession
from shop.catalog.models import Product, ProductImage
from shop.combos.models import Combo, ComboComponent, ComboImage, ComboOutlet
from shop.fairs.models import Booth, Fair, FairApplication, FairApplicationProduct, FairProduct
from shop.mail.models import MailMessage, PeriodicJob
from shop.members.models import DueReminder, Invitation
from shop.ocop.models import Certificate, Level, ProductGroup, ProductSubgroup
from shop.orders.models import Cart, CartLine, Order, OrderEvent, OrderLine, OrderLineLot
from shop.outlets.models import Bank, DeliveryFee, OpeningHours, Outlet
from shop.outlets.stock_models import StockHold, StockLevel, StockMove
from shop.payments.models import Payment, StatementUpload
from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind
from shop.registry.decisions.models import DecisionFile, DecisionImport
from shop.trace.models import LabelRun, Lot, LotInput, Scan, Unit, Zone

__all__ = [
    "Certificate", "Level", "Membership", "Producer", "ProducerKind", "Product", "ProductGroup",
    "ProductImage", "ProductSubgroup", "Province", "Role", "User", "UserSession",
    "LabelRun", "Lot", "LotInput", "Scan", "Unit", "Zone",
    "MailMessage", "PeriodicJob", "DecisionFile", "DecisionImport",
    "Combo", "ComboComponent", "ComboImage", "ComboOutlet",
    "Booth", "Fair", "FairProduct", "FairApplication", "FairApplicationProduct",
    "Invitation", "DueReminder",
    "Bank", "DeliveryFee", "OpeningHours", "Outlet", "StockHold", "StockLevel", "StockMove",
    "Cart", "CartLine", "Order", "OrderEvent", "OrderLine", "OrderLineLot", "Payment",
    "StatementUpload",
]
