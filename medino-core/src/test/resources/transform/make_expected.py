#!/usr/bin/env python3
"""Dev-time generator of the reference data for the org.medino.transform tests.

Run with the Debian python (numpy, scipy, torch 1.13, nibabel):  /usr/bin/python3 make_expected.py
Writes <name>.bin (raw little-endian float32 or float64, C order) and index.txt
("name dtype d0,d1,..."). Tests read these files only; they never run Python.
The expected values come from numpy / torch / scipy.ndimage / nibabel, never from the Java code.
"""
import math
import os

import nibabel as nib
import numpy as np
import scipy
import scipy.ndimage as ndi
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
index = []


def save(name, arr, dtype):
    arr = np.ascontiguousarray(np.asarray(arr, dtype=dtype))
    arr.astype(arr.dtype.newbyteorder("<")).tofile(os.path.join(HERE, name + ".bin"))
    index.append(f"{name} {'f4' if dtype == np.float32 else 'f8'} {','.join(str(d) for d in arr.shape) or '1'}")


f32 = lambda n, a: save(n, a, np.float32)
f64 = lambda n, a: save(n, a, np.float64)
rng = np.random.default_rng(20240611)

# ---------------------------------------------------------------- intensity
vol = rng.normal(300, 120, size=(1, 6, 7, 8)).astype(np.float32)
vol[rng.random(vol.shape) < 0.3] = 0
f32("pct_in", vol)
for lo, hi in [(1, 99), (5, 95)]:
    for nz in [False, True]:
        v = vol.astype(np.float64)
        src = v[v != 0] if nz else v.ravel()
        p = np.percentile(src, [lo, hi])  # numpy default method="linear"
        name = f"pct_{lo}_{hi}_{'nonzero' if nz else 'all'}"
        f64(name + "_bounds", p)
        f32(name, np.clip((v - p[0]) / (p[1] - p[0]), 0, 1))

v = vol.astype(np.float64)
nzv = v[v != 0]
z = np.where(v != 0, (v - nzv.mean()) / nzv.std(), 0.0)  # std: numpy default ddof=0
f32("zscore_out", z)

hu = np.linspace(-2000, 2000, 161).astype(np.float32).reshape(1, 7, 23)
f32("hu_in", hu)
for name, (L, W) in {"lung": (-600, 1500), "mediastinum": (50, 350), "abdomen": (40, 400),
                     "bone": (400, 1800), "brain": (40, 80)}.items():
    f32("window_" + name, np.clip((hu.astype(np.float64) - (L - W / 2)) / W, 0, 1))
f32("huclamp", np.clip(hu, -1024, 600))

img01 = rng.random((3, 8, 9)).astype(np.float32)
f32("norm_in", img01)
mean = np.array([0.485, 0.456, 0.406], np.float32)[:, None, None]
std = np.array([0.229, 0.224, 0.225], np.float32)[:, None, None]
f32("norm_imagenet", (img01 - mean) / std)  # float32 arithmetic, as torchvision's Normalize on a float tensor

f32("gamma_0p7", np.power(img01.astype(np.float64), 0.7))


def grey_mean(x):
    if x.shape[0] == 3:
        return (0.2989 * x[0] + 0.587 * x[1] + 0.114 * x[2]).mean()
    return x.mean()


def bright(x, b):
    return np.clip(b * x, 0, 1)


def contrast(x, c):
    return np.clip(c * x + (1 - c) * grey_mean(x), 0, 1)


x64 = img01.astype(np.float64)
f32("bc_b1p3_c0p6_bfirst", contrast(bright(x64, 1.3), 0.6))
f32("bc_b1p3_c0p6_cfirst", bright(contrast(x64, 0.6), 1.3))
f32("bc_grey_c1p4", contrast(x64[:1], 1.4))

# ---------------------------------------------------------------- 2D resize (torch)
def interp(x, size, mode, aa=False):
    t = torch.from_numpy(np.ascontiguousarray(x))[None]
    if mode == "nearest":
        return F.interpolate(t, size=size, mode="nearest")[0].numpy()
    return F.interpolate(t, size=size, mode=mode, align_corners=False, antialias=aa)[0].numpy()


rs = rng.random((3, 37, 29)).astype(np.float32)
lab = rng.integers(0, 5, size=(1, 37, 29)).astype(np.float32)
f32("rs_in", rs)
f32("rs_lab", lab)
for h, w in [(16, 20), (45, 50), (16, 40)]:
    f32(f"rs_bicubic_aa_{h}x{w}", interp(rs, (h, w), "bicubic", True))
    f32(f"rs_bicubic_noaa_{h}x{w}", interp(rs, (h, w), "bicubic", False))
