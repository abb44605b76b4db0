"""PSI of every input column of new data against a Baton bundle's reference profile, written from the
documented format (docs/decisions/0011, reference-profile.schema.json) with numpy alone: an independent
check of `bundle drift`'s figures, and the script an engineer would otherwise write.

usage: python3 drift_psi.py BUNDLE.baton DATA.csv   -> prints {"seconds": ..., "psi": {column: value}} as JSON
"""
import csv
import json
import sys
import time
import zipfile

import numpy as np

FLOOR = 1e-4


def psi(ref, cur):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    if ref.sum() == 0 or cur.sum() == 0:
        return 0.0
    r = np.maximum(ref / ref.sum(), FLOOR)
    c = np.maximum(cur / cur.sum(), FLOOR)
    return float(np.sum((c - r) * np.log(c / r)))


def read(data, names):
    """The named columns as arrays of text, with pandas when it is installed (as an engineer would), else csv."""
    try:
        import pandas as pd
        frame = pd.read_csv(data, dtype=str, keep_default_na=False, na_filter=False, usecols=lambda c: c in names)
        return {c: frame[c].to_numpy(dtype=object) for c in frame.columns}
    except ImportError:
        with open(data, newline="", encoding="utf-8") as f:
            rows = csv.reader(f)
            header = next(rows)
            columns = {name: [] for name in header}
            for row in rows:
                for name, value in zip(header, row):
                    columns[name].append(value)
        return {c: np.array(v, dtype=object) for c, v in columns.items() if c in names}


def main(bundle, data):
    start = time.perf_counter()
    with zipfile.ZipFile(bundle) as z:
        profile = json.loads(z.read("reference-profile.json"))
        contract = json.loads(z.read("contract.json"))
    missing = set(contract.get("missingTokens", [""]))
    columns = read(data, [c["name"] for c in profile["columns"]])
    out = {}
    for col in profile["columns"]:
        values = columns.get(col["name"], np.array([], dtype=object))
        is_missing = np.isin(values, list(missing))
        present = values[~is_missing]
        n_missing = int(is_missing.sum())
        if col["kind"] == "categorical":
            cats = col["categories"]
            listed = [c["value"] for c in cats["values"]]
            index = {v: i for i, v in enumerate(listed)}
            counts = np.zeros(len(listed) + 2)
            uniques, n = np.unique(present, return_counts=True)
            for v, k in zip(uniques, n):
                counts[index.get(v, len(listed))] += k  # the last listed slot: other (or never seen)
            counts[-1] = n_missing
            ref = [c["count"] for c in cats["values"]] + [cats["other"], col["missing"]]
        else:
            if col["type"] == "date":
                x = np.array(present, dtype="datetime64[D]").astype(np.int64).astype(float)
            elif col["kind"] == "text-length":
                x = np.array([len(v) for v in present], dtype=float)
            else:
                x = present.astype(float)
            num = col["numeric"]
            edges = np.array(num["edges"], dtype=float)
            # bins closed on the right: bin i holds (edges[i-1], edges[i]]
            bins = np.searchsorted(edges, x, side="left")
            counts = np.bincount(bins, minlength=len(edges) + 1).astype(float)
            counts = np.append(counts, n_missing)
            ref = num["counts"] + [col["missing"]]
        out[col["name"]] = psi(ref, counts)
    print(json.dumps({"seconds": time.perf_counter() - start, "psi": out}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
