#!/usr/bin/python3
"""Writes the reference fixtures for org.medino.metrics segmentation tests.

Run from this directory with the Debian python (numpy + scipy):

    /usr/bin/python3 make_segmentation_metrics.py

MONAI cannot be installed here, so its definitions are re-implemented with the same scipy calls
(read from monai/metrics/utils.py, hausdorff_distance.py, surface_distance.py, MONAI 1.5):
  * get_mask_edges: crop both masks to the bounding box of P | T with a margin of 1, padding with
    zeros where the margin leaves the image (CropForeground margin=1, allow_smaller=False), then
    edges = binary_erosion(mask) ^ mask (default cross element, border_value=0);
  * get_surface_distance: distance_transform_edt(~edges_b, sampling=spacing)[edges_a];
  * compute_hausdorff_distance(percentile=95, directed=False): max of the two directed
    percentiles (torch.quantile, linear, which is numpy's default rule);
  * compute_average_surface_distance(symmetric=True): mean of both lists concatenated.
MONAI returns float32 distances; here everything stays float64, as in the Java code.
Where MONAI gives inf/NaN the project's rules apply: a class in neither mask is excluded (NaN);
a class in exactly one gets Dice = IoU = 0 and HD95 = ASSD = the image diagonal
sqrt(sum((shape * spacing)^2)), flagged as capped.

Output (plain text, read by SegmentationReferenceTest and EuclideanDistanceTransformTest):
  segmentation_cases.txt  label maps (run-length encoded "value:count") and expected scores
  edt_cases.txt           binary feature grids and scipy distance maps
"""
import numpy as np
from scipy import ndimage

rng = np.random.default_rng(20240611)


def rle(a):
    flat = np.asarray(a, dtype=np.int64).ravel()
    out = []
    start = 0
    for i in range(1, len(flat) + 1):
        if i == len(flat) or flat[i] != flat[start]:
            out.append(f"{flat[start]}:{i - start}")
            start = i
    return " ".join(out)


def num(x):
    return "NaN" if np.isnan(x) else repr(float(x))


def monai_edges(p, t):
    union = p | t
    nz = np.nonzero(union)
    lo = [int(c.min()) - 1 for c in nz]
    hi = [int(c.max()) + 2 for c in nz]
    # pad by 1 so the margin may leave the image, as CropForeground does with allow_smaller=False
    pp = np.pad(p, 1)
    tp = np.pad(t, 1)
    sl = tuple(slice(l + 1, h + 1) for l, h in zip(lo, hi))
    pc, tc = pp[sl], tp[sl]
    return ndimage.binary_erosion(pc) ^ pc, ndimage.binary_erosion(tc) ^ tc


def directed(edges_a, edges_b, spacing):
    return ndimage.distance_transform_edt(~edges_b, sampling=spacing)[edges_a]


def score_class(pred, truth, c, spacing):
    p = pred == c
    t = truth == c
    np_, nt = int(p.sum()), int(t.sum())
    if np_ == 0 and nt == 0:
        return (c, 0, 0, np.nan, np.nan, np.nan, np.nan, 0)
    if np_ == 0 or nt == 0:
        cap = float(np.sqrt(np.sum((np.array(pred.shape) * np.array(spacing)) ** 2)))
        return (c, int(np_ > 0), int(nt > 0), 0.0, 0.0, cap, cap, 1)
    inter = int((p & t).sum())
    dice = 2 * inter / (np_ + nt)
    iou = inter / (np_ + nt - inter)
    ep, et = monai_edges(p, t)
    d_pt = directed(ep, et, spacing)
    d_tp = directed(et, ep, spacing)
    hd95 = max(np.percentile(d_pt, 95), np.percentile(d_tp, 95))
    assd = np.concatenate([d_pt, d_tp]).mean()
    return (c, 1, 1, dice, iou, hd95, assd, 0)


def blobs(shape, classes, sigma, fill):
    """Multi-class label map: class k where its smoothed noise field is high and highest."""
    fields = [ndimage.gaussian_filter(rng.standard_normal(shape), sigma) for _ in range(classes - 1)]
    fields = np.stack(fields)
    thr = np.quantile(fields, 1 - fill, axis=tuple(range(1, fields.ndim)), keepdims=True)
    above = fields > thr
    best = np.argmax(np.where(above, fields, -np.inf), axis=0) + 1
    return np.where(above.any(axis=0), best, 0).astype(np.int64)


def perturb(truth, classes):
    """A plausible prediction: each class dilated or eroded, shifted, with a few stray voxels."""
    pred = np.zeros_like(truth)
    for c in range(1, classes):
        m = truth == c
        op = rng.integers(3)
        if op == 0:
            m = ndimage.binary_dilation(m)
        elif op == 1:
            m = ndimage.binary_erosion(m)
        axis = int(rng.integers(truth.ndim))
        m = np.roll(m, int(rng.integers(-2, 3)), axis=axis)
        pred[m] = c
    noise = rng.random(truth.shape) < 0.002
    pred[noise] = rng.integers(0, classes, size=int(noise.sum()))
    return pred


