"""checker.signing: BLAKE2b and constant-time comparison without OpenSSL, the same as hashlib's and hmac's."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from checker import signing

PAYLOADS = [b"", b"a", b"factlint" * 1000, "Zürich – 48,6 Mio. €".encode(), bytes(range(256))]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("options", [{}, {"digest_size": 16}, {"digest_size": 6, "key": b"k" * 32}, {"key": b"\0" * 64}])
def test_blake2b_is_hashlibs(payload, options):
    assert signing.blake2b(payload, **options).digest() == hashlib.blake2b(payload, **options).digest()


@pytest.mark.parametrize("left, right", [(b"", b""), (b"abc", b"abc"), (b"abc", b"abd"), (b"abc", b"ab"), (b"\xff" * 64, b"\xff" * 64)])
def test_same_digest_is_hmacs(left, right):
    assert signing.same_digest(left, right) == hmac.compare_digest(left, right) == (left == right)


def test_a_signature_depends_on_key_purpose_and_payload():
    key = b"k" * 32
    signature = signing.sign(key, b"payload")
    assert signature == hashlib.blake2b(b"factlint-sheets" + b"payload", key=key, digest_size=32).hexdigest().encode("ascii")
    assert signing.sign(key, memoryview(b"payload")) == signature
    others = {signing.sign(b"j" * 32, b"payload"), signing.sign(key, b"payload", b"factlint-config"), signing.sign(key, b"payloae")}
    assert signature not in others and len(others) == 3
    # a file signed the way factlint signed before (HMAC-SHA256) does not verify
    old = hmac.new(key, b"factlint-sheets" + b"payload", hashlib.sha256).hexdigest().encode("ascii")
    assert not signing.same_digest(old, signature)