for h, w in [(16, 20), (45, 50), (74, 58), (37, 29), (11, 87)]:
    f32(f"rs_nearest_{h}x{w}", interp(lab, (h, w), "nearest"))

# torchvision Resize(16) + CenterCrop by hand: sizes as _compute_resized_output_size, offsets int(round(...))
grey = rng.random((1, 30, 45)).astype(np.float32)
f32("rsc_in", grey)
short, long_ = 30, 45
new_long = int(16 * long_ / short)
resized = interp(grey, (16, new_long), "bicubic", True)
f32("rsc_resized", resized)


def center_crop(x, ch, cw):
    _, H, W = x.shape
    if ch > H or cw > W:
        pl = (cw - W) // 2 if cw > W else 0
        pt = (ch - H) // 2 if ch > H else 0
        pr = (cw - W + 1) // 2 if cw > W else 0
        pb = (ch - H + 1) // 2 if ch > H else 0
        x = F.pad(torch.from_numpy(x), (pl, pr, pt, pb), value=0.0).numpy()
        _, H, W = x.shape
    top = int(round((H - ch) / 2.0))
    left = int(round((W - cw) / 2.0))
    return x[:, top:top + ch, left:left + cw]


f32("rsc_crop13x21", center_crop(resized, 13, 21))
f32("rsc_crop20x20", center_crop(resized, 20, 20))
f32("rsc_crop16x9", center_crop(resized, 16, 9))

# model preprocessing with a small Preprocessing(16, 14, bicubic, mean, std) on the grey image
m3 = np.array([0.5307] * 3, np.float32)[:, None, None]
s3 = np.array([0.2583] * 3, np.float32)[:, None, None]
rgb = np.repeat(grey, 3, axis=0)
f32("prep_out", (center_crop(interp(rgb, (16, new_long), "bicubic", True), 14, 14) - m3) / s3)

# DINOv2 CenterPadding(14): ceil to multiple, pad // 2 before
pm = rng.random((2, 17, 30)).astype(np.float32)
f32("pm_in", pm)


