"""Dev-time generator of the PyTorch parity fixtures for org.medino.nn / org.medino.segment.

Defines, in plain torch, the same architectures as the Java classes (same module names, so the
state_dict keys match), at tiny widths, and saves per case one safetensors file holding:
  state/<key>        the state dict the Java module loads before anything else
  input | input.<i>  the input (heads: one map per block, oldest first)
  weight             W of the scalar loss (logits * W).sum()
  out_train          logits in training mode (BatchNorm on batch statistics)
  grad/input[.<i>]   d loss / d input after one backward pass
  grad/<param>       d loss / d param for the parameters named in metadata "grad_params"
  after/<buffer>     running statistics after that one training forward
  out_eval           logits in evaluation mode afterwards (running statistics)
plus bilinear.safetensors (resize cases), batchnorm.safetensors (two training steps) and
layers.safetensors (conv with stride/padding/dilation/groups, transposed conv), and
default_shapes.json (state-dict names and shapes of every network at default sizes).

Run from this directory with Debian's python3 (torch 1.13, numpy); no safetensors package needed:
    /usr/bin/python3 make_segment_parity.py
"""
import json
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float32)


# ----------------------------------------------------------------------------- file format
def save_safetensors(path, tensors, metadata=None):
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        a = np.ascontiguousarray(t.detach().cpu().numpy().astype("<f4"))
        b = a.tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


# ----------------------------------------------------------------------------- building blocks
class ConvBnRelu(nn.Module):
    def __init__(self, cin, cout, k):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, padding=k // 2, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.first = ConvBnRelu(cin, cout, 3)
        self.second = ConvBnRelu(cout, cout, 3)

    def forward(self, x):
        return self.second(self.first(x))


class SkipUpBlock(nn.Module):
    def __init__(self, cin, cout, fuse):
        super().__init__()
        self.up = nn.ConvTranspose2d(cin, cout, 2, stride=2)
        self.conv = fuse

    def forward(self, x, skip):
        return self.conv(torch.cat([self.up(x), skip], 1))


def resize(x, h, w, align):
    return F.interpolate(x, size=(h, w), mode="bilinear", align_corners=align)


# ----------------------------------------------------------------------------- heads
class BNHead(nn.Module):
    def __init__(self, d, k, blocks):
        super().__init__()
        self.bn = nn.BatchNorm2d(blocks * d)
        self.conv_seg = nn.Conv2d(blocks * d, k, 1)
        self.blocks = blocks

    def forward(self, feats, h, w):
        x = torch.cat(feats[-self.blocks:], 1)
        return resize(self.conv_seg(self.bn(x)), h, w, False)


class DinoUNetHead(nn.Module):
    def __init__(self, d, k, widths):
        super().__init__()
        self.skips = nn.ModuleList([ConvBnRelu(d, widths[i], 3) for i in range(4)])
        self.ups = nn.ModuleList([
            SkipUpBlock(d if i == 0 else widths[i - 1], widths[i], ConvBnRelu(2 * widths[i], widths[i], 3))
            for i in range(4)])
        self.head = nn.Conv2d(widths[3], k, 1)

    def forward(self, feats, h, w):
        used = feats[-5:]
        x = used[4]
        for i in range(4):
            skip = self.skips[i](used[3 - i])
            skip = resize(skip, x.shape[2] * 2, x.shape[3] * 2, False)
            x = self.ups[i](x, skip)
        return resize(self.head(x), h, w, False)


# ----------------------------------------------------------------------------- U-Net
class UNet(nn.Module):
    def __init__(self, cin, k, widths):
        super().__init__()
        depth = len(widths) - 1
        self.encoders = nn.ModuleList([DoubleConv(cin if i == 0 else widths[i - 1], widths[i]) for i in range(depth)])
        self.bottleneck = DoubleConv(widths[depth - 1], widths[depth])
        self.decoders = nn.ModuleList()
        for i in range(depth):
            level = depth - 1 - i
            out = widths[level]
            self.decoders.append(SkipUpBlock(widths[level + 1], out, DoubleConv(2 * out, out)))
        self.head = nn.Conv2d(widths[0], k, 1)

    def forward(self, x):
        skips = []
        for enc in self.encoders:
            x = enc(x)
            skips.append(x)
            x = F.max_pool2d(x, 2, 2)
        x = self.bottleneck(x)
        for i, dec in enumerate(self.decoders):
            x = dec(x, skips[-1 - i])
        return self.head(x)


