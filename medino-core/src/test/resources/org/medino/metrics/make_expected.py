#!/usr/bin/python3
"""Development-time generator of the expected metric values used by MetricsAgainstSklearnTest.

Run with a Python that has numpy and scikit-learn (Debian: /usr/bin/python3 with python3-sklearn):

    /usr/bin/python3 make_expected.py

It writes, beside itself:
  cases/<case>.csv   one row per sample: truth (y, or y_0..y_{C-1} for multi-label), scores s_0..s_{C-1}
                     (float32 values, printed so that Java's Float.parseFloat gives the same float),
                     and w_0..w_2: integer bootstrap-style multiplicities of each row
  expected.csv       case, weights (-1 = every row once, j = column w_j), metric, value ('nan' = undefined)
  percentiles.csv    values (space separated), q, numpy.percentile(values, q)

The Java tests only read these files; they never run Python.
"""
import csv
import os

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score, matthews_corrcoef,
                             roc_auc_score, top_k_accuracy_score)

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)
WEIGHT_COLUMNS = 3


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def binary_auc(y, s):
    """sklearn's AUROC, or nan where sklearn refuses (only one label value)."""
    if len(np.unique(y)) < 2:
        return float("nan")
    return float(roc_auc_score(y, s))


def single_label_metrics(y, scores, kept):
    """Metrics of a binary / multi-class sample, sklearn's definitions.

    kept: the classes whose one-vs-rest AUROC is averaged (decided on the full data); the macro is
    nan if any of them has only one label value in this sample."""
    c = scores.shape[1]
    pred = np.argmax(scores, axis=1)
    out = {
        "accuracy": accuracy_score(y, pred),
        "balanced_accuracy": balanced_accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro", zero_division=0),
        "mcc": matthews_corrcoef(y, pred),
    }
    if c == 2:
        out["auroc"] = binary_auc(y, scores[:, 1])
    else:
        per_class = [binary_auc((y == k).astype(int), scores[:, k]) for k in kept]
        out["auroc"] = float(np.mean(per_class)) if kept and not np.any(np.isnan(per_class)) else float("nan")
        # cross-check against sklearn's own one-vs-rest macro where sklearn accepts the input
        if len(kept) == c and len(np.unique(y)) == c and np.allclose(1, scores.sum(axis=1)):
            ovr = roc_auc_score(y, scores, multi_class="ovr", average="macro")
            assert abs(ovr - out["auroc"]) < 1e-12, (ovr, out["auroc"])
    if c >= 6:
        out["top5_accuracy"] = top_k_accuracy_score(y, scores, k=5, labels=np.arange(c))
    return out


def multi_label_metrics(y, scores, kept, names):
    c = scores.shape[1]
    pred = (scores >= 0.5).astype(int)
    per_finding = [binary_auc(y[:, k], scores[:, k]) for k in range(c)]
    kept_auc = [per_finding[k] for k in kept]
    out = {
        "accuracy": accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro", zero_division=0),
        "auroc": float(np.mean(kept_auc)) if kept and not np.any(np.isnan(kept_auc)) else float("nan"),
        "mcc": float(np.mean([matthews_corrcoef(y[:, k], pred[:, k]) for k in range(c)])),
    }
    for k in range(c):
        # findings left out on the full data stay out (nan) in every resample
        out["auroc/" + names[k]] = per_finding[k] if k in kept else float("nan")
    return out


def f32(x):
    return repr(float(np.float32(x)))


cases = {}


def add(name, y, scores, multilabel=False):
    scores = np.asarray(scores, dtype=np.float32)
    cases[name] = (np.asarray(y), scores, multilabel)


# ---- binary
n = 200
y = rng.integers(0, 2, n)
add("binary_random", y, np.stack([1 - (s := np.round(rng.random(n) * 0.6 + 0.3 * y, 2)), s], axis=1))
y = rng.integers(0, 2, 120)
s = rng.choice([0.1, 0.5, 0.9], size=120, p=[0.3, 0.4, 0.3])
s = np.where(y == 1, np.maximum(s, rng.choice([0.1, 0.5, 0.9], size=120)), s)
add("binary_ties", y, np.stack([1 - s, s], axis=1))
y = np.array([0] * 30 + [1] * 20)
s = np.where(y == 1, 0.6 + 0.3 * rng.random(50), 0.4 * rng.random(50))
add("binary_perfect", y, np.stack([1 - s, s], axis=1))
add("binary_inverted", y, np.stack([s, 1 - s], axis=1))
y = np.zeros(40, dtype=int)
s = rng.random(40)
add("binary_one_class", y, np.stack([1 - s, s], axis=1))
y = rng.integers(0, 2, 60)
add("binary_all_tied", y, np.full((60, 2), 0.5))

