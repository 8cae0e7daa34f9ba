#!/usr/bin/python3
"""Dev-time only: writes the reference cases the Java tests compare against.

Run with Debian's /usr/bin/python3 (torch 1.13, numpy, sklearn) from this directory:
    /usr/bin/python3 make_expected.py
The tests never run Python; they read the files written here.

kNN cases follow dinov2/eval/knn.py step by step in float32 torch: F.normalize, torch.mm against
the transposed train matrix, topk(max_k, largest, sorted), gather labels, softmax(sims / T) over the
max_k neighbours, one-hot * weight, sum of the first k. The only step added is the documented
medino convention: each k's class scores divided by their sum; k above the train size is clamped.

ML-kNN cases are a plain float64 numpy implementation of Zhang & Zhou (2007): leave-one-out
cosine neighbours for the train statistics, smoothing s, prior, conditional tables, posterior
P(H1|E) normalized. Neighbour sets are cross-checked against sklearn's NearestNeighbors(cosine).

No case contains a similarity tie at any cut between neighbour k-1 and k: test rows with a gap
below GAP are dropped, and train rows causing one (ML-kNN) are removed until none is left, because
the order of equal similarities out of topk is unspecified.

File format, per case directory: meta.properties (shapes, ks, temperature / smoothing) and raw
little-endian arrays: *.f32 float32, *.f64 float64, *.i32 int32, *.u8 bytes.
"""
import os

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.neighbors import NearestNeighbors

GAP = 2e-5  # float32 matmul error over d <= 64 is ~1e-6


def write(case, meta, arrays):
    os.makedirs(case, exist_ok=True)
    with open(os.path.join(case, "meta.properties"), "w") as f:
        for key, value in meta.items():
            f.write(f"{key}={value}\n")
    for name, arr in arrays.items():
        ext = {np.float32: "f32", np.float64: "f64", np.int32: "i32", np.uint8: "u8"}[arr.dtype.type]
        arr.astype(arr.dtype.newbyteorder("<")).tofile(os.path.join(case, f"{name}.{ext}"))


def cut_gaps_ok(sorted_sims, cuts):
    """True where every gap between positions c-1 and c (c in cuts, c < width) exceeds GAP."""
    ok = np.ones(sorted_sims.shape[0], dtype=bool)
    for c in cuts:
        if 0 < c < sorted_sims.shape[1]:
            ok &= (sorted_sims[:, c - 1] - sorted_sims[:, c]) > GAP
    return ok


# ---------------------------------------------------------------- kNN as dinov2/eval/knn.py
def dinov2_knn(train_x, train_y, test_x, ks, T, num_classes):
    train = F.normalize(torch.from_numpy(train_x), dim=1, p=2)
    test = F.normalize(torch.from_numpy(test_x), dim=1, p=2)
    labels = torch.from_numpy(train_y.astype(np.int64)).view(1, -1)
    max_k = min(max(ks), train.shape[0])
    similarity = torch.mm(test, train.T)
    topk_sims, indices = similarity.topk(max_k, largest=True, sorted=True)
    neighbors_labels = torch.gather(labels.expand(test.shape[0], -1), 1, indices)
    weights = F.softmax(topk_sims / T, 1)
    matmul = torch.mul(F.one_hot(neighbors_labels, num_classes=num_classes), weights.view(test.shape[0], -1, 1))
    out = {}
    for k in ks:
        raw = torch.sum(matmul[:, : min(k, max_k), :], 1)
        out[k] = (raw / raw.sum(1, keepdim=True)).double().numpy(), raw.double().numpy()
    return out


def knn_case(name, seed, n_train, n_test, d, classes, ks, T, spread):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(classes, d))
    train_y = rng.integers(0, classes, size=n_train).astype(np.int32)
    train_x = (centres[train_y] * spread + rng.normal(size=(n_train, d))).astype(np.float32)
    cand_y = rng.integers(0, classes, size=4 * n_test)
    cand_x = (centres[cand_y] * spread + rng.normal(size=(4 * n_test, d))).astype(np.float32)
    # Ties are judged in float64 on the full sorted similarity rows.
    tn = train_x.astype(np.float64) / np.linalg.norm(train_x.astype(np.float64), axis=1, keepdims=True)
    cn = cand_x.astype(np.float64) / np.linalg.norm(cand_x.astype(np.float64), axis=1, keepdims=True)
    sims = -np.sort(-(cn @ tn.T), axis=1)
    keep = np.flatnonzero(cut_gaps_ok(sims, [min(k, n_train) for k in ks]))[:n_test]
    assert len(keep) == n_test, f"{name}: only {len(keep)} tie-free test rows"
    test_x = cand_x[keep]
    out = dinov2_knn(train_x, train_y, test_x, ks, T, classes)
    arrays = {"train_x": train_x, "train_y": train_y, "test_x": test_x}
    for k in ks:
        arrays[f"expected_k{k}"] = out[k][0]
        arrays[f"dinov2raw_k{k}"] = out[k][1]
    meta = {"nTrain": n_train, "nTest": n_test, "d": d, "classes": classes,
            "ks": ",".join(map(str, ks)), "temperature": T}
    write(name, meta, arrays)
    print(name, "min cut gap ok; max_k used", min(max(ks), n_train))


# ---------------------------------------------------------------- ML-kNN (Zhang & Zhou 2007)
def cosine_sims(a, b):
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T


