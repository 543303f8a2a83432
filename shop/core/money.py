"""Money: integer đồng, formatted per language."""


def format_vnd(amount: int, locale: str = "vi") -> str:
    """Format integer đồng: "125.000 ₫" in Vietnamese, "₫125,000" in English."""
    if amount < 0:
        return "-" + format_vnd(-amount, locale)
    grouped = f"{amount:,}"
    if locale.startswith("vi"):
        return grouped.replace(",", ".") + "\u00a0₫"
    return "₫" + grouped