# ---- multi-class
y = rng.integers(0, 3, 150)
add("multiclass3_random", y, softmax(rng.normal(size=(150, 3)) + 1.5 * np.eye(3)[y]))
y = rng.integers(0, 3, 90)
logits = rng.normal(size=(90, 3)) + np.eye(3)[y]
logits[:, 2] -= 10  # class 2 is never the argmax
add("multiclass3_never_predicted", y, softmax(logits))
y = rng.integers(0, 10, 300)
add("multiclass10_random", y, softmax(rng.normal(size=(300, 10)) + 1.2 * np.eye(10)[y]))
y = rng.integers(0, 10, 200)
q = np.round(rng.random((200, 10)) * 3) / 3 + 0.34 * np.eye(10)[y] * rng.integers(0, 2, (200, 1))
add("multiclass10_ties", y, np.round(q, 1))  # many equal scores within a row: argmax and top-k ties
y = rng.choice([0, 1, 2, 4, 5, 6], size=120)  # class 3 never occurs in the truth
add("multiclass7_missing_class", y, softmax(rng.normal(size=(120, 7)) + 1.0 * np.eye(7)[y]))
y = rng.integers(0, 6, 80)
add("multiclass6_perfect", y, softmax(5.0 * np.eye(6)[y]))

# ---- multi-label
yl = (rng.random((200, 5)) < [0.1, 0.3, 0.5, 0.2, 0.05]).astype(int)
add("multilabel_random", yl, np.clip(rng.random((200, 5)) * 0.7 + 0.35 * yl, 0, 1), True)
yl = (rng.random((100, 4)) < 0.4).astype(int)
yl[:, 1] = 0  # a finding never present
yl[:, 3] = 1  # a finding always present
add("multilabel_constant_finding", yl, np.round(rng.random((100, 4)) * 0.6 + 0.3 * yl, 1), True)
yl = (rng.random((80, 3)) < 0.5).astype(int)
add("multilabel_ties", yl, rng.choice([0.2, 0.5, 0.8], size=(80, 3)), True)

rows = []
for name, (y, scores, multilabel) in cases.items():
    n, c = scores.shape
    weights = [np.bincount(rng.integers(0, n, n), minlength=n) for _ in range(WEIGHT_COLUMNS)]
    names = [str(k) for k in range(c)]
    if multilabel:
        kept = [k for k in range(c) if len(np.unique(y[:, k])) == 2]
    else:
        kept = [k for k in range(c) if len(np.unique((y == k).astype(int))) == 2]
    with open(os.path.join(HERE, "cases", name + ".csv"), "w", newline="") as f:
        w = csv.writer(f)
        ycols = [f"y_{k}" for k in range(c)] if multilabel else ["y"]
        w.writerow(ycols + [f"s_{k}" for k in range(c)] + [f"w_{j}" for j in range(WEIGHT_COLUMNS)])
        for i in range(n):
            yv = list(y[i]) if multilabel else [y[i]]
            w.writerow([int(v) for v in yv] + [f32(v) for v in scores[i]] + [int(weights[j][i]) for j in range(WEIGHT_COLUMNS)])
    for widx, wt in [(-1, np.ones(n, dtype=int))] + list(enumerate(weights)):
        rep = np.repeat(np.arange(n), wt)  # the resample as data: row i taken w[i] times
        # scores as float64 copies of the float32 values, exactly what Java sees
        s64 = scores.astype(np.float64)[rep]
        if multilabel:
            m = multi_label_metrics(y[rep], s64, kept, names)
        else:
            m = single_label_metrics(y[rep], s64, kept)
        for key, value in m.items():
            rows.append([name, widx, key, repr(float(value))])

with open(os.path.join(HERE, "expected.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "weights", "metric", "value"])
    w.writerows(rows)

with open(os.path.join(HERE, "percentiles.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["values", "q", "expected"])
    samples = [np.array([0.5]), np.array([0.2, 0.9]), np.round(rng.random(7), 3), rng.random(40), rng.random(1000),
               np.array([0.1, 0.1, 0.1, 0.7, 0.7])]
    for v in samples:
        for q in [0, 2.5, 25, 50, 97.5, 100]:
            w.writerow([" ".join(repr(float(x)) for x in v), q, repr(float(np.percentile(v, q)))])

print("sklearn", sklearn.__version__, "numpy", np.__version__, ":", len(cases), "cases,", len(rows), "expected values")
