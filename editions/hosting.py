"""Serve a built site on 127.0.0.1 with nginx exactly as the hosting guide configures it (the guide's
own server block, with only its address and folder changed): for the tests and the Lighthouse bench."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "en" / "hosting.md"
GUIDE_LISTEN = "listen 80;"
GUIDE_ROOT = "root /srv/lmp-course/site;"


class HostingError(Exception):
    pass


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


def guide_server_block(guide: Path = GUIDE) -> str:
    blocks = re.findall(r"```nginx\n(.*?)```", guide.read_text(encoding="utf-8"), re.S)
    if len(blocks) != 1:
        raise HostingError(f"{guide}: expected one nginx configuration, found {len(blocks)}")
    for line in (GUIDE_LISTEN, GUIDE_ROOT):
        if line not in blocks[0]:
            raise HostingError(f"{guide}: the nginx example no longer has {line!r}")
    return blocks[0]


def nginx_config(site: Path, port: int, work: Path) -> str:
    """A whole nginx.conf around the guide's server block, runnable without root from `work`."""
    server = guide_server_block().replace(GUIDE_LISTEN, f"listen 127.0.0.1:{port};").replace(
        GUIDE_ROOT, f"root {site.resolve()};")
    temp = "\n".join(f"  {kind}_temp_path {work}/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Started by root (as in CI), nginx's workers would run as "nobody" and could not read a private tmp dir.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log off;\n{temp}\n{server}\n}}\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(site: Path, work: Path):
    """Yield the root URL of `site` served by nginx with the guide's configuration."""
    binary = nginx_binary()
    if binary is None:
        raise HostingError("nginx is not installed (apt-get install -y nginx)")
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (work / "nginx.conf").write_text(nginx_config(site, port, work))
    process = subprocess.Popen([binary, "-e", str(work / "error.log"), "-p", str(work), "-c",
                                str(work / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    root = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(root + "/").close()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    raise HostingError("nginx did not start with the guide's configuration:\n"
                                       + process.stdout.read().decode()) from None
                time.sleep(0.05)
        yield root
    finally:
        process.terminate()
        process.wait(timeout=10)
