"""Certificate codes: a keyed hash only the centre's secret makes, checked by `verify`."""

from __future__ import annotations

import base64
import hashlib
import hmac
import stat

import pytest

from course.errors import CourseError
from course.publishing.verification import (
    SECRET_FILE,
    Verified,
    centre_secret,
    verification_code,
    verify,
)

SECRET = bytes(range(32))


def test_the_code_is_the_documented_keyed_hash():
    # HMAC-SHA256 of "lmp-certificate-v1\n<edition>\n<certificate>\n<name, case-folded>", first 10 bytes, base32.
    mac = hmac.new(SECRET, b"lmp-certificate-v1\n2027-1\nachievement\nann banda", hashlib.sha256).digest()[:10]
    body = base64.b32encode(mac).decode()
    assert verification_code(SECRET, "2027-1", "achievement", "Ann  Banda") == \
        f"2027-1-A-{body[:4]}-{body[4:8]}-{body[8:12]}-{body[12:]}"


def test_a_code_verifies_with_its_name_and_tells_which_certificate():
    code = verification_code(SECRET, "2027-1", "participation", "Adjoa Mensah")
    assert verify(SECRET, code, "Adjoa Mensah") == Verified("2027-1", "participation")
    assert verify(SECRET, code.lower().replace("2027-1-p", "2027-1-P"), " adjoa   MENSAH ") == \
        Verified("2027-1", "participation")


@pytest.mark.parametrize("change", ["name", "kind", "edition", "secret", "digit", "garbage"])
def test_anything_changed_fails(change):
    code = verification_code(SECRET, "2027-1", "participation", "Adjoa Mensah")
    name, secret = "Adjoa Mensah", SECRET
    if change == "name":
        name = "Adjoa Mensa"
    elif change == "kind":
        code = code.replace("-P-", "-A-")
    elif change == "edition":
        code = "2027-2" + code[6:]
    elif change == "secret":
        secret = bytes(32)
    elif change == "digit":
        code = code[:-1] + ("A" if code[-1] != "A" else "B")
    else:
        code = "not-a-code"
    assert verify(secret, code, name) is None


def test_the_secret_is_made_once_for_its_owner_only(tmp_path):
    folder = tmp_path / "config" / "course"
    with pytest.raises(CourseError, match="no centre secret here"):
        centre_secret(folder, create=False)
    first = centre_secret(folder, create=True)
    assert len(first) == 32 and centre_secret(folder, create=True) == first
    assert stat.S_IMODE((folder / SECRET_FILE).stat().st_mode) == 0o600
    (folder / SECRET_FILE).write_text("damaged\n")
    with pytest.raises(CourseError, match="is not a centre secret"):
        centre_secret(folder, create=True)
