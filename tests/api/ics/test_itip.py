"""libical, the library behind Evolution and many servers, reads every feed without an
error and its iTIP restriction check passes (METHOD:PUBLISH without ORGANIZER failed it).

libical is reached through GObject introspection from the system Python (`.ci/run`
installs python3-gi and gir1.2-ical-3.0); without them this test is skipped."""

from __future__ import annotations

import subprocess
from pathlib import Path

import msgspec
import pytest

from calendar_svc.api.feeds import render_calendar
from calendar_svc.domain.views import Schedule
from tests.api.ics.conftest import SPEC
from tests.api.ics.schedules import small_schedule

SYSTEM_PYTHON = "/usr/bin/python3"
CHECK = Path(__file__).with_name("itip_check.py")


def _has_libical() -> bool:
    probe = "import gi; gi.require_version('ICalGLib', '3.0')"
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True).returncode == 0
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _has_libical(), reason="libical's GObject bindings missing")


def _check(files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SYSTEM_PYTHON, str(CHECK), *map(str, files)], capture_output=True, text=True
    )


def test_every_feed_passes_libicals_itip_check(seed_schedule: Schedule, tmp_path: Path) -> None:
    feeds = {
        "seed": render_calendar(seed_schedule, SPEC),
        "seed-vi": render_calendar(seed_schedule, msgspec.structs.replace(SPEC, lang="vi")),
        "seed-none": render_calendar(
            seed_schedule, msgspec.structs.replace(SPEC, engagements="none")
        ),
        "small": render_calendar(small_schedule(), SPEC),
    }
    files = []
    for name, data in feeds.items():
        path = tmp_path / f"{name}.ics"
        path.write_bytes(data)
        files.append(path)
    result = _check(files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("restriction_check=pass errors=[]") == len(files)


def test_the_check_fails_a_publish_without_organizer(tmp_path: Path) -> None:
    """The check is real: the feed as it was (METHOD:PUBLISH, no ORGANIZER) fails it."""
    data = render_calendar(small_schedule(), SPEC)
    old = data.replace(b"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", 1)
    path = tmp_path / "publish.ics"
    path.write_bytes(old)
    result = _check([path])
    assert result.returncode == 1
    assert "ORGANIZER" in result.stdout
