"""Dev-time generator of the expected values for the linear-probe and log-reg tests.

Run with a python that has torch, numpy and scikit-learn (here /usr/bin/python3):
    /usr/bin/python3 make_expected.py
It rewrites logreg_expected.txt and probe_expected.txt beside itself. The Java tests only read
those files; nothing here runs at test time.

File format: one array per line, "name v1 v2 ...", values in row-major order; shapes are
known to the test.
"""
import os
import warnings

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))


class Out:
    def __init__(self, path):
        self.f = open(path, "w")

    def put(self, name, values):
        flat = np.asarray(values, dtype=np.float64).ravel()
        self.f.write(name + " " + " ".join("%.17g" % v for v in flat) + "\n")

    def close(self):
        self.f.close()


def sk_fit(x, y, c):
    m = LogisticRegression(C=c, solver="lbfgs", tol=1e-10, max_iter=10000)
    m.fit(x, y)
    return m


def sk_exact(x, y, c):
    """The same objective minimised to rounding: sklearn's lbfgs above stops on scipy's default
    ftol (2.2e-9 relative change), which leaves up to ~2e-5 in probabilities on these problems;
    newton-cg at tol 1e-14 reaches the minimum (it warns when rounding stops its line search)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = LogisticRegression(C=c, solver="newton-cg", tol=1e-14, max_iter=10000)
        m.fit(x, y)
    return m


def objective(m, x, y):
    """sklearn's objective C * sum(log-loss) + 1/2 ||coef||^2 at the fitted solution."""
    p = m.predict_proba(x)
    if p.shape[1] == 2 and m.coef_.shape[0] == 1:
        nll = -np.log(np.where(y == 1, p[:, 1], p[:, 0])).sum()
    else:
        nll = -np.log(p[np.arange(len(y)), y]).sum()
    return m.C * nll + 0.5 * (m.coef_ ** 2).sum()


def logreg_case(out, name, x, y, xt, c):
    lbfgs = sk_fit(x, y, c)
    m = sk_exact(x, y, c)
    assert objective(m, x, y) <= objective(lbfgs, x, y) * (1 + 1e-12)
    out.put(name + ".lbfgs_objective", [objective(lbfgs, x, y)])
    print(name, "lbfgs vs exact: max |dp| %.2e, objective %.17g vs %.17g" % (
        np.abs(lbfgs.predict_proba(xt) - m.predict_proba(xt)).max(), objective(lbfgs, x, y), objective(m, x, y)))
    out.put(name + ".x", x)
    out.put(name + ".y", y)
    out.put(name + ".shape", [x.shape[0], x.shape[1], len(np.unique(y)), xt.shape[0]])
    out.put(name + ".c", [c])
    out.put(name + ".xt", xt)
    out.put(name + ".coef", m.coef_)
    out.put(name + ".intercept", m.intercept_)
    out.put(name + ".proba", m.predict_proba(xt))
    out.put(name + ".objective", [objective(m, x, y)])


