#!/usr/bin/env python3
"""A synthetic General Assembly voting file in the UN Digital Library's bulk layout (2026, with
vote_note), for benchmarks: ROWS country votes (default 900,000), every member listed on every
roll call (X when not voting, as the real file does), roll calls from 1946 on, several roll calls
per resolution now and then, historic states (YUG, CSK, DDR, YMD, YAR) before their end, totals as
floats. Deterministic (fixed seed).

    python3 bench/ga-synthetic.py 900000 /tmp/undl-900k.csv
"""
import csv
import random
import sys
from datetime import date, timedelta

rows_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 900_000
out = sys.argv[2] if len(sys.argv) > 2 else "undl-synthetic.csv"
members_file = sys.argv[3] if len(sys.argv) > 3 else "seed-data/delegations.csv"
rng = random.Random(8)

with open(members_file, newline="", encoding="utf-8") as f:
    members = [(r["id"], r["name"].upper()) for r in csv.DictReader(f) if r["un_member"] == "true"]
historic = [("YUG", "YUGOSLAVIA", 1992), ("CSK", "CZECHOSLOVAKIA", 1993),
            ("DDR", "GERMAN DEMOCRATIC REPUBLIC", 1990), ("YMD", "DEMOCRATIC YEMEN", 1990),
            ("YAR", "YEMEN ARAB REPUBLIC", 1990)]
topics = ["Question of Palestine", "Human rights situation in the occupied territories",
          "General and complete disarmament", "Nuclear disarmament", "Prohibition of nuclear tests",
          "Right of peoples to self-determination", "Elimination of racial discrimination",
          "Rights of the child", "Question of Cyprus", "Situation in the Middle East",
          "Comprehensive nuclear-test-ban treaty", "Prevention of an arms race in outer space",
          "Economic embargo against Cuba", "Human rights and unilateral coercive measures",
          "Freedom of religion or belief", "Moratorium on the use of the death penalty",
          "Countering the use of information and communications technologies for criminal purposes",
          "Permanent sovereignty over natural resources", "International cooperation on climate",
          "Situation of human rights in the Democratic People's Republic of Korea",
          "Decolonization of Non-Self-Governing Territories", "Apartheid in South Africa"]
header = ["undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
          "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
          "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link"]

leanings = {code: rng.random() for code, _ in members + [(h[0], h[1]) for h in historic]}
written = 0
undl_id = 100_000
day = date(1946, 1, 10)
n_res = 0
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    while written < rows_wanted:
        day += timedelta(days=rng.choice([3, 5, 6, 7, 10]))
        session = str(max(1, day.year - 1945 if day.month >= 9 else day.year - 1946))
        n_res += 1
        symbol = f"A/RES/{session}/{n_res % 400 + 1}"
        topic = rng.choice(topics)
        calls = 1 if rng.random() < 0.9 else rng.randint(2, 3)  # paragraph or amendment votes
        for k in range(calls):
            undl_id += 1
            voters = [m for m in members]
            voters += [(c, n) for c, n, end in historic if day.year < end]
            bias = rng.random()
            ballots = []
            for code, name in voters:
                x = rng.random()
                lean = (leanings[code] + bias) / 2
                v = "X" if x < 0.08 else "Y" if x < 0.08 + 0.9 * lean else "N" if x < 0.95 else "A"
                ballots.append((code, name, v))
            tally = {b: sum(1 for _, _, v in ballots if v == b) for b in "YNAX"}
            title = topic + (f" : paragraph {k + 1}" if calls > 1 else "") + " : resolution / adopted by the General Assembly"
            for code, name, v in ballots:
                w.writerow([undl_id, code, name, v, day.isoformat(), session, symbol, "", "",
                            f"A/{session}/PV.{n_res % 90 + 1}", title, topic, "", "",
                            f"{tally['Y']}.0", f"{tally['N']}.0", f"{tally['A']}.0",
                            f"{tally['X']}.0", f"{len(ballots)}.0",
                            f"https://digitallibrary.un.org/record/{undl_id}"])
                written += 1
print(f"{written} rows, {undl_id - 100_000} roll calls, {day.isoformat()} -> {out}", file=sys.stderr)