cases = []


def add(name, pred, truth, spacing, classes, background=False):
    first = 0 if background else 1
    scores = [score_class(pred, truth, c, spacing) for c in range(first, classes)]
    cases.append((name, pred, truth, spacing, classes, background, scores))


# 2D, isotropic and anisotropic
for i, (shape, spacing) in enumerate([((32, 40), (1.0, 1.0)), ((48, 36), (0.7, 1.3)), ((64, 64), (0.5, 0.5))]):
    truth = blobs(shape, 4, 3.0, 0.15)
    add(f"blobs2d_{i}", perturb(truth, 4), truth, spacing, 4)

# 3D with the anisotropy of a thick-slice CT
for i, (shape, spacing) in enumerate([((12, 40, 36), (2.5, 0.8, 0.8)), ((20, 24, 28), (1.0, 1.0, 1.0)),
                                      ((16, 30, 30), (3.0, 0.7, 0.9))]):
    truth = blobs(shape, 4, 2.5, 0.12)
    add(f"blobs3d_{i}", perturb(truth, 4), truth, spacing, 4)

# class 2 only in truth (missed), class 3 only in prediction (hallucinated), class 4 in neither
truth = blobs((14, 32, 32), 3, 2.5, 0.15)
pred = perturb(truth, 3)
pred[pred == 2] = 0
pred[4:8, 2:6, 20:26] = 3
add("one_sided_3d", pred, truth, (2.5, 0.8, 0.8), 5)

# foreground touching the image border (border voxels are surface)
truth = np.zeros((10, 12), dtype=np.int64)
truth[0:6, 0:12] = 1
pred = np.zeros_like(truth)
pred[0:7, 2:12] = 1
add("border_2d", pred, truth, (1.5, 0.6), 2)

# background scored too
truth = blobs((24, 24), 3, 2.0, 0.2)
add("with_background_2d", perturb(truth, 3), truth, (0.9, 1.1), 3, background=True)

with open("segmentation_cases.txt", "w") as f:
    f.write("# generated by make_segmentation_metrics.py; do not edit\n")
    for name, pred, truth, spacing, classes, background, scores in cases:
        f.write(f"case {name}\n")
        f.write("shape " + " ".join(map(str, truth.shape)) + "\n")
        f.write("spacing " + " ".join(repr(float(s)) for s in spacing) + "\n")
        f.write(f"classes {classes}\n")
        f.write(f"background {int(background)}\n")
        f.write("pred " + rle(pred) + "\n")
        f.write("truth " + rle(truth) + "\n")
        for s in scores:
            f.write("score " + " ".join([str(s[0]), str(s[1]), str(s[2])] + [num(v) for v in s[3:7]] + [str(s[7])]) + "\n")
        f.write("end\n")
    # summary over all cases: per-class means over non-excluded cases, then mean over classes
    per_class = {}
    for _, _, _, _, _, _, scores in cases:
        for s in scores:
            if not (s[1] == 0 and s[2] == 0):
                per_class.setdefault(s[0], []).append(s[3:7])
    means = np.array([np.mean(np.array(v), axis=0) for _, v in sorted(per_class.items())])
    overall = means.mean(axis=0)
    f.write("summary " + " ".join(num(v) for v in overall) + "\n")

edts = []
for i, (shape, spacing, density) in enumerate([((17, 23), (1.0, 1.0), 0.05), ((19, 13), (0.7, 2.1), 0.02),
                                                ((9, 11, 13), (2.5, 0.8, 0.8), 0.01),
                                                ((8, 10, 12), (1.1, 0.3, 1.7), 0.003),
                                                ((1, 1), (1.0, 1.0), 1.0), ((30,), (0.4,), 0.1)]):
    features = rng.random(shape) < density
    if not features.any():
        features.flat[rng.integers(features.size)] = True
    d = ndimage.distance_transform_edt(~features, sampling=spacing)
    edts.append((f"edt_{i}", features, spacing, d))

with open("edt_cases.txt", "w") as f:
    f.write("# generated by make_segmentation_metrics.py; do not edit\n")
    for name, features, spacing, d in edts:
        f.write(f"case {name}\n")
        f.write("shape " + " ".join(map(str, features.shape)) + "\n")
        f.write("spacing " + " ".join(repr(float(s)) for s in spacing) + "\n")
        f.write("features " + rle(features.astype(np.int64)) + "\n")
        f.write("distances " + " ".join(repr(float(v)) for v in d.ravel()) + "\n")
        f.write("end\n")

print(f"{len(cases)} segmentation cases, {len(edts)} EDT cases")