# ----------------------------------------------------------------------------- TransUNet
class Bottleneck(nn.Module):
    def __init__(self, cin, width, stride):
        super().__init__()
        out = 4 * width
        self.conv1 = nn.Conv2d(cin, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.conv3 = nn.Conv2d(width, out, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(out)
        self.downsample = None
        if stride != 1 or cin != out:
            self.downsample = nn.Sequential(nn.Conv2d(cin, out, 1, stride=stride, bias=False), nn.BatchNorm2d(out))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        s = x if self.downsample is None else self.downsample(x)
        return F.relu(y + s)


class ResNetEncoder(nn.Module):
    def __init__(self, cin, stem, widths, blocks):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, stem, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(stem)
        ins = [stem, 4 * widths[0], 4 * widths[1]]
        strides = [1, 2, 2]
        for s in range(3):
            layer = nn.ModuleList([Bottleneck(ins[s] if i == 0 else 4 * widths[s], widths[s], strides[s] if i == 0 else 1)
                                   for i in range(blocks[s])])
            setattr(self, "layer%d" % (s + 1), layer)

    def forward(self, x):
        half = F.relu(self.bn1(self.conv1(x)))
        x = F.max_pool2d(half, 3, 2, 1)
        feats = [half]
        for layer in (self.layer1, self.layer2, self.layer3):
            for b in layer:
                x = b(x)
            feats.append(x)
        return feats  # half, quarter, eighth, sixteenth


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.heads = heads

    def forward(self, x):
        b, n, d = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0] * (d // self.heads) ** -0.5, qkv[1], qkv[2]
        a = (q @ k.transpose(-2, -1)).softmax(-1)
        return self.proj((a @ v).transpose(1, 2).reshape(b, n, d))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads, mlp):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, mlp)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class Embeddings(nn.Module):
    def __init__(self, deep, hidden, n):
        super().__init__()
        self.patch_embeddings = nn.Conv2d(deep, hidden, 1)
        self.position_embeddings = nn.Parameter(torch.zeros(1, n, hidden))

    def forward(self, x):
        return self.patch_embeddings(x).flatten(2).transpose(1, 2) + self.position_embeddings


class Encoder(nn.Module):
    def __init__(self, hidden, layers, heads, mlp):
        super().__init__()
        self.layers = nn.ModuleList([Block(hidden, heads, mlp) for _ in range(layers)])
        self.norm = nn.LayerNorm(hidden, eps=1e-6)

    def forward(self, x):
        for b in self.layers:
            x = b(x)
        return self.norm(x)


class CascadedUpBlock(nn.Module):
    def __init__(self, cin, skip, out):
        super().__init__()
        self.conv1 = ConvBnRelu(cin + skip, out, 3)
        self.conv2 = ConvBnRelu(out, out, 3)

    def forward(self, x, skip):
        x = nn.UpsamplingBilinear2d(scale_factor=2)(x)
        if skip is not None:
            x = torch.cat([x, skip], 1)
        return self.conv2(self.conv1(x))


class Decoder(nn.Module):
    def __init__(self, hidden, head, widths, skips):
        super().__init__()
        self.conv_more = ConvBnRelu(hidden, head, 3)
        ins = [head] + widths[:-1]
        sk = [skips[2], skips[1], skips[0], 0]
        self.blocks = nn.ModuleList([CascadedUpBlock(ins[i], sk[i], widths[i]) for i in range(4)])

    def forward(self, x, feats):
        x = self.conv_more(x)
        skips = [feats[2], feats[1], feats[0], None]
        for i in range(4):
            x = self.blocks[i](x, skips[i])
        return x


