"""References between records: each must name something that exists.

A cycle's ``follows``, ``measures``, ``change_idea``, its predictions' ``measure`` and
``act.next`` name records of its own project; a project's ``theme`` names one of the
programme's themes. A cycle or measure exists when its file does, even if the file
has problems of its own (those are reported on that file). The change ideas and
themes come from ``project.toml`` and ``pdsa.toml`` as parsed; when either could not
be parsed, the references to it are not judged.

``act.next`` naming no cycle is a warning, not an error: the next cycle is often
decided before it is planned.

The ``follows`` links of a project form ramps. A ramp that comes back to a cycle
already on it (P407) is an error on every cycle of the loop; two cycles following the
same cycle (P408) is a warning on each of them, since parallel tests are possible but
a ramp is usually one cycle after another.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pdsa.check.reading import Checked
from pdsa.model.slug import is_slug

_SHOWN = 8


@dataclass(frozen=True, slots=True)
class ProjectNames:
    """What a project's references may name; ``change_ideas`` is None when unknown."""

    cycles: frozenset[str]
    measures: frozenset[str]
    change_ideas: frozenset[str] | None


def ids_of(items: Any) -> frozenset[str] | None:
    """The ``id`` of each table in a parsed list of tables (``themes``, ``change_ideas``)."""
    if items is None:
        return frozenset()
    if not isinstance(items, list):
        return None
    return frozenset(
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    )


def _suggest(name: str, known: Iterable[str], kind: str) -> str:
    options = sorted(known)
    if not options:
        return f"the project has no {kind}s yet"
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    listing = ", ".join(options[:_SHOWN]) + (", ..." if len(options) > _SHOWN else "")
    return f"known {kind}s: {listing}"


def _slug_value(value: Any) -> str | None:
    # Values that are no slug at all are reported by the schema check.
    return value if isinstance(value, str) and is_slug(value) else None


def check_cycle_references(checked: Checked, project: str, names: ProjectNames) -> None:
    """Add findings for the names in one cycle that point at nothing."""
    data = checked.data
    assert data is not None and checked.source is not None
    source = checked.source
    follows = _slug_value(data.get("follows"))
    if follows is not None and follows not in names.cycles:
        checked.add(
            "P401",
            source.value(("follows",)),
            f"follows '{follows}', but project '{project}' has no such cycle",
            hint=_suggest(follows, names.cycles, "cycle"),
        )
    named = data.get("change_idea")
    entries: list[tuple[tuple[str | int, ...], Any]] = (
        [(("change_idea", index), item) for index, item in enumerate(named)]
        if isinstance(named, list)
        else [(("change_idea",), named)]
    )
    for where, value in entries:
        idea = _slug_value(value)
        if idea is None or names.change_ideas is None or idea in names.change_ideas:
            continue
        hint = _suggest(idea, names.change_ideas, "change idea")
        if not names.change_ideas:
            hint = f"add it to change_ideas in projects/{project}/project.toml"
        checked.add(
            "P402",
            source.value(where),
            f"change_idea '{idea}' is not one of the change ideas of project '{project}'",
            hint=hint,
        )
    measures = data.get("measures")
    if isinstance(measures, list):
        for index, item in enumerate(measures):
            measure = _slug_value(item)
            if measure is not None and measure not in names.measures:
                checked.add(
                    "P403",
                    source.value(("measures", index)),
                    f"measures names '{measure}', but project '{project}' has no such measure",
                    hint=_suggest(measure, names.measures, "measure"),
                )
    plan = data.get("plan")
    predictions = plan.get("predictions") if isinstance(plan, dict) else None
    if isinstance(predictions, list):
        for index, prediction in enumerate(predictions):
            if not isinstance(prediction, dict):
                continue
            measure = _slug_value(prediction.get("measure"))
            if measure is not None and measure not in names.measures:
                checked.add(
                    "P404",
                    source.value(("plan", "predictions", index, "measure")),
                    f"prediction {index + 1} is about measure '{measure}', but project "
                    f"'{project}' has no such measure",
                    hint=_suggest(measure, names.measures, "measure"),
                )
    act = data.get("act")
    following = _slug_value(act.get("next")) if isinstance(act, dict) else None
    if following is not None and following not in names.cycles:
        checked.add(
            "P405",
            source.value(("act", "next")),
            f"act.next names '{following}', which is not a cycle of project '{project}' yet",
            hint="fine if it is still to be planned; plan it with that name to link them",
        )


def check_ramps(cycles: dict[str, Checked], follows_of: dict[str, str]) -> None:
    """Add loop (P407) and shared-predecessor (P408) findings for one project's cycles,
    given each cycle's ``follows`` value."""
    follows = {
        slug: target
        for slug, target in follows_of.items()
        if slug in cycles and target in cycles and is_slug(target)
    }
    for loop in _loops(follows):
        path = " -> ".join([*loop, loop[0]])
        for slug in loop:
            checked = cycles[slug]
            assert checked.source is not None
            message = (
                f"cycle '{slug}' follows itself" if len(loop) == 1 else f"the ramp loops: {path}"
            )
            checked.add(
                "P407",
                checked.source.value(("follows",)),
                message,
                hint="a ramp runs one way: remove or correct one 'follows' in the loop",
            )
    followers: dict[str, list[str]] = defaultdict(list)
    for slug, target in follows.items():
        followers[target].append(slug)
    for target, group in followers.items():
        if len(group) < 2:
            continue
        for slug in group:
            checked = cycles[slug]
            assert checked.source is not None
            others = ", ".join(f"'{other}'" for other in sorted(group) if other != slug)
            checked.add(
                "P408",
                checked.source.value(("follows",)),
                f"'{target}' is also followed by {others}",
                hint="fine for parallel tests; otherwise make one follow the other",
            )


def _loops(follows: dict[str, str]) -> list[list[str]]:
    """Every cycle of the ``follows`` graph (each node has at most one successor), each
    listed from its smallest slug so the message is the same run to run."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    loops: list[list[str]] = []
    for start in sorted(follows):
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = 1
            path.append(node)
            node = follows.get(node)
        if node is not None and state.get(node) == 1:
            loop = path[path.index(node) :]
            first = loop.index(min(loop))
            loops.append(loop[first:] + loop[:first])
        for visited in path:
            state[visited] = 2
    return loops


def check_theme(checked: Checked, themes: frozenset[str] | None) -> None:
    """Add a finding when a project's theme is not one of the programme's themes."""
    data = checked.data
    assert data is not None and checked.source is not None
    theme = _slug_value(data.get("theme"))
    if theme is None or themes is None or theme in themes:
        return
    if themes:
        hint = _suggest(theme, themes, "theme")
    else:
        hint = "the programme has no themes; add [[themes]] to pdsa.toml"
    checked.add(
        "P406",
        checked.source.value(("theme",)),
        f"theme '{theme}' is not one of the programme's themes",
        hint=hint,
    )