def center_pad(x, m, value):
    pads = []
    for size in x.shape[:0:-1]:  # W then H, as F.pad wants
        new = math.ceil(size / m) * m
        pad = new - size
        pads += [pad // 2, pad - pad // 2]
    return F.pad(torch.from_numpy(x), pads, value=value).numpy()


f32("pm_pad14_fill0p5", center_pad(pm, 14, 0.5))
f32("pm_pad14_fill0", center_pad(pm, 14, 0.0))
f32("pm_crop14", pm[:, 1:15, 1:29])  # 17 → 14 removes 3: 1 before; 30 → 28 removes 2: 1 before

# ---------------------------------------------------------------- rotation (scipy)
rot = rng.random((2, 13, 17)).astype(np.float32)
rlab = rng.integers(0, 4, size=(1, 13, 17)).astype(np.float32)
f32("rot_in", rot)
f32("rot_lab", rlab)


def rot_coords(h, w, deg):
    t = np.deg2rad(deg)
    c, s = np.cos(t), np.sin(t)
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    y, x = np.meshgrid(np.arange(h, dtype=np.float64), np.arange(w, dtype=np.float64), indexing="ij")
    return np.array([cy + s * (x - cx) + c * (y - cy), cx + c * (x - cx) - s * (y - cy)])


for deg in [23.5, -71.0, 90.0]:
    tag = str(deg).replace("-", "m").replace(".", "p")
    co = rot_coords(13, 17, deg)
    f32(f"rot_{tag}", np.array([ndi.map_coordinates(ch.astype(np.float64), co, order=1, mode="grid-constant", cval=0.0)
                                for ch in rot]))
    f32(f"rot_lab_{tag}", ndi.map_coordinates(rlab[0], co, order=0, mode="grid-constant", cval=0.0)[None])
    # independent check of the geometry: torch grid_sample on torchvision's pixel-centre grid (float64)
    h, w = 13, 17
    t = math.radians(deg)
    xs = torch.linspace(-w * 0.5 + 0.5, w * 0.5 - 0.5, w, dtype=torch.float64)
    ys = torch.linspace(-h * 0.5 + 0.5, h * 0.5 - 0.5, h, dtype=torch.float64)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    # counter-clockwise on screen (y down): the source of output (x, y) is R(+t) in y-up terms
    sx = math.cos(t) * gx - math.sin(t) * gy
    sy = math.sin(t) * gx + math.cos(t) * gy
    grid = torch.stack([sx / (w * 0.5), sy / (h * 0.5)], dim=-1)[None]
    gs = F.grid_sample(torch.from_numpy(rot.astype(np.float64))[None], grid, mode="bilinear",
                       padding_mode="zeros", align_corners=False)[0].numpy()
    f32(f"rot_gridsample_{tag}", gs)
# np.rot90 rotates counter-clockwise as displayed: the direction check for +90 degrees
sq = rng.random((1, 9, 9)).astype(np.float32)
f32("rot_sq_in", sq)
f32("rot_sq_rot90", np.rot90(sq, 1, axes=(1, 2)))

# ---------------------------------------------------------------- random resized crop, fixed box
rrc = rng.random((3, 32, 28)).astype(np.float32)
rrc_lab = rng.integers(0, 3, size=(1, 32, 28)).astype(np.float32)
f32("rrc_in", rrc)
f32("rrc_lab", rrc_lab)
top, left, h, w = 3, 5, 20, 15
f32("rrc_out", interp(rrc[:, top:top + h, left:left + w], (16, 16), "bicubic", True))
f32("rrc_lab_out", interp(rrc_lab[:, top:top + h, left:left + w], (16, 16), "nearest"))

# ---------------------------------------------------------------- reorientation (nibabel)
ro = rng.random((1, 5, 6, 7)).astype(np.float32)
f32("ro_in", ro)


def rotation(axis, deg):
    t = math.radians(deg)
    c, s = math.cos(t), math.sin(t)
    i, j = [a for a in range(3) if a != axis]
    m = np.eye(3)
    m[i, i], m[i, j], m[j, i], m[j, j] = c, -s, s, c
    return m


affines = {
    "lps": np.diag([-0.8, -0.9, 2.5]),
    "perm_oblique": rotation(2, 20) @ np.array([[0, 0, -1.2], [1.5, 0, 0], [0, -0.7, 0]]),
    "ras": np.diag([1.1, 1.2, 1.3]),
    "oblique_flip": rotation(0, -35) @ rotation(1, 10) @ np.diag([0.9, -1.0, 1.1])[[1, 2, 0]],
}
for k, (name, rzs) in enumerate(affines.items()):
    a = np.eye(4)
    a[:3, :3] = rzs
    a[:3, 3] = [-12.5, 30.25, 7.0 + k]
    f64(f"ro_aff_{name}", a)
    img = nib.Nifti1Image(ro[0], a)
    can = nib.as_closest_canonical(img)
    f32(f"ro_out_{name}", np.asarray(can.dataobj, dtype=np.float32)[None])
    f64(f"ro_outaff_{name}", can.affine)
    f64(f"ro_ornt_{name}", nib.orientations.io_orientation(a))

# ---------------------------------------------------------------- resampling (scipy map_coordinates)
rsm = rng.random((1, 9, 10, 11)).astype(np.float32)
rsm_lab = rng.integers(0, 4, size=(1, 9, 10, 11)).astype(np.float32)
f32("rsm_in", rsm)
f32("rsm_lab", rsm_lab)
a = np.eye(4)
a[:3, :3] = rotation(2, 30) @ np.diag([1.0, 1.5, 2.0])
a[:3, 3] = [5.0, -3.0, 1.0]
f64("rsm_aff", a)
old = np.sqrt(np.sum(a[:3, :3] ** 2, axis=0))
for tgt in [(2.0, 1.0, 1.3), (0.7, 0.7, 0.7), (1.0, 1.5, 2.0), (3.0, 4.5, 0.9)]:
    tag = "_".join(str(t).replace(".", "p") for t in tgt)
    r = np.array(tgt) / old
    shape = [1 if n == 1 else max(1, math.ceil(n / ri - 1e-9 * max(1, n / ri))) for n, ri in zip(rsm.shape[1:], r)]
    grids = np.meshgrid(*[(np.arange(m) + 0.5) * ri - 0.5 for m, ri in zip(shape, r)], indexing="ij")
    co = np.array(grids)
    f32(f"rsm_img_{tag}", ndi.map_coordinates(rsm[0], co, order=1, mode="nearest")[None])
    f32(f"rsm_lab_{tag}", ndi.map_coordinates(rsm_lab[0], co, order=0, mode="nearest")[None])
    m = np.eye(4)
    m[:3, :3] = np.diag(r)
    m[:3, 3] = 0.5 * (r - 1)
    f64(f"rsm_aff_{tag}", a @ m)

with open(os.path.join(HERE, "index.txt"), "w") as fh:
    fh.write(f"# generated by make_expected.py: numpy {np.__version__}, scipy {scipy.__version__}, "
             f"torch {torch.__version__}, nibabel {nib.__version__}\n")
    fh.write("\n".join(index) + "\n")
print(len(index), "arrays")
