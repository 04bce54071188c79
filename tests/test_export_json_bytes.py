"""The indented exports (W3C, ClaimReview, JSON) are written by orjson: the bytes must be what
json.dumps(ensure_ascii=False, indent=2) wrote before, for every character a claim can hold;
and the claims files are read by orjson with json behind it for what orjson refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eternaut_reader.core.formats.base import dumps_indented
from eternaut_reader.core.storage.database import AtomicJSONStorage, CorruptDatabase


def as_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def test_every_character_is_written_as_json_writes_it():
    chars = [chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000]
    chars += ["\ufeff", "\u2028", "\u2029", "\ufffe", "😀", "\U0010ffff"]
    for start in range(0, len(chars), 64):
        text = "".join(chars[start : start + 64])
        doc = {"k": [text, 1, None, True, False, {}, [], {"nested": {"x": text}}], text: -7}
        assert dumps_indented(doc) == as_json(doc)


def test_what_orjson_refuses_goes_through_json():
    for doc in ({"lone": "\ud800"}, {"big": 2**70}):
        assert dumps_indented(doc) == as_json(doc)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"t": {"1": {"x": NaN}}}',
        b'{"t": {"1": {"x": "\\ud800"}}}',
    ],
)
def test_the_store_reads_what_json_read(tmp_path: Path, raw: bytes):
    path = tmp_path / "db.json"
    path.write_bytes(raw)
    expected = json.loads(raw.decode("utf-8"))
    assert json.dumps(AtomicJSONStorage(path).read()) == json.dumps(expected)


def test_a_byte_order_mark_is_still_a_corrupt_file(tmp_path: Path):
    path = tmp_path / "db.json"
    path.write_bytes(b'\xef\xbb\xbf{"t": {}}')
    with pytest.raises(CorruptDatabase):
        AtomicJSONStorage(path, read_only_because="test").read()


def test_an_integer_beyond_64_bits_is_read_not_refused(tmp_path: Path):
    # orjson reads it as a float (json as an int): either way no claim offset is that large,
    # and the file is read, not moved aside as corrupt.
    path = tmp_path / "db.json"
    path.write_bytes(b'{"t": {"1": {"x": 1' + b"0" * 30 + b"}}}")
    assert AtomicJSONStorage(path).read()["t"]["1"]["x"] == 1e30
