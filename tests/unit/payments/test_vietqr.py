"""VietQR payloads: byte for byte against the worked example and published samples, refused
input, and a real decoder reading the rendered code."""

import io

import pytest
import zxingcpp
from PIL import Image

from shop.core.errors import InvalidInput
from shop.payments.vietqr import crc16, encode, parse, payload, qr_png, transfer_message, with_crc

pytestmark = pytest.mark.usefixtures("english")

# ../shared/DOMAIN.md's worked example, vietqr.io's documentation example, NAPAS v1.5.2's example.
WORKED = ("00020101021238570010A00000072701270006970436011300110044556670208QRIBFTTA5303704"
          "54063250005802VN62160812OCOP DH7K2Q9630450D0")
VIETQR_IO = ("00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA5303704"
             "5405790005802VN62220818Ung Ho Quy Vac Xin63043ACF")
NAPAS = ("00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA5303704"
         "54061800005802VN62340107NPS68690819thanh toan don hang63042E2E")


def refusal(call, *args) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        call(*args)
    return refused.value


def test_crc_is_ccitt_false():
    assert crc16("123456789") == 0x29B1
    assert crc16("") == 0xFFFF


def test_the_worked_example_is_reproduced_byte_for_byte():
    assert payload("970436", "0011004455667", 325000, "OCOP DH7K2Q9") == WORKED


def test_vietqr_io_sample_reads_and_is_rebuilt_from_its_fields():
    fields = parse(VIETQR_IO)
    beneficiary = fields["38"]["01"]
    assert fields["38"]["00"] == "A000000727" and fields["38"]["02"] == "QRIBFTTA"
    assert (beneficiary["00"], beneficiary["01"]) == ("970415", "113366668888")
    assert (fields["53"], fields["54"], fields["58"]) == ("704", "79000", "VN")
    assert fields["62"] == {"08": "Ung Ho Quy Vac Xin"}
    assert fields["63"] == "3ACF"
    rebuilt = payload(beneficiary["00"], beneficiary["01"], int(fields["54"]), fields["62"]["08"])
    assert rebuilt == VIETQR_IO


def test_napas_sample_with_a_bill_number_reads_and_is_rebuilt_from_its_fields():
    fields = parse(NAPAS)
    assert fields["38"]["01"] == {"00": "970403", "01": "0011012345678"}
    assert fields["62"] == {"01": "NPS6869", "08": "thanh toan don hang"}
    assert fields["63"] == "2E2E"
    body = {tag: value for tag, value in fields.items() if tag != "63"}
    assert with_crc(encode(body)) == NAPAS
    # Our own payload for the same transfer differs only by the bill number NAPAS put in 62/01.
    ours = payload("970403", "0011012345678", 180000, "thanh toan don hang")
    assert parse(ours)["62"] == {"08": "thanh toan don hang"}
    assert ours[:ours.index("62")] == NAPAS[:NAPAS.index("62")]


def test_every_published_payload_parses_to_what_payload_would_write():
    fields = parse(WORKED)
    assert list(fields) == ["00", "01", "38", "53", "54", "58", "62", "63"]
    assert fields["01"] == "12"  # dynamic: one transaction


def test_transfer_message_holds_prefix_and_number():
    assert transfer_message("OCOP", "DH7K2Q9MZ") == "OCOP DH7K2Q9MZ"
    assert refusal(transfer_message, "OCOP", "DH7K2Q9MZ-XYZ1234").field == "message"
    assert refusal(transfer_message, "ĐH", "DH7K2Q9MZ").field == "message"
    assert refusal(transfer_message, "", "DH7K2Q9MZ").field == "message"


@pytest.mark.parametrize(("args", "field"), [
    (("97043", "0011004455667", 1000, "OCOP A"), "bin"),
    (("9704366", "0011004455667", 1000, "OCOP A"), "bin"),
    (("97O436", "0011004455667", 1000, "OCOP A"), "bin"),
    (("٩٧٠٤٣٦", "0011004455667", 1000, "OCOP A"), "bin"),  # Arabic-Indic digits pass isdigit()
    (("970436", "", 1000, "OCOP A"), "account"),
    (("970436", "0011 0044 55667", 1000, "OCOP A"), "account"),
    (("970436", "12345678901234567890", 1000, "OCOP A"), "account"),
    (("970436", "0011-004455667", 1000, "OCOP A"), "account"),
    (("970436", "0011004455667", 0, "OCOP A"), "amount"),
    (("970436", "0011004455667", -325000, "OCOP A"), "amount"),
    (("970436", "0011004455667", 325000.0, "OCOP A"), "amount"),
    (("970436", "0011004455667", "325000", "OCOP A"), "amount"),
    (("970436", "0011004455667", True, "OCOP A"), "amount"),
    (("970436", "0011004455667", 10 ** 13, "OCOP A"), "amount"),
    (("970436", "0011004455667", 1000, ""), "message"),
    (("970436", "0011004455667", 1000, "Thanh toán đơn"), "message"),
    (("970436", "0011004455667", 1000, "OCOP-DH7K2Q9"), "message"),
    (("970436", "0011004455667", 1000, " OCOP DH7K2Q9"), "message"),
    (("970436", "0011004455667", 1000, "OCOP  DH7K2Q9"), "message"),
    (("970436", "0011004455667", 1000, "OCOP DH7K2Q9 ABCDEFG"), "message"),
])
def test_bad_input_is_refused_naming_the_field(args, field):
    assert refusal(payload, *args).field == field


def test_the_boundaries_are_accepted():
    longest = payload("970436", "A" * 19, 10 ** 13 - 1, "M" * 19)
    fields = parse(longest)
    assert fields["38"]["01"]["01"] == "A" * 19
    assert fields["54"] == "9999999999999"
    assert fields["62"]["08"] == "M" * 19
    assert parse(payload("970436", "7", 1, "A"))["54"] == "1"


@pytest.mark.parametrize(("text", "words"), [
    ("", "empty"),
    (WORKED[:-1] + "1", "CRC says 50D1 but the payload works out to 50D0"),
    (WORKED.replace("325000", "925000"), "changed or mistyped"),
    (WORKED[:-8], "ends with field 63"),
    ("0002010102123857", "field 38 says 57 characters but 0 follow"),
    (WORKED.replace("0208QRIBFTTA", "02x8QRIBFTTA"), "field 38/02"),
    ("000202" + WORKED[6:], "begins with field 00 holding 01"),
    ("00020101021201021263040000", "Field 01 appears twice"),
    (with_crc("0002010102126211" + "0808OCOP 12"), "field 62/08 says 8 characters but 7 follow"),
    (with_crc("000201010212" + "620608x4ab"), "at character 17 (field 62/08)"),
])
def test_a_broken_payload_is_refused_saying_what_is_wrong(text, words):
    refused = refusal(parse, text)
    assert refused.field == "payload"
    assert words.lower() in refused.message.lower()


def test_a_rendered_code_decodes_to_the_same_payload():
    text = payload("970436", "0011004455667", 1_250_000, transfer_message("OCOP", "DH7K2Q9MZ"))
    image = Image.open(io.BytesIO(qr_png(text)))
    assert image.format == "PNG"
    decoded = zxingcpp.read_barcodes(image)
    assert [(d.format, d.text) for d in decoded] == [(zxingcpp.BarcodeFormat.QRCode, text)]
