"""Makes the .pth / .pkl fixtures next to this script.

DEV-TIME ONLY: the Java tests read the files this script wrote and never run it. Re-run it with
Debian's PyTorch (the pyenv python has no torch):

    /usr/bin/python3 src/test/resources/pth/make_fixtures.py

Expected values are not stored: every tensor is built from a formula (mostly torch.arange) that
the tests recompute on their own. The formulas are written next to each tensor below and must stay
in step with the Java tests.
"""
import collections
import io
import os
import pickle
import zipfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def path(name):
    return os.path.join(HERE, name)


def ramp(n, dtype):
    """(i - 6) * 0.25 for i in 0..n-1: exact in fp16, bf16, fp32 and fp64."""
    return ((torch.arange(n, dtype=torch.float64) - 6) * 0.25).to(dtype)


def save(obj, name, **kwargs):
    torch.save(obj, path(name), **kwargs)


# --- Hand-made archives, for files torch.save cannot write (hostile, broken, big-endian) ---

class Storage:
    """A storage placeholder; TorchPickler turns it into the ('storage', ...) persistent id."""

    def __init__(self, key, storage_type, numel):
        self.key, self.storage_type, self.numel = key, storage_type, numel


class View:
    """Pickles like a tensor: _rebuild_tensor_v2(storage, offset, size, stride, ...)."""

    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, tuple(size), tuple(stride), False, collections.OrderedDict())

    def __reduce__(self):
        return torch._utils._rebuild_tensor_v2, self.args


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return 'storage', obj.storage_type, obj.key, 'cpu', obj.numel
        return None


def torch_pickle(obj, protocol=2):
    buf = io.BytesIO()
    TorchPickler(buf, protocol=protocol).dump(obj)
    return buf.getvalue()


def write_zip(name, entries):
    """entries: {entry name: bytes}, written stored (uncompressed) in order, as torch does."""
    with zipfile.ZipFile(path(name), 'w', zipfile.ZIP_STORED) as z:
        for entry, data in entries.items():
            z.writestr(zipfile.ZipInfo(entry, FIXED_TIME), data)


def torch_style_zip(name, data_pkl, storages=None, top='archive', extra=None):
    entries = {f'{top}/data.pkl': data_pkl}
    for key, data in (storages or {}).items():
        entries[f'{top}/data/{key}'] = data
    entries.update(extra or {})
    entries[f'{top}/version'] = b'3\n'
    write_zip(name, entries)


def copy_zip(src, dst, drop=(), replace=None):
    """Copies archive src to dst, leaving out entries ending in `drop`, replacing some bytes."""
    replace = replace or {}
    with zipfile.ZipFile(path(src)) as z:
        entries = {}
        for info in z.infolist():
            if any(info.filename.endswith(d) for d in drop):
                continue
            data = z.read(info.filename)
            for suffix, new in replace.items():
                if info.filename.endswith(suffix):
                    data = new(data)
            entries[info.filename] = data
    write_zip(dst, entries)


def big_endian(t):
    """The tensor's bytes with each element's bytes reversed."""
    size = t.element_size()
    return t.contiguous().view(torch.uint8).reshape(-1, size).flip(1).reshape(-1).numpy().tobytes()


class Evil:
    """A pickle that would run a command when loaded by plain pickle.load."""

    def __init__(self, func, arg):
        self.func, self.arg = func, arg

    def __reduce__(self):
        return self.func, (self.arg,)


PWNED = '/tmp/medino-pth-pwned'


