"""Dev-time only: builds the .pth checkpoints the loading tests read (the tests run on Java alone).

Run from this folder with Debian's PyTorch:  /usr/bin/python3 make_checkpoints.py
Input: the parity fixture ../fixtures/dinov2-parity/vits14-style/official.pth (random weights).
"""
import collections
import re
import torch

src = torch.load("../fixtures/dinov2-parity/vits14-style/official.pth", map_location="cpu")

# 1. A DINOv2 training checkpoint: block-chunked keys (block_chunks=2 puts blocks 0,1 in chunk 0
#    and block 2 in chunk 1, keeping global indices), under teacher/backbone, with heads beside.
def chunk(key):
    m = re.match(r"blocks\.(\d+)\.(.*)", key)
    if not m:
        return key
    i = int(m.group(1))
    return "blocks.%d.%d.%s" % (i // 2, i, m.group(2))

teacher = collections.OrderedDict()
for k, v in src.items():
    teacher["backbone." + chunk(k)] = v.clone()
g = torch.Generator().manual_seed(0)
teacher["dino_head.mlp.0.weight"] = torch.randn(16, 48, generator=g)
teacher["dino_head.last_layer.weight_g"] = torch.randn(1, 16, generator=g)
teacher["ibot_head.mlp.0.weight"] = torch.randn(16, 48, generator=g)
torch.save({"teacher": teacher}, "training-chunked.pth")

# 2. The same state dict in half precision and in bfloat16 (loaded by converting to float32).
torch.save(collections.OrderedDict((k, v.half()) for k, v in src.items()), "official-fp16.pth")
torch.save(collections.OrderedDict((k, v.bfloat16()) for k, v in src.items()), "official-bf16.pth")