class TransUNet(nn.Module):
    def __init__(self, cin, k, h, w, stem, widths, blocks, hidden, layers, heads, mlp, head, dwidths):
        super().__init__()
        self.grid = (h // 16, w // 16)
        self.resnet = ResNetEncoder(cin, stem, widths, blocks)
        self.embeddings = Embeddings(4 * widths[2], hidden, self.grid[0] * self.grid[1])
        self.encoder = Encoder(hidden, layers, heads, mlp)
        self.decoder = Decoder(hidden, head, dwidths, [stem, 4 * widths[0], 4 * widths[1]])
        self.segmentation_head = nn.Conv2d(dwidths[3], k, 3, padding=1)

    def forward(self, x):
        feats = self.resnet(x)
        t = self.encoder(self.embeddings(feats[3]))
        b, n, d = t.shape
        m = t.transpose(1, 2).reshape(b, d, *self.grid)
        return self.segmentation_head(self.decoder(m, feats))


# ----------------------------------------------------------------------------- fixtures
def randomize(model, gen):
    """Non-trivial BN affine parameters, running statistics and position embeddings."""
    with torch.no_grad():
        for name, m in model.named_modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(1 + 0.2 * torch.randn(m.weight.shape, generator=gen))
                m.bias.copy_(0.2 * torch.randn(m.bias.shape, generator=gen))
                m.running_mean.copy_(0.1 * torch.randn(m.running_mean.shape, generator=gen))
                m.running_var.copy_(1 + 0.5 * torch.rand(m.running_var.shape, generator=gen))
            if isinstance(m, nn.LayerNorm):
                m.weight.copy_(1 + 0.2 * torch.randn(m.weight.shape, generator=gen))
                m.bias.copy_(0.2 * torch.randn(m.bias.shape, generator=gen))
            if isinstance(m, Embeddings):
                m.position_embeddings.copy_(0.1 * torch.randn(m.position_embeddings.shape, generator=gen))


def state_entries(model):
    return {k: v for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}


def grad_param_names(model):
    names = [n for n, _ in model.named_parameters()]
    picks = {names[0], names[len(names) // 3], names[(2 * len(names)) // 3], names[-1]}
    return [n for n in names if n in picks]


def record(path, model, inputs, forward, gen):
    """inputs: list of tensors; forward(model, inputs) -> logits."""
    randomize(model, gen)
    out = {("state/" + k): v.clone() for k, v in state_entries(model).items()}
    model.train()
    inputs = [t.clone().requires_grad_(True) for t in inputs]
    logits = forward(model, inputs)
    weight = torch.randn(logits.shape, generator=gen)
    (logits * weight).sum().backward()
    picks = grad_param_names(model)
    params = dict(model.named_parameters())
    single = len(inputs) == 1
    for i, t in enumerate(inputs):
        suffix = "" if single else "." + str(i)
        out["input" + suffix] = t.detach()
        out["grad/input" + suffix] = t.grad
    out["weight"] = weight
    out["out_train"] = logits.detach()
    for n in picks:
        out["grad/" + n] = params[n].grad
    for k, v in model.named_buffers():
        if not k.endswith("num_batches_tracked"):
            out["after/" + k] = v.clone()
    model.eval()
    with torch.no_grad():
        out["out_eval"] = forward(model, inputs)
    save_safetensors(path, out, {"grad_params": ",".join(picks), "inputs": len(inputs)})


def heads(gen):
    d, k, b, h, w = 8, 3, 2, 3, 2
    H, W = 14 * h, 14 * w
    maps = [torch.randn(b, d, h, w, generator=gen) for _ in range(5)]
    fwd = lambda m, xs: m(xs, H, W)
    torch.manual_seed(1)
    record("linear_head.safetensors", BNHead(d, k, 1), maps[-1:], fwd, gen)
    torch.manual_seed(2)
    record("multilayer_head.safetensors", BNHead(d, k, 4), maps[-4:], fwd, gen)
    torch.manual_seed(3)
    record("dino_unet_head.safetensors", DinoUNetHead(d, k, [8, 8, 4, 4]), maps, fwd, gen)


def unet(gen):
    torch.manual_seed(4)
    x = torch.randn(2, 2, 32, 32, generator=gen)
    record("unet.safetensors", UNet(2, 3, [4, 8, 8, 16, 16]), [x], lambda m, xs: m(xs[0]), gen)


def transunet(gen):
    torch.manual_seed(5)
    x = torch.randn(2, 3, 32, 32, generator=gen)
    model = TransUNet(3, 3, 32, 32, 8, [4, 8, 8], [2, 1, 1], 16, 2, 2, 32, 16, [16, 8, 8, 4])
    record("transunet.safetensors", model, [x], lambda m, xs: m(xs[0]), gen)


def bilinear(gen):
    cases = [(5, 7, 11, 3), (4, 4, 28, 28), (16, 16, 7, 9), (3, 5, 6, 10), (1, 3, 4, 1), (6, 6, 6, 13), (9, 4, 2, 4)]
    out = {}
    meta = []
    i = 0
    for (h, w, oh, ow) in cases:
        for align in (False, True):
            x = torch.randn(2, 3, h, w, generator=gen, requires_grad=True)
            y = F.interpolate(x, size=(oh, ow), mode="bilinear", align_corners=align)
            wt = torch.randn(y.shape, generator=gen)
            (y * wt).sum().backward()
            out["%d/input" % i] = x.detach()
            out["%d/output" % i] = y.detach()
            out["%d/weight" % i] = wt
            out["%d/grad" % i] = x.grad
            meta.append("%d %d %d %d %d" % (h, w, oh, ow, int(align)))
            i += 1
    save_safetensors("bilinear.safetensors", out, {"cases": ";".join(meta)})


def batchnorm(gen):
    bn = nn.BatchNorm2d(4)
    randomize(bn, gen)
    out = {("state/" + k): v.clone() for k, v in state_entries(bn).items()}
    bn.train()
    for step in range(2):
        x = 1.5 * torch.randn(3, 4, 5, 2, generator=gen) + 0.7
        out["input%d" % step] = x
        out["train%d" % step] = bn(x).detach()
    out["after/running_mean"] = bn.running_mean.clone()
    out["after/running_var"] = bn.running_var.clone()
    bn.eval()
    out["eval"] = bn(out["input1"]).detach()
    save_safetensors("batchnorm.safetensors", out)


def layers(gen):
    torch.manual_seed(6)
    conv = nn.Conv2d(4, 6, 3, stride=2, padding=2, dilation=2, groups=2)
    convt = nn.ConvTranspose2d(4, 5, 3, stride=3)
    x = torch.randn(2, 4, 9, 7, generator=gen, requires_grad=True)
    y = conv(x)
    z = convt(x)
    w1 = torch.randn(y.shape, generator=gen)
    w2 = torch.randn(z.shape, generator=gen)
    ((y * w1).sum() + (z * w2).sum()).backward()
    out = {"input": x.detach(), "grad/input": x.grad, "conv/out": y.detach(), "convt/out": z.detach(),
           "conv/weight_of_loss": w1, "convt/weight_of_loss": w2}
    for prefix, m in (("conv", conv), ("convt", convt)):
        for n, p in m.named_parameters():
            out["%s/state/%s" % (prefix, n)] = p.detach()
            out["%s/grad/%s" % (prefix, n)] = p.grad
    save_safetensors("layers.safetensors", out)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(20240601)
    heads(g)
    unet(g)
    transunet(g)
    bilinear(g)
    batchnorm(g)
    layers(g)


def default_shapes():
    """Names and shapes of the default-size state dicts (architecture check without weights)."""
    models = {
        "unet": UNet(1, 2, [32, 64, 128, 256, 512]),
        "transunet": TransUNet(3, 9, 224, 224, 64, [64, 128, 256], [3, 4, 9], 768, 12, 12, 3072, 512,
                               [256, 128, 64, 16]),
        "dino_unet_head": DinoUNetHead(384, 4, [256, 128, 64, 32]),
        "multilayer_head": BNHead(384, 4, 4),
        "linear_head": BNHead(384, 4, 1),
    }
    out = {name: {k: list(v.shape) for k, v in state_entries(m).items()} for name, m in models.items()}
    with open("default_shapes.json", "w") as f:
        json.dump(out, f, indent=0)


if __name__ == "__main__":
    default_shapes()