def main():
    # dtypes.pth: every element type; values ramp(n) = (i - 6) * 0.25 unless said otherwise.
    save({
        'f32': ramp(12, torch.float32).reshape(3, 4),
        'f16': ramp(12, torch.float16).reshape(3, 4),
        'bf16': ramp(12, torch.bfloat16).reshape(3, 4),
        'f64': ramp(12, torch.float64).reshape(3, 4),
        'i64': torch.arange(-3, 3, dtype=torch.int64) * 1_000_000_000_000,  # (i - 3) * 1e12
        'i32': torch.arange(-3, 3, dtype=torch.int32),                      # i - 3
        'i16': torch.arange(-3, 3, dtype=torch.int16),                      # i - 3
        'i8': torch.arange(-3, 3, dtype=torch.int8),                        # i - 3
        'u8': torch.arange(250, 256, dtype=torch.uint8),                    # 250 + i
        'bool': torch.tensor([True, False, True]),
        'scalar': torch.tensor(2.5),                                        # 0-dim
        'empty': torch.zeros(0, 3),                                         # no elements
    }, 'dtypes.pth')

    # views.pth: views of shared storages; the tests recompute each from `base` = arange.
    base = torch.arange(24, dtype=torch.float32)
    save({
        'transposed': torch.arange(6, dtype=torch.float32).reshape(2, 3).t(),  # [i][j] = 3j + i
        'permuted': base.reshape(2, 3, 4).permute(2, 0, 1),                    # [i][j][k] = 12j + 4k + i
        'head': base[0:4],                                                     # i
        'tail': base[10:16].reshape(2, 3),                                     # 10 + 3i + j
        'every_third': base[1::3],                                             # 1 + 3i
        'expanded': torch.arange(3, dtype=torch.int64).expand(2, 3),          # [i][j] = j, stride 0
        'column': torch.arange(12, dtype=torch.float16).reshape(3, 4)[:, 2],   # 4i + 2
    }, 'views.pth')

    # state_dict.pth: an OrderedDict with _metadata (pickled with BUILD), as model.state_dict() is.
    model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.LayerNorm(2))
    with torch.no_grad():
        model[0].weight.copy_(ramp(6, torch.float32).reshape(2, 3))
        model[0].bias.copy_(torch.tensor([1.0, -1.0]))
        model[1].weight.copy_(torch.tensor([2.0, 3.0]))
        model[1].bias.copy_(torch.tensor([0.5, -0.5]))
    save(model.state_dict(), 'state_dict.pth')

    # nested.pth: a DINOv2 training checkpoint in miniature; cls_token is an nn.Parameter.
    # Saved to a buffer, torch names the top folder 'archive' instead of the file stem.
    buf = io.BytesIO()
    torch.save({
        'teacher': {
            'backbone.cls_token': torch.nn.Parameter(ramp(4, torch.float32).reshape(1, 1, 4)),
            'dino_head.mlp.0.weight': ramp(6, torch.float32).reshape(2, 3),
        },
        'iteration': 5,
    }, buf)
    with open(path('nested.pth'), 'wb') as f:
        f.write(buf.getvalue())

    # mixed_pN: plain values in every protocol torch.save can be asked for.
    mixed = {
        'list': [1, 2.5, 'x', None, True, False],
        'tuple': (1, (2, 3), ()),
        'float': -0.125,
        'big': 2 ** 70,
        'negative': -(2 ** 40),
        'bytes': b'\x00\xffhi',
        'empty_bytes': b'',
        'unicode': 'h\u00e9llo \u2713',
        'none': None,
        'empty_dict': {},
        'set': {7, 8},
        'frozenset': frozenset([9]),
        'shared': [[1, 2]] * 2,  # the same inner list twice (memo)
        'tensor': torch.arange(3, dtype=torch.float32),
    }
    for protocol in (2, 3, 4, 5):
        save(mixed, f'mixed_p{protocol}.pth', pickle_protocol=protocol)
    plain = dict(mixed)
    del plain['tensor']
    with open(path('mixed_p5.pkl'), 'wb') as f:
        pickle.dump(plain, f, protocol=5)

    # big_endian.pth: storages written big-endian, as torch.save does on such machines.
    f32 = ramp(6, torch.float32)
    bf16 = ramp(6, torch.bfloat16)
    i64 = torch.arange(-3, 3, dtype=torch.int64) * 1_000_000_000_000
    torch_style_zip('big_endian.pth', torch_pickle({
        'f32': View(Storage('0', torch.FloatStorage, 6), 0, [2, 3], [3, 1]),
        'bf16': View(Storage('1', torch.BFloat16Storage, 6), 0, [6], [1]),
        'i64': View(Storage('2', torch.LongStorage, 6), 0, [6], [1]),
    }), {'0': big_endian(f32), '1': big_endian(bf16), '2': big_endian(i64)},
        extra={'archive/byteorder': b'big'})

    # Hostile files: nothing here may be called. The command would create PWNED.
    with open(path('evil_eval.pkl'), 'wb') as f:
        f.write(pickle.dumps(Evil(eval, '__import__("os").system("touch %s")' % PWNED), protocol=4))
    # 'os system' spelled out by hand: pickle itself would write the real module, 'posix'.
    os_system = b'\x80\x02cos\nsystem\nX' + len('touch ' + PWNED).to_bytes(4, 'little') \
        + ('touch ' + PWNED).encode() + b'\x85R.'
    torch_style_zip('evil_os_system.pth', os_system)
    torch_style_zip('evil_posix_system.pth', pickle.dumps(Evil(os.system, 'touch ' + PWNED), protocol=2))
    # The global hides after a real tensor, inside a state dict.
    torch_style_zip('evil_in_state_dict.pth', torch_pickle(collections.OrderedDict([
        ('weight', View(Storage('0', torch.FloatStorage, 2), 0, [2], [1])),
        ('bias', Evil(eval, 'print("pwned")')),
    ])), {'0': ramp(2, torch.float32).numpy().tobytes()})

    # Broken files.
    with open(path('dtypes.pth'), 'rb') as f:
        whole = f.read()
    with open(path('truncated.pth'), 'wb') as f:
        f.write(whole[:len(whole) // 2])
    with open(path('garbage.pth'), 'wb') as f:
        f.write(b'this is not a checkpoint \x00\x01\x02\xfe\xff' * 4)
    open(path('empty.pth'), 'wb').close()
    write_zip('no_data_pkl.pth', {'archive/version': b'3\n', 'archive/data/0': b'\0' * 8})
    copy_zip('nested.pth', 'missing_storage.pth', drop=('/data/1',))
    copy_zip('nested.pth', 'short_storage.pth', replace={'/data/0': lambda d: d[:len(d) // 2]})
    torch_style_zip('view_past_end.pth', torch_pickle({
        'w': View(Storage('0', torch.FloatStorage, 4), 2, [3], [1]),  # needs elements 2..4 of 4
    }), {'0': ramp(4, torch.float32).numpy().tobytes()})
    save({'a': torch.ones(2)}, 'legacy.pth', _use_new_zipfile_serialization=False)
    with open(path('bare_pickle.pth'), 'wb') as f:
        pickle.dump({'a': 1}, f, protocol=4)


if __name__ == '__main__':
    main()
