"""Front-matter dates: always timezone-aware, with a readable reason when they cannot be read."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Seoul"

_DATE_ONLY = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$")
_KOREAN_DATE = re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$")


class DateError(ValueError):
    """A front-matter date that is not a real date; the message says why."""


def get_timezone(name: str) -> dt.tzinfo:
    """Look up an IANA zone such as `Asia/Seoul`; raise ValueError with a readable message."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r} (use an IANA name such as 'Asia/Seoul')") from exc


def parse_date(value: object, tz: dt.tzinfo) -> dt.datetime:
    """Turn a front-matter value into an aware datetime; a date alone means midnight in `tz`.

    Accepts `2026-11-27`, `2026.11.27`, `2026년 11월 27일`, `2026-11-27 09:30`,
    `2026-11-27T09:30:00+09:00` and `…Z`, and YAML date/datetime objects.
    """
    if isinstance(value, dt.datetime):
        return whole_minutes(value if value.tzinfo else value.replace(tzinfo=tz))
    if isinstance(value, dt.date):
        return whole_minutes(dt.datetime(value.year, value.month, value.day, tzinfo=tz))
    if not isinstance(value, str) or not value.strip():
        raise DateError(f"{_shown(value)} is not a date; {ACCEPTED}")
    text = value.strip()
    match = _DATE_ONLY.match(text) or _KOREAN_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return whole_minutes(dt.datetime(year, month, day, tzinfo=tz))
        except ValueError as exc:
            raise DateError(f"{text!r} is not a real date ({exc}); {ACCEPTED}") from None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise DateError(f"{text!r} is not a date jisik can read; {ACCEPTED}") from None
    return whole_minutes(parsed if parsed.tzinfo else parsed.replace(tzinfo=tz))


ACCEPTED = (
    "write it as YYYY-MM-DD (also accepted: 2026.11.27, 2026년 11월 27일, 2026-11-27 09:30, "
    "2026-11-27T09:30:00+09:00)"
)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def whole_minutes(value: dt.datetime) -> dt.datetime:
    """The same wall-clock time with its UTC offset in whole minutes. Before 1908 Seoul kept local
    mean time (+08:27:52); RFC 822 (RSS), RFC 3339 (JSON Feed, JSON-LD) and HTML `datetime` only
    have hours and minutes, so such an offset is rounded to the nearest minute (+08:28)."""
    offset = value.utcoffset()
    if offset is None or not offset % dt.timedelta(minutes=1):
        return value
    minutes = round(offset.total_seconds() / 60)
    return value.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))


def iso_datetime(value: dt.datetime) -> str:
    """The time for `<time datetime>`, Open Graph, JSON-LD and JSON Feed: ISO 8601 with at most
    milliseconds and a whole-minute offset (`whole_minutes`, the rule of every other output)."""
    value = whole_minutes(value)
    return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
