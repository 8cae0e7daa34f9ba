#!/usr/bin/python3
"""Writes train_parity.safetensors, the PyTorch reference for medino's training blocks.

Dev-time only: the Java tests read the stored file and never run Python.
Run from this folder with Debian's python3 (torch 1.13, numpy):  /usr/bin/python3 make_train_parity.py

Contents (all float32 unless noted; names are "<group>.<case>.<what>"):
  loss.<case>.logits [B,K,H,W], loss.<case>.labels [B,H,W] (int64),
  loss.<case>.<kind> scalar and loss.<case>.<kind>.grad [B,K,H,W] for kind in ce, dice, dicece.
  <opt>.lr [3] (float64), <opt>.init.<p>, <opt>.grad<t>.<p>, <opt>.after<t>.<p> for t = 1..3,
  opt in sgd, adamw; parameter "w" decays, "b" does not.

MONAI is not installable here, so its DiceLoss(to_onehot_y=True, softmax=True) defaults are
written out below with the same operation order as monai.losses.dice / compute_tp_fp_fn.
"""
import json
import struct

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(20260128)


def monai_dice(logits, labels, smooth_nr=1e-5, smooth_dr=1e-5):
    """MONAI DiceLoss(include_background=True, to_onehot_y=True, softmax=True, batch=False, reduction='mean')."""
    k = logits.shape[1]
    p = torch.softmax(logits, 1)
    g = F.one_hot(labels, k).permute(0, 3, 1, 2).to(p.dtype)
    axes = [2, 3]
    tp = torch.sum(p * g, dim=axes)
    fp = torch.sum(p, dim=axes) - tp
    fn = torch.sum(g, dim=axes) - tp
    fp = fp * 0.5
    fn = fn * 0.5
    numerator = 2 * tp + smooth_nr
    denominator = 2 * (tp + fp + fn) + smooth_dr
    return torch.mean(1 - numerator / denominator)


def losses(logits, labels):
    return {
        "ce": lambda x: F.cross_entropy(x, labels),
        "dice": lambda x: monai_dice(x, labels),
        "dicece": lambda x: 1.0 * monai_dice(x, labels) + 1.0 * F.cross_entropy(x, labels),
    }


out = {}


def loss_case(name, logits, labels):
    out[f"loss.{name}.logits"] = logits.numpy()
    out[f"loss.{name}.labels"] = labels.numpy().astype(np.int64)
    for kind, fn in losses(logits, labels).items():
        x = logits.clone().requires_grad_(True)
        value = fn(x)
        value.backward()
        out[f"loss.{name}.{kind}"] = value.detach().numpy().astype(np.float32)
        out[f"loss.{name}.{kind}.grad"] = x.grad.numpy()


B, K, H, W = 2, 3, 5, 6
loss_case("random", torch.randn(B, K, H, W) * 2, torch.randint(0, K, (B, H, W)))
# Sample 0 never shows class 2 and sample 1 never shows class 0: Dice's empty-class branch.
absent = torch.randint(0, K - 1, (B, H, W))
absent[1] = torch.randint(1, K, (H, W))
loss_case("absent", torch.randn(B, K, H, W) * 2, absent)

params = {"w": torch.randn(3, 4), "b": torch.randn(4)}
grads = [{n: torch.randn_like(p) for n, p in params.items()} for _ in range(3)]
lrs = [0.1, 0.05, 0.02]


def optimizer_case(name, make):
    ps = {n: p.clone().requires_grad_(True) for n, p in params.items()}
    opt = make([{"params": [ps["w"]]}, {"params": [ps["b"]], "weight_decay": 0.0}])
    out[f"{name}.lr"] = np.array(lrs, dtype=np.float64)
    for n, p in ps.items():
        out[f"{name}.init.{n}"] = p.detach().numpy().copy()
    for t in range(3):
        for group in opt.param_groups:
            group["lr"] = lrs[t]
        for n, p in ps.items():
            p.grad = grads[t][n].clone()
            out[f"{name}.grad{t + 1}.{n}"] = grads[t][n].numpy()
        opt.step()
        for n, p in ps.items():
            out[f"{name}.after{t + 1}.{n}"] = p.detach().numpy().copy()


optimizer_case("sgd", lambda g: torch.optim.SGD(g, lr=lrs[0], momentum=0.9, weight_decay=1e-4))
optimizer_case("adamw", lambda g: torch.optim.AdamW(g, lr=lrs[0], betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05))


def write_safetensors(path, tensors, metadata):
    names = {np.dtype(np.float32): "F32", np.dtype(np.float64): "F64", np.dtype(np.int64): "I64"}
    header = {"__metadata__": metadata}
    blobs = []
    offset = 0
    for name, array in tensors.items():
        data = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": names[array.dtype], "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


write_safetensors("train_parity.safetensors", out, {"torch": torch.__version__, "script": "make_train_parity.py"})
print(len(out), "tensors")
