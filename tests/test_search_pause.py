"""The search worker answers once typing pauses (macros/search_worker_pause.js), for the words typed last: the theme
asks at every key, and on a slow computer laying out each answer held the page for up to a second. Oracle: the same
worker's answer to those words asked alone."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("words", ["steering committee", "recruitment fees", "s"])
def test_a_query_per_key_typed_gets_one_answer_for_the_words_typed_last(site, words):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (apt-get install -y nodejs)")
    result = subprocess.run([node, str(ROOT / "tests" / "search_typed.js"), str(site), words],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    typed = json.loads(result.stdout)
    assert typed["answers"] == 1, f"{typed['answers']} answers to {len(words)} keys typed"
    assert typed["same"], "the answer is not the one for the words typed last"
