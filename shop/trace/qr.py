"""The QR matrix behind every label: encoded once here, drawn as PNG, SVG or PDF elsewhere."""

import re
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.exceptions import DataOverflowError

# The standard asks for 4 modules of white around a code; the matrix carries them, so every
# renderer that draws the whole matrix keeps the quiet zone without thinking about it.
QUIET_ZONE = 4
# A fixed mask. Left to choose, qrcode builds the matrix 8 times to score each mask's penalty
# (~7 ms a code against ~1 ms), too slow for a 1,000-label sheet. Decoders read whichever of
# the 8 masks the format bits name; the score only steers clear of patterns that are rare in
# the random-looking error-correction bits. Mask 4 ((row // 2 + column // 3) % 2) decoded best
# of the eight, and better than the penalty's choice, on 300 label URLs blurred as by a cheap
# printer or a shaky phone; the checkerboard (mask 0) decoded worst.
MASK_PATTERN = 4
_DARK_RUN = re.compile(rb"\x01+")
# Module value (1 dark, 0 light) to an 8-bit grey: ink is black, paper white.
_TO_GREY = bytes([255, 0]) + bytes(254)


class QRCapacityError(ValueError):
    """The data is longer than the largest QR code (version 40) holds."""


@dataclass(frozen=True)
class QRMatrix:
    """A QR code's modules, quiet zone included: rows[r][c] is 1 for a dark module, else 0."""

    rows: tuple[bytes, ...]

    @property
    def size(self) -> int:
        """Modules across (and down), quiet zone included."""
        return len(self.rows)

    def runs(self) -> list[tuple[int, int, int]]:
        """The dark modules merged into horizontal runs: (row, first column, length)."""
        return [(r, run.start(), run.end() - run.start())
                for r, row in enumerate(self.rows) for run in _DARK_RUN.finditer(row)]

    def grey_bytes(self) -> bytes:
        """The matrix as 8-bit grey pixels, one per module, row after row (for Pillow)."""
        return b"".join(self.rows).translate(_TO_GREY)


def qr_matrix(data: str) -> QRMatrix:
    """Encode `data` at error correction M in the smallest version that holds it."""
    if not data.isascii():
        # Phones guess the character set of non-ASCII bytes; a URI is ASCII once %-encoded.
        raise ValueError("QR data must be ASCII: percent-encode the URL first.")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE,
                         mask_pattern=MASK_PATTERN)
    code.add_data(data)
    try:
        # best_fit, then make without fit: make(fit=True) runs the version search twice.
        code.best_fit()
        code.make(fit=False)
    # Past version 40, qrcode 8 raises ValueError("Invalid version…") before DataOverflowError.
    except (DataOverflowError, ValueError):
        raise QRCapacityError(f"{len(data)} characters do not fit in any QR code.") from None
    return QRMatrix(tuple(bytes(row) for row in code.get_matrix()))
