# SPDX-License-Identifier: MIT
"""Fit the 2020 instance recycling model to data/coldstarts/traces_2020 (prints JSON).

Physical model: an instance lives min(E, C) seconds after its cold start, E ~ Exp(rate)
(early recycling at a constant hazard, e.g. host maintenance) and C ~ Uniform(lo, hi) (the
platform's maximum instance lifetime, about two hours). Observations, per instance
(tracked by inst_id, created by the cold request that first shows it):
* death observed: a cold start happens while the instance was idle for less than the
  keep-alive (636 s, the longest idle the authors saw stay warm), so it must have been
  gone; its death age lies between its last use and that cold start (interval-censored);
* otherwise alive until its last use (right-censored): it was abandoned for a newer
  instance, expired after the keep-alive, or the trace ended.
Instances already warm when a trace starts have an unknown age and are left out.
The maximum-likelihood fit over a grid is printed with the counts behind it.

Run: python3 scripts/fit_recycling_2020.py [data/coldstarts/traces_2020]
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

KEEP_ALIVE_S = 636.0  # longest idle seen warm by the authors (PROVENANCE.md)


def observations(folder: Path) -> tuple[list[tuple[float, float]], list[float]]:
    events: list[tuple[float, float]] = []
    censored: list[float] = []
    for f in sorted(folder.glob("*.csv")):
        with f.open(newline="") as fh:
            rows = list(csv.DictReader(fh))
        inst: dict[str, dict] = {}
        for r in rows:
            t = float(r["client_start_time"])
            end = float(r["client_end_time"])
            cold = r["is_cold"] == "True"
            if cold:
                for s in inst.values():
                    if (
                        not s["dead"]
                        and s["last_end"] < t
                        and t - s["last_end"] < KEEP_ALIVE_S
                    ):
                        if s["created"] is not None:
                            events.append(
                                (s["last_end"] - s["created"], t - s["created"])
                            )
                        s["dead"] = True
            s = inst.get(r["inst_id"])
            if s is None:
                inst[r["inst_id"]] = {
                    "created": t if cold else None,
                    "last_end": end,
                    "dead": False,
                }
            else:
                s["last_end"] = max(s["last_end"], end)
        censored += [
            s["last_end"] - s["created"]
            for s in inst.values()
            if not s["dead"] and s["created"] is not None
        ]
    return events, censored


def survival(x: float, rate: float, lo: float, hi: float) -> float:
    cap = 1.0 if x < lo else 0.0 if x >= hi else (hi - x) / (hi - lo)
    return math.exp(-rate * x) * cap


def loglik(ev, cen, rate, lo, hi) -> float:
    ll = 0.0
    for a, b in ev:
        p = survival(a, rate, lo, hi) - survival(b, rate, lo, hi)
        if p <= 0:
            return -math.inf
        ll += math.log(p)
    for c in cen:
        p = survival(c, rate, lo, hi)
        if p <= 0:
            return -math.inf
        ll += math.log(p)
    return ll


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "data/coldstarts/traces_2020")
    ev, cen = observations(folder)
    best = (-math.inf, 0.0, 0.0, 0.0)
    for rate_per_h in [i * 0.002 for i in range(101)]:
        for lo in range(6000, 7400, 20):
            for hi in range(lo + 20, 8000, 20):
                ll = loglik(ev, cen, rate_per_h / 3600, lo, hi)
                if ll > best[0]:
                    best = (ll, rate_per_h, float(lo), float(hi))
    ll, rate_per_h, lo, hi = best
    print(
        json.dumps(
            {
                "instances": len(ev) + len(cen),
                "deaths_observed": len(ev),
                "longest_alive_s": max([a for a, _ in ev] + cen),
                "early_recycle_per_hour": round(rate_per_h, 4),
                "max_lifetime_s": {"min": lo, "max": hi},
                "log_likelihood": round(ll, 3),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
