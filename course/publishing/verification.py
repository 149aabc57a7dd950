"""Certificate verification codes that only the issuing centre can make: a keyed hash (HMAC-SHA256) of the
edition, the certificate and the name, under the centre's own secret.

The secret is made on first use in the tutor's configuration folder (never in the site or beside the
certificates) and must be kept, and backed up, like a stamp: a code can be checked only where it is.
A code reads `2027-1-A-K3QX-7MTB-2D4F-H8TW`: the edition, A (Achievement) or P (Participation), and
80 bits of the keyed hash in base32 (letters and the digits 2 to 7).
"""

from __future__ import annotations

import base64
import hmac
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from ..errors import CourseError
from ..grading.rules import ACHIEVEMENT, PARTICIPATION

SECRET_FILE = "certificate-secret"
KINDS = {ACHIEVEMENT: "A", PARTICIPATION: "P"}
_CERTIFICATES = {letter: certificate for certificate, letter in KINDS.items()}
_GROUPS = 4                          # of 4 base32 characters: 16 characters, 80 bits
_HEX_SECRET = re.compile(r"^[0-9a-f]{64}$")


def centre_secret(folder: Path, *, create: bool) -> bytes:
    """The centre's secret, from `folder`; made there (readable by its owner only) when `create` and absent."""
    path = Path(folder) / SECRET_FILE
    if not path.exists():
        if not create:
            raise CourseError(f"{path}: no centre secret here, so no code can be checked on this computer; "
                              "use the computer that issued the certificates, or copy its secret file here")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:         # made by another run a moment ago: use that one
            return centre_secret(folder, create=False)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32) + "\n")
    text = path.read_text(encoding="ascii", errors="replace").strip()
    if not _HEX_SECRET.match(text):
        raise CourseError(f"{path}: is not a centre secret (64 hexadecimal digits); restore it from your backup")
    return bytes.fromhex(text)


def canonical_name(name: str) -> str:
    """The name as compared: Unicode NFC, single spaces, case ignored (never any other change)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def verification_code(secret: bytes, edition: str, certificate: str, name: str) -> str:
    message = "\n".join(["lmp-certificate-v1", edition, certificate, canonical_name(name)])
    body = base64.b32encode(hmac.new(secret, message.encode("utf-8"), sha256).digest()[:10]).decode("ascii")
    return "-".join([edition, KINDS[certificate], *(body[i:i + 4] for i in range(0, 4 * _GROUPS, 4))])


@dataclass(frozen=True)
class Verified:
    edition: str
    certificate: str


def verify(secret: bytes, code: str, name: str) -> Verified | None:
    """What the code certifies for this name, or None if this centre did not issue it (or the name differs)."""
    parts = re.sub(r"\s+", "", code).split("-")
    if len(parts) < _GROUPS + 2:
        return None
    # Base32 has no 0, 1 or 8: read them as the letters they are mistaken for.
    groups = [p.upper().translate(str.maketrans("018", "OIB")) for p in parts[-_GROUPS:]]
    letter, edition = parts[-_GROUPS - 1].upper(), "-".join(parts[:-_GROUPS - 1])
    if letter not in _CERTIFICATES or not edition:
        return None
    certificate = _CERTIFICATES[letter]
    expected = verification_code(secret, edition, certificate, name)
    given = "-".join([edition, letter, *groups])
    return Verified(edition, certificate) if hmac.compare_digest(expected, given) else None
