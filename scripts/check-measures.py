#!/usr/bin/env python3
"""Cross-checks the measures of docs/analytics.md on a running Plenary against an independent
computation in plain Python from the raw data the same service serves (every vote, every roll-call
row, every delegation, as CSV): margins and divisions of every vote, every delegation's record
over the whole history (and one period), and every regional group's cohesion per year.

    python3 scripts/check-measures.py http://127.0.0.1:8080 [--since 2010]

Prints one line per measure with the number of values compared and exits 1 on any difference
(listing the first ones). Standard library only; reads ~900,000 roll-call rows in a few seconds.
"""
import csv
import io
import sys
import urllib.request
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

LONE_MAX = 10


def fetch(base, path):
    with urllib.request.urlopen(base + path, timeout=600) as r:
        return list(csv.DictReader(io.TextIOWrapper(r, encoding="utf-8", newline="")))


def num(s):
    return None if s == "" else int(s)


def r4(x):
    """Rounded to 4 decimals, halves away from zero, as PostgreSQL rounds a numeric."""
    return float(Decimal(x).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def real(s):
    return None if s == "" else r4(s)


def share(part, whole):
    return None if not whole else r4(Decimal(part) / Decimal(whole))


def majority(v):
    y, n = v["yes"], v["no"]
    if v["method"] != "recorded" or y is None or n is None:
        return None
    if y > n:
        return "yes"
    if n > y:
        return "no"
    return {"adopted": "yes", "rejected": "no"}.get(v["outcome"])


def main():
    base = sys.argv[1].rstrip("/")
    since = sys.argv[sys.argv.index("--since") + 1] if "--since" in sys.argv else "2010"
    problems = []

    def compare(what, expected, actual):
        n = 0
        for key in sorted(set(expected) | set(actual), key=str):
            n += 1
            if expected.get(key) != actual.get(key):
                problems.append(f"{what} {key}: expected {expected.get(key)}, served {actual.get(key)}")
        print(f"{what}: {n} compared")

    votes = {}
    for r in fetch(base, "/v1/votes.csv"):
        v = {k: num(r[k]) for k in ("yes", "no", "abstain", "non_voting")}
        v.update({k: r[k] for k in ("id", "date", "method", "outcome", "roll_call_status")})
        v["served"] = {k: r[k] for k in ("margin", "margin_share", "majority", "minority", "division")}
        votes[v["id"]] = v

    expected, actual = {}, {}
    for v in votes.values():
        y, n, a = v["yes"], v["no"], v["abstain"]
        recorded = v["method"] == "recorded"
        m = abs(y - n) if recorded and y is not None and n is not None else None
        total = y + n + a if recorded and None not in (y, n, a) else None
        side = majority(v)
        expected[v["id"]] = (
            m,
            share(m, total) if total else None,
            side,
            (n if side == "yes" else y) if side else None,
            share(min(y, n), total) if total else None,
        )
        s = v["served"]
        actual[v["id"]] = (num(s["margin"]), real(s["margin_share"]), s["majority"] or None,
                           num(s["minority"]), real(s["division"]))
    compare("votes: margin, margin_share, majority, minority, division", expected, actual)

    groups = {d["id"]: d["regional_group"] for d in fetch(base, "/v1/delegations.csv")}
    rows = fetch(base, "/v1/roll-calls.csv")

    def records(chosen):
        c = defaultdict(lambda: [0] * 7)
        for r in rows:
            v = votes[r["vote_id"]]
            if not chosen(v):
                continue
            t = c[r["delegation_id"]]
            b = r["vote"]
            if v["roll_call_status"] == "complete" and v["non_voting"] is not None:
                t[5] += 1
                t[6] += b != "non_voting"
            side = majority(v)
            if side is None or b == "non_voting":
                continue
            t[0] += 1
            if b == side:
                t[1] += 1
            elif b == "abstain":
                t[3] += 1
            else:
                t[2] += 1
                minority = v["no"] if side == "yes" else v["yes"]
                t[4] += minority <= LONE_MAX
        return {d: (t[0], t[1], share(t[1], t[0]), t[2], share(t[2], t[0]), t[3], t[4], t[5], t[6],
                    share(t[6], t[5])) for d, t in c.items()}

    def served_records(query):
        out = {}
        for r in fetch(base, "/v1/delegations/record.csv" + query):
            out[r["delegation_id"]] = (
                num(r["ballots"]), num(r["with_majority"]), real(r["with_majority_share"]),
                num(r["in_minority"]), real(r["in_minority_share"]), num(r["abstained"]),
                num(r["lone"]), num(r["votes_held"]), num(r["took_part"]), real(r["participation"]))
        return out

    compare("delegation records, whole history", records(lambda v: True), served_records(""))
    compare(f"delegation records since {since}", records(lambda v: v["date"] >= since),
            served_records(f"?date__gte={since}"))

    for g in sorted({x for x in groups.values() if x}):
        per_vote = defaultdict(lambda: [0, 0, 0])
        for r in rows:
            if groups.get(r["delegation_id"]) == g and r["vote"] in ("yes", "no", "abstain"):
                per_vote[r["vote_id"]][("yes", "no", "abstain").index(r["vote"])] += 1
        years = defaultdict(list)
        defections = defaultdict(int)
        for vid, (y, n, a) in per_vote.items():
            t = y + n + a
            mx = max(y, n, a)
            years[int(votes[vid]["date"][:4])].append(
                Decimal(r4((Decimal(mx) - Decimal(t - mx) / 2) / Decimal(t))).quantize(Decimal("0.0001")))
            if [y, n, a].count(mx) == 1:
                defections[int(votes[vid]["date"][:4])] += t - mx
        expected = {yr: (len(ix), r4(sum(ix) / len(ix)), defections[yr])
                    for yr, ix in years.items()}
        actual = {int(r["year"]): (num(r["votes"]), real(r["agreement_index"]), num(r["defections"]))
                  for r in fetch(base, f"/v1/groups/{g}/cohesion.csv?by=year")
                  if num(r["votes"])}
        # the served mean is the exact mean of the per-vote indexes rounded to 4 decimals, rounded
        compare(f"cohesion of {g} per year", expected, actual)

    if problems:
        print(f"{len(problems)} differences; the first ones:")
        for p in problems[:20]:
            print("  " + p)
        sys.exit(1)
    print("every measure matches")


if __name__ == "__main__":
    main()
