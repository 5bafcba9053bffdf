// spikelab_io.py of an exported project: reads and writes the safetensors layout (safetensors.ts
// is the TypeScript side) with the standard library and numpy, so the project needs no package
// beyond PyTorch and numpy, and no pickle is ever loaded.

export const IO_PY = String.raw`"""safetensors files without the safetensors package: an 8-byte little-endian header length, a
JSON header (dtype, shape, byte range of each tensor, and string metadata), then the raw data."""
import json
import os
import struct

import numpy as np
import torch

_DTYPES = {"F32": "<f4", "I32": "<i4"}


def read_safetensors(path):
    """The tensors of a file by name, and its metadata."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f"{path}: {len(data)} bytes is not a safetensors file")
    (n,) = struct.unpack("<Q", data[:8])
    if 8 + n > len(data):
        raise ValueError(f"{path}: the header says {n} bytes but the file is shorter (truncated?)")
    header = json.loads(data[8 : 8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    start = 8 + n
    out = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        if e["dtype"] not in _DTYPES or start + end > len(data):
            raise ValueError(f"{path}: tensor {name!r} has dtype {e['dtype']} or runs past the end of the file")
        a = np.frombuffer(data, dtype=_DTYPES[e["dtype"]], count=(end - begin) // 4, offset=start + begin)
        out[name] = torch.from_numpy(a.astype(a.dtype.newbyteorder("="))).reshape(e["shape"])
    return out, meta


def write_safetensors(path, tensors, metadata):
    """Writes float32 tensors and string metadata; the file appears whole or not at all."""
    header = {"__metadata__": {k: str(v) for k, v in metadata.items()}}
    blobs, at = [], 0
    for name, t in tensors.items():
        a = t.detach().to("cpu", torch.float32).contiguous().numpy().astype("<f4")
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [at, at + a.nbytes]}
        blobs.append(a.tobytes())
        at += a.nbytes
    head = json.dumps(header).encode("utf-8")
    head += b" " * (-len(head) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)
`;
