"""JSON -> CSV -> pandas: every text value of a collection survives unchanged.

Usage: /usr/bin/python3 scripts/check-csv-pandas.py BASE_URL PATH [PATH ...]
Reads every page of each collection as JSON, the same query as CSV (with and without a
byte-order mark), parses the CSV with pandas as a researcher would, and compares value by value.
Prints 'N passed, M failed'; exits 1 on any failure.
"""
import io
import json
import sys
import urllib.request

import pandas as pd


def get(url):
    with urllib.request.urlopen(url) as r:
        return r.read(), dict(r.headers)


def all_pages(url):
    rows = []
    while url:
        body, _ = get(url)
        page = json.loads(body)
        rows.extend(page["data"])
        url = page["links"]["next"]
    return rows


def flat(v, name=""):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        # an embedded list is its records' keys: their id, or (successions) the other state's id
        key = name[:-1] + "_id" if name.endswith("s") else "id"
        return ";".join(str(x.get("id", x.get(key, ""))) for x in v)
    return str(v)


def main():
    base, paths = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    for path in paths:
        sep = "&" if "?" in path else "?"
        rows = all_pages(base + path + sep + "limit=1000")
        for bom in (False, True):
            body, headers = get(base + path + sep + "format=csv" + ("&bom=true" if bom else ""))
            frame = pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False,
                                encoding="utf-8-sig" if bom else "utf-8")
            problems = []
            if len(frame) != len(rows) or str(len(rows)) != headers.get("X-Total-Count"):
                problems.append(f"{len(frame)} CSV rows, {len(rows)} JSON rows, header {headers.get('X-Total-Count')}")
            if list(frame.columns) != (list(rows[0].keys()) if rows else list(frame.columns)):
                problems.append(f"columns differ: {list(frame.columns)}")
            for i, row in enumerate(rows[: len(frame)]):
                for k, v in row.items():
                    if frame.iloc[i][k] != flat(v, k):
                        problems.append(f"row {i} {k}: {frame.iloc[i][k]!r} != {flat(v, k)!r}")
            label = f"{path} as CSV{' with BOM' if bom else ''} read by pandas {pd.__version__}"
            if problems:
                failed += 1
                print("FAIL", label, problems[:5])
            else:
                passed += 1
                print("ok  ", label, f"({len(rows)} rows)")
    print(f"pandas: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
