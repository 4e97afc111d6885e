#!/usr/bin/env python3
"""Regenerates the dequantization fixtures from the `gguf` Python package (the reference
for ggml's block layouts).

    python3 -m venv /tmp/venv-gguf && /tmp/venv-gguf/bin/pip install gguf==0.19.0 numpy
    /tmp/venv-gguf/bin/python Tests/Scripts/make_quant_fixtures.py

For each type, writes Tests/Fixtures/quant/<TYPE>.blocks (raw blocks: random bytes with
finite half-precision scales) and <TYPE>.f32 (little-endian float32 values that
gguf.quants.dequantize produces for them). `swift test` compares its own decoding
block-exact against these.
"""
import pathlib

import numpy as np
from gguf import GGMLQuantizationType as T, GGML_QUANT_SIZES, quants

OUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "quant"

# Byte offsets of half-precision scale fields inside a block, per type.
HALF_FIELDS = {
    T.Q4_0: [0], T.Q4_1: [0, 2], T.Q5_0: [0], T.Q5_1: [0, 2], T.Q8_0: [0],
    T.Q4_K: [0, 2], T.Q5_K: [0, 2], T.Q6_K: [208],
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261123)
    for qtype in [T.F16, T.BF16, T.Q4_0, T.Q4_1, T.Q5_0, T.Q5_1, T.Q8_0, T.Q4_K, T.Q5_K, T.Q6_K]:
        block_size, type_size = GGML_QUANT_SIZES[qtype]
        blocks = 64 if block_size == 1 else 12
        raw = rng.integers(0, 256, size=(blocks, type_size), dtype=np.uint8)
        if qtype == T.F16:
            raw = rng.standard_normal(blocks).astype(np.float16).view(np.uint8).reshape(blocks, 2)
        elif qtype == T.BF16:
            f = rng.standard_normal(blocks).astype(np.float32).view(np.uint32) >> 16
            raw = f.astype(np.uint16).view(np.uint8).reshape(blocks, 2)
        else:
            for off in HALF_FIELDS[qtype]:
                h = (rng.uniform(-0.05, 0.05, size=blocks)).astype(np.float16).view(np.uint8).reshape(blocks, 2)
                raw[:, off:off + 2] = h
        values = quants.dequantize(raw.reshape(-1), qtype).astype("<f4").reshape(-1)
        assert values.size == blocks * block_size, (qtype, values.size)
        assert np.isfinite(values).all(), qtype
        (OUT / f"{qtype.name}.blocks").write_bytes(raw.tobytes())
        (OUT / f"{qtype.name}.f32").write_bytes(values.tobytes())
        print(qtype.name, blocks, "blocks")


if __name__ == "__main__":
    main()
