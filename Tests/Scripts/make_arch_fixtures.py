#!/usr/bin/env python3
"""Regenerates Tests/Fixtures/llm/arch: small GGUF models of the architectures the runtime supports
besides SmolLM2, with llama.cpp's logits on them.

SmolLM2 (the default model) covers `llama` with tied embeddings. These files cover the rest of
the architecture code on llama.cpp's own arithmetic:
- `qwen2-tiny.gguf`: `qwen2`, Q/K/V biases, NeoX RoPE, grouped-query attention, tied output, Q8_0;
- `llama3-tiny.gguf`: `llama` with Llama 3.1-style RoPE frequency factors (`rope_freqs.weight`),
  linear RoPE scaling, a separate output head, grouped-query attention, Q4_1 and Q8_0.
The weights are seeded random numbers (numpy), written with the `gguf` package; the reference is
llama-cpp-python. Run in a virtual environment outside the repository:

    /tmp/venv-llama/bin/pip install llama-cpp-python==0.3.36 gguf numpy
    /tmp/venv-llama/bin/python Tests/Scripts/make_arch_fixtures.py

Writes, per model, NAME.gguf and NAME.json: the prompt ids, llama.cpp's greedy continuation and
its logits after the prompt and after each generated token (base64 little-endian float32).
"""
import base64
import json
import pathlib

import gguf
import numpy as np
from llama_cpp import Llama, __version__ as llama_cpp_version

OUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "llm" / "arch"
STEPS = 24


