"""GTIN-13 numbers under Vietnam's GS1 prefix 893 for demo products."""

GS1_VIETNAM = "893"


def check_digit(body: str) -> int:
    """The GS1 check digit of `body`: weights 3,1,3,1… from the right."""
    total = sum(int(digit) * (3 if i % 2 == 0 else 1) for i, digit in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def demo_gtin(company: int, item: int) -> str:
    """A GTIN-13: 893, a five-digit company number, a four-digit item number, check digit."""
    body = f"{GS1_VIETNAM}{company:05d}{item:04d}"
    return body + str(check_digit(body))
