"""Demo: an open invitation to the demo member's cooperative, and a draft product of it
awaiting evaluation (no certificate, so shown nowhere in the shop)."""

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

from shop.accounts.models import User
from shop.catalog.models import Product, ProductImage
from shop.demo.images import draw_product_image
from shop.extensions import db
from shop.members.invitations import LIFETIME
from shop.members.models import Invitation
from shop.ocop.models import ProductSubgroup
from shop.producers.models import Producer

# A known token, so that README can give the demo invitation's link: /join/<token>.
INVITATION_TOKEN = "demo-invitation-ea-kiet-2026"
INVITED_EMAIL = "moi.thanhvien@ocop.example.vn"
DRAFT_SLUG = "ca-phe-robusta-len-men-ea-kiet-ban-nhap"


def seed_members(member_of: Producer, inviter: User, subgroups: dict[str, ProductSubgroup],
                 media_root: Path, now: datetime) -> None:
    """Add the open invitation and the draft product; flushes."""
    db.session.add(Invitation(
        producer_id=member_of.id, email=INVITED_EMAIL,
        token_hash=hashlib.sha256(INVITATION_TOKEN.encode()).hexdigest(),
        invited_by_id=inviter.id, created_at=now - timedelta(days=1),
        expires_at=now - timedelta(days=1) + LIFETIME))
    subgroup = subgroups["thuc-pham-che-bien"]
    photo = f"products/{DRAFT_SLUG}-1.jpg"
    draw_product_image(media_root / photo, 1, "bag", "Cà phê lên men", 0)
    db.session.add(Product(
        slug=DRAFT_SLUG, name_vi="Cà phê Robusta lên men Ea Kiết",
        name_en="Ea Kiet fermented Robusta coffee", producer_id=member_of.id,
        group_id=subgroup.group_id, subgroup_id=subgroup.id, price_vnd=240_000,
        unit_vi="gói 250 g", unit_en="250 g bag",
        story_vi="Hạt Robusta chín đỏ hái tay ở Ea Kiết.\n\nLên men 72 giờ trước khi phơi trên "
                 "giàn; chờ Hội đồng OCOP tỉnh đánh giá.",
        story_en="Ripe Robusta cherries picked by hand in Ea Kiết.\n\nFermented for 72 hours "
                 "before drying on raised beds; awaiting the provincial OCOP council's "
                 "evaluation.",
        images=[ProductImage(path=photo, position=0, alt_vi="Hình minh họa gói cà phê lên men",
                             alt_en="Illustration of a bag of fermented coffee")]))
    db.session.flush()