def byte_level_alphabet():
    """GPT-2's printable stand-ins for the 256 byte values, in byte order."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars, n = [], 0
    for b in range(256):
        if b in printable:
            chars.append(chr(b))
        else:
            chars.append(chr(256 + n))
            n += 1
    return chars


def vocabulary():
    tokens = byte_level_alphabet()
    merges = ["Ġ t", "h e", "Ġt he", "i n"]
    tokens += ["Ġt", "he", "Ġthe", "in", "<|endoftext|>"]
    types = [1] * (len(tokens) - 1) + [3]
    return tokens, merges, types


def write_model(path, arch, pre, *, dim, hidden, layers, heads, kv_heads, tied, qkv_bias, freq_factors,
                rope_scale, matrix_types, seed):
    rng = np.random.default_rng(seed)
    tokens, merges, types = vocabulary()
    vocab = len(tokens)
    head_dim = dim // heads
    w = gguf.GGUFWriter(str(path), arch)
    w.add_context_length(256)
    w.add_embedding_length(dim)
    w.add_feed_forward_length(hidden)
    w.add_block_count(layers)
    w.add_head_count(heads)
    w.add_head_count_kv(kv_heads)
    w.add_layer_norm_rms_eps(1e-6)
    w.add_rope_freq_base(500000.0 if arch == "llama" else 1000000.0)
    if rope_scale != 1:
        w.add_rope_scaling_type(gguf.RopeScalingType.LINEAR)
        w.add_rope_scaling_factor(rope_scale)
    w.add_file_type(gguf.LlamaFileType.MOSTLY_Q8_0)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre(pre)
    w.add_token_list(tokens)
    w.add_token_types(types)
    w.add_token_merges(merges)
    w.add_bos_token_id(vocab - 1)
    w.add_eos_token_id(vocab - 1)
    w.add_add_bos_token(False)

    def matrix(name, rows, cols, scale, qtype):
        data = (rng.standard_normal((rows, cols)) * scale).astype(np.float32)
        q = gguf.quants.quantize(data, qtype)
        w.add_tensor(name, q, raw_shape=q.shape, raw_dtype=qtype)

    def vector(name, n, center=0.0, scale=1.0):
        w.add_tensor(name, (center + rng.standard_normal(n) * scale).astype(np.float32))

    big, small = matrix_types
    # Tied models read the head from the embedding: small embeddings keep the input token from
    # dominating its own logit, so the greedy continuation varies.
    # Tied models read the head from the embedding: stronger layer outputs keep the input token
    # from dominating its own logit, so the greedy continuation varies.
    out_scale = 4.0 if tied else 1.0
    matrix("token_embd.weight", vocab, dim, 1.0, big)
    for i in range(layers):
        p = f"blk.{i}."
        vector(p + "attn_norm.weight", dim, 1.0, 0.1)
        matrix(p + "attn_q.weight", heads * head_dim, dim, dim ** -0.5, small)
        matrix(p + "attn_k.weight", kv_heads * head_dim, dim, dim ** -0.5, small)
        matrix(p + "attn_v.weight", kv_heads * head_dim, dim, dim ** -0.5, small)
        if qkv_bias:
            vector(p + "attn_q.bias", heads * head_dim, 0.0, 0.1)
            vector(p + "attn_k.bias", kv_heads * head_dim, 0.0, 0.1)
            vector(p + "attn_v.bias", kv_heads * head_dim, 0.0, 0.1)
        matrix(p + "attn_output.weight", dim, heads * head_dim, out_scale * dim ** -0.5, small)
        vector(p + "ffn_norm.weight", dim, 1.0, 0.1)
        matrix(p + "ffn_gate.weight", hidden, dim, dim ** -0.5, small)
        matrix(p + "ffn_up.weight", hidden, dim, dim ** -0.5, small)
        matrix(p + "ffn_down.weight", dim, hidden, out_scale * hidden ** -0.5, small)
    vector("output_norm.weight", dim, 1.0, 0.1)
    if not tied:
        matrix("output.weight", vocab, dim, 0.5, big)
    if freq_factors:
        # Llama 3.1's shape of factors: 1 for high frequencies, up to 8 for low ones.
        n = head_dim // 2
        w.add_tensor("rope_freqs.weight", np.array([1.0 + 7.0 * (i / (n - 1)) ** 2 for i in range(n)], dtype=np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return vocab


def reference(path, vocab, seed):
    rng = np.random.default_rng(seed)
    prompt = [int(t) for t in rng.integers(0, vocab - 1, size=40)]
    llm = Llama(model_path=str(path), n_ctx=256, n_threads=2, n_batch=512, logits_all=True, seed=0, verbose=False)
    llm.eval(prompt)
    logits, generated = [], []
    for _ in range(STEPS):
        row = np.array(llm.scores[llm.n_tokens - 1], dtype="<f4")
        logits.append(base64.b64encode(row.tobytes()).decode())
        tok = int(np.argmax(row))
        generated.append(tok)
        llm.eval([tok])
    row = np.array(llm.scores[llm.n_tokens - 1], dtype="<f4")
    logits.append(base64.b64encode(row.tobytes()).decode())
    return {"llama_cpp_python": llama_cpp_version, "threads": 2, "prompt_ids": prompt,
            "generated_ids": generated, "logits": logits}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    models = {
        "qwen2-tiny": dict(arch="qwen2", pre="qwen2", dim=64, hidden=160, layers=2, heads=4, kv_heads=2,
                           tied=True, qkv_bias=True, freq_factors=False, rope_scale=1,
                           matrix_types=(gguf.GGMLQuantizationType.Q8_0, gguf.GGMLQuantizationType.Q8_0), seed=1),
        "llama3-tiny": dict(arch="llama", pre="llama-bpe", dim=128, hidden=256, layers=2, heads=4, kv_heads=1,
                            tied=False, qkv_bias=False, freq_factors=True, rope_scale=2.0,
                            matrix_types=(gguf.GGMLQuantizationType.Q8_0, gguf.GGMLQuantizationType.Q4_1), seed=2),
    }
    for name, spec in models.items():
        path = OUT / f"{name}.gguf"
        vocab = write_model(path, **spec)
        fixture = reference(path, vocab, spec["seed"] + 100)
        (OUT / f"{name}.json").write_text(json.dumps(fixture, indent=1) + "\n")
        print(f"{name}: {path.stat().st_size} bytes, greedy {fixture['generated_ids'][:8]}...")


if __name__ == "__main__":
    main()
