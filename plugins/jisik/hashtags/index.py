"""The tag index of a whole site: which articles carry which tag, and related articles.

Built from article records only (no MkDocs), so it is tested without a build.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Article, Entry, Problem
from .tags import Group, assign_slugs, initial_group, is_valid_tag, sort_name, tag_form, tag_key


@dataclass
class Tag:
    """One tag: identity key, display name, URL slug, and its listed articles newest first."""

    key: str
    name: str
    slug: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def group(self) -> Group:
        return initial_group(self.name)


class TagIndex:
    """All tags of a corpus. Drafts keep their tags but are listed nowhere."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: e.article.sort_key)
        self.problems: dict[str, list[Problem]] = defaultdict(list)
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        self._keys: dict[str, tuple[str, ...]] = {}
        for entry in self.entries:
            keys: list[str] = []
            lines = entry.article.tag_lines
            for number, raw in enumerate(entry.article.tags):
                if not is_valid_tag(raw):
                    line = lines[number] if number < len(lines) else None
                    self.problems[entry.article.path].append(
                        Problem(f"tag {raw!r} has no letter or digit; it is ignored", line)
                    )
                    continue
                key = tag_key(raw)
                if key not in keys:
                    keys.append(key)
                    forms[key][tag_form(raw)] += 1
            self._keys[entry.article.path] = tuple(keys)

        listed: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            if not entry.article.draft:
                for key in self._keys[entry.article.path]:
                    listed[key].append(entry)
        slugs, self.clashes = assign_slugs(listed)
        self.tags: dict[str, Tag] = {
            key: Tag(key, _display_name(forms[key]), slugs[key], listed[key]) for key in listed
        }
        self._names = {key: _display_name(counter) for key, counter in forms.items()}
        self._position = {entry.article.path: n for n, entry in enumerate(self.entries)}  # newest first
        self._tag_positions = {
            key: [self._position[e.article.path] for e in tag.entries] for key, tag in self.tags.items()
        }
        self._tag_members = {key: frozenset(positions) for key, positions in self._tag_positions.items()}
        self._listed = sum(1 for e in self.entries if not e.article.draft)
        self._weights = {key: math.log((self._listed + 1) / tag.count) for key, tag in self.tags.items()}

    def sorted_tags(self) -> list[Tag]:
        """Every tag with a page, in the order of the all-tags page."""
        return sorted(self.tags.values(), key=lambda t: sort_name(t.name))

    def groups(self) -> list[tuple[Group, list[Tag]]]:
        """Tags grouped under ㄱ ㄴ ㄷ …, then A–Z, then 기타."""
        grouped: dict[Group, list[Tag]] = defaultdict(list)
        for tag in self.sorted_tags():
            grouped[tag.group].append(tag)
        return sorted(grouped.items())

    def chips(self, article: Article) -> list[tuple[str, Tag | None]]:
        """The tags of one article as `(display name, tag page or None)`, in the article's order."""
        return [(self._names[key], self.tags.get(key)) for key in self._keys.get(article.path, ())]

    def keys(self, article: Article) -> Sequence[str]:
        return self._keys.get(article.path, ())

    def weight(self, key: str) -> float:
        """Rarer tags weigh more: log((N + 1) / df), N listed articles, df articles with the tag."""
        return self._weights.get(key, 0.0)

    def related(self, article: Article, limit: int) -> list[Entry]:
        """Up to `limit` listed articles sharing the most (and rarest) tags with `article`; ties go to
        the newer article.

        Tags are taken rarest first. Once `limit` candidates score more than all the tags still to
        come could give a newcomer, no newcomer can reach the list: the remaining (common) tags only
        add to the candidates already found. So the work stays proportional to the rare tags' sizes,
        not to the most common tag's, and the result is the same as scoring everyone.
        """
        if limit <= 0:
            return []
        own = self._position.get(article.path, -1)
        weights = self._weights
        shared = sorted(((weights[key], key) for key in self.keys(article) if key in weights), reverse=True)
        remaining = sum(weight for weight, _key in shared)
        scores: dict[int, float] = {}
        admitting = True
        for weight, key in shared:
            remaining -= weight
            if admitting:
                get = scores.get
                positions = self._tag_positions[key]
                done = len(positions)
                for position in positions[: limit + 1]:
                    scores[position] = get(position, 0.0) + weight
                if done > limit:  # checked at doubling counts: linear, at most twice the need
                    done = _read_until_settled(scores, own, limit, weight, weight + remaining, positions)
                if done < len(positions):  # the older articles of this tag that are candidates already
                    last = positions[done - 1]
                    for position in self._tag_members[key].intersection(scores):
                        if position > last:
                            scores[position] += weight
                scores.pop(own, None)
                bound = remaining + 1e-9
                if len(scores) >= limit and max(scores.values()) > bound:
                    admitting = sorted(scores.values())[-limit] <= bound
            else:
                for position in self._tag_members[key].intersection(scores):
                    scores[position] += weight
        if not scores:
            return []
        # Highest score first; among equal scores the newer article (lower position). Scores are
        # compared rounded: log 7 and log 2 + log 3.5 are the same score, not 3e-16 apart. Only the
        # few candidates within rounding of the `limit`-th best can make the list.
        near = list(scores)
        if len(scores) > limit:
            cut = sorted(scores.values())[-limit] - 1e-9
            near = [position for position, score in scores.items() if score >= cut]
        best = sorted(near, key=lambda p: (-round(scores[p], 9), p))
        return [self.entries[position] for position in best[:limit]]


def _read_until_settled(
    scores: dict[int, float], own: int, limit: int, weight: float, most: float, positions: list[int]
) -> int:
    """Reads a tag's articles (newest first; the first `limit + 1` are scored already) into `scores`
    until `limit` candidates rank above any article not yet seen, checked at doubling counts. Returns
    how many of `positions` were read.

    An unseen article scores at most `most` (this tag and all the tags still to come) and is older than
    the last position read, so it ranks below a candidate that scores more, or as much and is newer.
    A tag on every article then costs `limit` steps, not N. The candidates that rank above are counted
    once and then kept count of as scores grow (scores only grow, and the position read only moves
    on, so a candidate once above stays above): no rescan of every score at each check."""
    high, low = most + 1e-9, most - 1e-12
    position = positions[limit]
    count = 0
    waiting: list[int] = []  # older candidates that score about `most`: above once the reading passes them
    for candidate, score in scores.items():
        if candidate != own and score >= low:
            if score > high or candidate <= position:
                count += 1
            else:
                waiting.append(candidate)
    first = limit + 1
    if count >= limit:
        return first
    waiting.sort(reverse=True)
    check_at = 2 * first
    get = scores.get
    for number, position in enumerate(positions[first:], start=first + 1):
        old = get(position)
        new = weight if old is None else old + weight
        scores[position] = new
        if new >= low and (old is None or old < low) and position != own:
            count += 1  # a candidate about `most` was waiting (old >= low) and is counted below
        if number == check_at:
            check_at *= 2
            while waiting and waiting[-1] <= position:
                waiting.pop()
                count += 1
            if count >= limit:
                return number
    return len(positions)


def _display_name(forms: Counter[str]) -> str:
    """The most used written form; ties go to the form that sorts first."""
    return min(forms.items(), key=lambda item: (-item[1], item[0]))[0]
