"""GTIN-13 numbers (stored as GTIN-14) under Vietnam's GS1 prefix 893 for demo products."""

from shop.core.gs1 import PREFIX_VIETNAM, with_check_digit


def demo_gtin(company: int, item: int) -> str:
    """A GTIN-13 (893, a five-digit company number, a four-digit item number, check digit)
    in the form products store it: GTIN-14, with a leading zero."""
    return "0" + with_check_digit(f"{PREFIX_VIETNAM}{company:05d}{item:04d}")
