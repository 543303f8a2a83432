"""What occasions and statuses are called, on pages and in search."""

from flask_babel import lazy_gettext as _l

from shop.combos.models import ComboStatus, Occasion

OCCASION_LABELS = {
    Occasion.TET: _l("Tết (lunar new year)"),
    Occasion.MID_AUTUMN: _l("Mid-autumn festival"),
    Occasion.WOMEN_MARCH: _l("8/3 International Women's Day"),
    Occasion.WOMEN_OCTOBER: _l("20/10 Vietnamese Women's Day"),
    Occasion.TEACHERS: _l("20/11 Teachers' Day"),
    Occasion.REGIONAL: _l("Regional specialities"),
}

STATUS_LABELS = {ComboStatus.DRAFT: _l("Draft"), ComboStatus.PUBLISHED: _l("Published")}

# The words search finds an occasion by, in both languages whatever the reader's: "tet" and
# "trung thu" find the combos of their season even when their names do not say it.
OCCASION_WORDS = {
    Occasion.TET: "Tết Nguyên Đán lunar new year",
    Occasion.MID_AUTUMN: "Trung thu rằm tháng Tám mid-autumn",
    Occasion.WOMEN_MARCH: "8/3 Quốc tế Phụ nữ women's day",
    Occasion.WOMEN_OCTOBER: "20/10 Phụ nữ Việt Nam women's day",
    Occasion.TEACHERS: "20/11 Nhà giáo Việt Nam teachers' day",
    Occasion.REGIONAL: "đặc sản vùng miền regional specialities",
}