def mlknn_reference(train_x, train_y, test_x, k, s):
    m, L = train_y.shape
    sims = cosine_sims(train_x, train_x)
    np.fill_diagonal(sims, -np.inf)  # N(x_i) excludes x_i itself
    train_nb = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    test_nb = np.argsort(-cosine_sims(test_x, train_x), axis=1, kind="stable")[:, :k]

    prior = (s + train_y.sum(axis=0)) / (2 * s + m)
    c = np.zeros((L, k + 1))
    cn = np.zeros((L, k + 1))
    for i in range(m):
        delta = train_y[train_nb[i]].sum(axis=0)
        for l in range(L):
            if train_y[i, l]:
                c[l, delta[l]] += 1
            else:
                cn[l, delta[l]] += 1
    cond_true = (s + c) / (s * (k + 1) + c.sum(axis=1, keepdims=True))
    cond_false = (s + cn) / (s * (k + 1) + cn.sum(axis=1, keepdims=True))

    post = np.zeros((test_x.shape[0], L))
    for q in range(test_x.shape[0]):
        delta = train_y[test_nb[q]].sum(axis=0)
        for l in range(L):
            yes = prior[l] * cond_true[l, delta[l]]
            no = (1 - prior[l]) * cond_false[l, delta[l]]
            post[q, l] = yes / (yes + no)

    # Cross-check the neighbour sets with sklearn (cosine distance, brute force).
    nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute").fit(train_x)
    got = nn.kneighbors(train_x, return_distance=False)
    for i in range(m):
        others = [j for j in got[i] if j != i][:k]
        assert set(others) == set(train_nb[i]), f"train row {i}: sklearn neighbours differ"
    got = nn.kneighbors(test_x, n_neighbors=k, return_distance=False)
    assert all(set(got[q]) == set(test_nb[q]) for q in range(test_x.shape[0]))
    return prior, cond_true, cond_false, post


def mlknn_case(name, seed, m, n_test, d, findings, ks, s):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(m + 4 * n_test, d)).astype(np.float32)
    # Findings depend on the features (so neighbours carry signal) with varied prevalence,
    # including a rare one.
    w = rng.normal(size=(d, findings))
    thresholds = np.quantile(x @ w, [0.5, 0.7, 0.8, 0.9, 0.96, 0.6, 0.75][:findings], axis=0).diagonal()
    y = ((x @ w + 0.5 * rng.normal(size=(x.shape[0], findings))) > thresholds).astype(np.uint8)
    train_x, train_y = x[:m], y[:m]
    cand_x = x[m:]
    cut_list = [min(k, m - 1) for k in ks]
    # Remove train rows whose leave-one-out neighbour list has a near tie at a cut, until none.
    while True:
        sims = cosine_sims(train_x.astype(np.float64), train_x.astype(np.float64))
        np.fill_diagonal(sims, -np.inf)
        bad = ~cut_gaps_ok(-np.sort(-sims, axis=1), cut_list)
        if not bad.any():
            break
        first = np.flatnonzero(bad)[0]
        train_x = np.delete(train_x, first, axis=0)
        train_y = np.delete(train_y, first, axis=0)
        cut_list = [min(k, train_x.shape[0] - 1) for k in ks]
    sims = -np.sort(-cosine_sims(cand_x.astype(np.float64), train_x.astype(np.float64)), axis=1)
    keep = np.flatnonzero(cut_gaps_ok(sims, cut_list))[:n_test]
    assert len(keep) == n_test
    test_x = cand_x[keep]
    m = train_x.shape[0]
    arrays = {"train_x": train_x, "train_y": np.ascontiguousarray(train_y), "test_x": test_x}
    for k, used in zip(ks, cut_list):
        prior, ct, cf, post = mlknn_reference(train_x.astype(np.float64), train_y.astype(np.int64),
                                              test_x.astype(np.float64), used, s)
        arrays[f"prior_k{k}"] = prior
        arrays[f"condtrue_k{k}"] = ct
        arrays[f"condfalse_k{k}"] = cf
        arrays[f"expected_k{k}"] = post
    meta = {"nTrain": m, "nTest": n_test, "d": d, "classes": findings,
            "ks": ",".join(map(str, ks)), "used": ",".join(map(str, cut_list)), "smoothing": s}
    write(name, meta, arrays)
    print(name, "train rows", m, "prevalence", train_y.mean(axis=0).round(3))


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    knn_case("knn_multiclass", seed=1, n_train=400, n_test=60, d=48, classes=5,
             ks=[1, 5, 10, 20, 100, 200], T=0.07, spread=0.6)
    knn_case("knn_binary_t05", seed=2, n_train=250, n_test=40, d=32, classes=2,
             ks=[10, 20, 100, 200], T=0.5, spread=0.4)
    knn_case("knn_clamped", seed=3, n_train=30, n_test=20, d=16, classes=3,
             ks=[10, 20, 100, 200], T=0.07, spread=0.8)
    mlknn_case("mlknn_basic", seed=4, m=250, n_test=40, d=24, findings=5, ks=[1, 3, 10], s=1.0)
    mlknn_case("mlknn_s05", seed=5, m=150, n_test=30, d=16, findings=4, ks=[10, 20], s=0.5)
    mlknn_case("mlknn_clamped", seed=6, m=9, n_test=10, d=8, findings=3, ks=[10], s=1.0)