def f32(x):
    """Values exactly representable in float32, since medino keeps features in float32."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def make_logreg():
    rng = np.random.default_rng(1234)
    out = Out(os.path.join(HERE, "logreg_expected.txt"))

    def blobs(n, d, k, spread):
        centers = rng.normal(size=(k, d)) * spread
        y = rng.integers(0, k, size=n)
        x = centers[y] + rng.normal(size=(n, d))
        return f32(x), y, centers

    x, y, cen = blobs(60, 5, 2, 0.8)
    xt = f32(rng.normal(size=(20, 5)))
    logreg_case(out, "binary", x, y, xt, 0.7)

    x, y, cen = blobs(90, 6, 3, 0.8)
    xt = f32(rng.normal(size=(20, 6)))
    logreg_case(out, "three", x, y, xt, 2.0)

    x, y, cen = blobs(150, 8, 5, 0.7)
    xt = f32(rng.normal(size=(20, 8)))
    logreg_case(out, "five", x, y, xt, 0.05)

    # Separable (centres far apart): without the L2 term the optimum would be at infinity.
    x, y, cen = blobs(60, 4, 3, 6.0)
    xt = f32(rng.normal(size=(20, 4)) * 3)
    logreg_case(out, "separable", x, y, xt, 0.01)

    # Multi-label: one sklearn binary fit per finding.
    x = f32(rng.normal(size=(80, 6)))
    wtrue = rng.normal(size=(6, 3))
    z = x @ wtrue + rng.normal(size=(80, 3))
    yml = (z > 0.3).astype(int)
    xt = f32(rng.normal(size=(15, 6)))
    c = 0.3
    out.put("multilabel.x", x)
    out.put("multilabel.y", yml)
    out.put("multilabel.shape", [80, 6, 3, 15])
    out.put("multilabel.c", [c])
    out.put("multilabel.xt", xt)
    coefs, ints, probs = [], [], []
    for j in range(3):
        m = sk_exact(x, yml[:, j], c)
        coefs.append(m.coef_[0])
        ints.append(m.intercept_[0])
        probs.append(m.predict_proba(xt)[:, 1])
    out.put("multilabel.coef", np.array(coefs))
    out.put("multilabel.intercept", np.array(ints))
    out.put("multilabel.proba", np.array(probs).T)

    # C sweeps on a fixed split, selection as a numpy loop over sklearn fits.
    all_c = 10 ** np.linspace(-6, 5, 45)
    for name, k, spread in (("sweep_binary", 2, 0.35), ("sweep_three", 3, 0.45)):
        x, y, cen = blobs(300, 12, k, spread)
        perm = rng.permutation(300)
        held, train = perm[:60], perm[60:]
        scores = []
        for c in all_c:
            m = sk_fit(x[train], y[train], c)
            p = m.predict_proba(x[held])
            if k == 2:
                scores.append(roc_auc_score(y[held], p[:, 1]))
            else:
                scores.append(float((p.argmax(1) == y[held]).mean()))
        scores = np.array(scores)
        best = int(np.argmax(scores))  # first maximum: the smallest C among ties
        out.put(name + ".x", x)
        out.put(name + ".y", y)
        out.put(name + ".shape", [300, 12, k, 0])
        out.put(name + ".train", train)
        out.put(name + ".held", held)
        out.put(name + ".scores", scores)
        out.put(name + ".best", [best])
        print(name, "best", best, all_c[best], "ties", int((scores == scores[best]).sum()), scores.round(4))
    out.close()


def create_linear_input(x_tokens_list, use_n_blocks, use_avgpool):
    # The semantics of dinov2/eval/linear.py, written out again here for torch.
    chosen = x_tokens_list[-use_n_blocks:]
    out = torch.cat([cls for _, cls in chosen], dim=-1)
    if use_avgpool:
        out = torch.cat((out, torch.mean(chosen[-1][0], dim=1)), dim=-1)
    return out.float()


def make_probe():
    rng = np.random.default_rng(99)
    out = Out(os.path.join(HERE, "probe_expected.txt"))
    n, blocks, d, patches, k = 40, 4, 6, 5, 3
    batch, iters = 8, 12
    base_lrs = [0.01, 0.1, 1.0]
    cls = rng.normal(size=(n, blocks, d)).astype(np.float32)
    patch = rng.normal(size=(blocks, n, patches, d)).astype(np.float32)
    tokens = [(torch.from_numpy(patch[b]), torch.from_numpy(cls[:, b])) for b in range(blocks)]
    patch_mean = patch[-1].mean(axis=1, dtype=np.float32)
    labels = rng.integers(0, k, size=n)
    multihot = (rng.random(size=(n, k)) < 0.4).astype(np.int64)
    out.put("shape", [n, blocks, d, k, batch, iters])
    out.put("cls", cls)
    out.put("patchMean", patch_mean)
    out.put("labels", labels)
    out.put("multihot", multihot)
    out.put("lrs", base_lrs)
    stream = np.concatenate([rng.permutation(n) for _ in range(batch * iters // n + 1)])[: batch * iters]
    out.put("stream", stream)

    settings = [(nb, avg) for nb in (1, 4) for avg in (False, True)]
    inputs = {}
    for nb, avg in settings:
        inputs[(nb, avg)] = create_linear_input(tokens, nb, avg)
        out.put("input_%d_%s" % (nb, avg), inputs[(nb, avg)].numpy())
    inits = {}
    for nb, avg in settings:
        width = inputs[(nb, avg)].shape[1]
        for h in range(len(base_lrs)):
            inits[(nb, avg, h)] = (rng.normal(size=(k, width)) * 0.01).astype(np.float32)
            out.put("init_%d_%s_%d" % (nb, avg, h), inits[(nb, avg, h)])

    for loss_name in ("ce", "bce"):
        heads, groups = {}, []
        for nb, avg in settings:
            width = inputs[(nb, avg)].shape[1]
            for h, base in enumerate(base_lrs):
                lin = torch.nn.Linear(width, k)
                with torch.no_grad():
                    lin.weight.copy_(torch.from_numpy(inits[(nb, avg, h)]))
                    lin.bias.zero_()
                heads[(nb, avg, h)] = lin
                groups.append({"params": lin.parameters(), "lr": base * batch / 256.0})
        opt = torch.optim.SGD(groups, momentum=0.9, weight_decay=0)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, iters, eta_min=0)
        for it in range(iters):
            idx = torch.from_numpy(stream[it * batch:(it + 1) * batch])
            total = 0
            for (nb, avg, h), lin in heads.items():
                logits = lin(inputs[(nb, avg)][idx])
                if loss_name == "ce":
                    total = total + torch.nn.CrossEntropyLoss()(logits, torch.from_numpy(labels)[idx])
                else:
                    target = torch.from_numpy(multihot)[idx].float()
                    total = total + torch.nn.BCEWithLogitsLoss()(logits, target)
            opt.zero_grad()
            total.backward()
            opt.step()
            sched.step()
        for (nb, avg, h), lin in heads.items():
            out.put("%s_w_%d_%s_%d" % (loss_name, nb, avg, h), lin.weight.detach().numpy())
            out.put("%s_b_%d_%s_%d" % (loss_name, nb, avg, h), lin.bias.detach().numpy())
    out.close()
    print("probe fixtures written")


if __name__ == "__main__":
    torch.manual_seed(0)
    make_logreg()
    make_probe()
