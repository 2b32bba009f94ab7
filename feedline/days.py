"""One consistent choice of day for every entry of a feed: a shortest path over the feed.

Each entry has a few candidate days (ordinal numbers), each with a cost for the evidence it
contradicts (`unary`: a printed date, a heading, the capture time as a hard bound ...), and
each pair of neighbours a cost for how their days fit the feed's order (`pairwise`: a clock
running the right way on one day is free, a midnight rollover cheap, an entry out of order
dear). Dynamic programming over the feed in page order finds the assignment of least total
cost; the cost of the best assignment with an entry on another day gives that entry's
margin: how much the evidence prefers its day.

This module knows nothing about stamps or pages: dates.py builds the costs.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

INFEASIBLE = float("inf")


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen day of one entry and how much cheaper it is than its best alternative."""

    day: int
    margin: float  # total cost of the best assignment with this entry elsewhere, minus the best (inf: no rival)


def best_days(candidates: Sequence[Sequence[int]], unary: Callable[[int, int], float],
              pairwise: Callable[[int, int], float]) -> list[Choice] | None:
    """The least-cost day per entry, with its margin; None when no assignment is feasible.

    `candidates[i]` are the days entry i may take; `unary(i, day)` the cost of entry i on that
    day; `pairwise(i, shift)` the cost of entry i lying `shift` days before entry i - 1
    (0: the same day, 1: the day before, -1: the day after).
    """
    n = len(candidates)
    if n == 0:
        return []
    own = [[unary(i, d) for d in candidates[i]] for i in range(n)]
    steps: list[dict[int, float]] = [{} for _ in range(n)]  # pairwise costs by shift, computed once
    forward: list[list[float]] = [own[0][:]]
    back: list[list[int]] = [[-1] * len(candidates[0])]
    for i in range(1, n):  # (inlined loops: a feed may hold tens of thousands of entries)
        previous, days_before, table, own_here = forward[i - 1], candidates[i - 1], steps[i], own[i]
        row, links = [], []
        for k, b in enumerate(candidates[i]):
            best, link = INFEASIBLE, -1
            for j, a in enumerate(days_before):
                cost = previous[j]
                if cost == INFEASIBLE:
                    continue
                shift = a - b
                pair = table.get(shift)
                if pair is None:
                    pair = table[shift] = pairwise(i, shift)
                cost += pair
                if cost < best:
                    best, link = cost, j
            row.append(best + own_here[k])
            links.append(link)
        forward.append(row)
        back.append(links)
    # Costs of the best completion from each state to the end, for the margins.
    backward: list[list[float]] = [[0.0] * len(c) for c in candidates]
    for i in range(n - 2, -1, -1):
        following, days_after, own_after, table = backward[i + 1], candidates[i + 1], own[i + 1], steps[i + 1]
        rests = [own_after[k] + following[k] for k in range(len(days_after))]
        here = backward[i]
        for j, a in enumerate(candidates[i]):
            best = INFEASIBLE
            for k, b in enumerate(days_after):
                cost = rests[k]
                if cost < best:
                    shift = a - b
                    pair = table.get(shift)
                    if pair is None:
                        pair = table[shift] = pairwise(i + 1, shift)
                    cost += pair
                    if cost < best:
                        best = cost
            here[j] = best
    total = min(forward[-1])
    if total == INFEASIBLE:
        return None
    path = [forward[-1].index(total)]
    for i in range(n - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    out = []
    for i, k in enumerate(path):
        rivals = [forward[i][j] + backward[i][j] for j in range(len(candidates[i])) if j != k]
        out.append(Choice(candidates[i][k], min(rivals, default=INFEASIBLE) - total))
    return out
