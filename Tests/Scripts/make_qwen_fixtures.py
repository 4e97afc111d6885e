#!/usr/bin/env python3
"""Regenerates the golden fixtures of the default language model (Qwen2.5-Coder-1.5B-Instruct
Q4_K_M) from llama.cpp through llama-cpp-python.

They pin what copydesk's runtime must reproduce on the real file: tokenizer ids on Qwen's
real vocabulary, 32 greedy tokens for six prompts and the last-position logits of each prompt.

    python3 -m venv /tmp/venv-llama
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=ON \
      -DGGML_AVX512_VNNI=ON -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF" \
      /tmp/venv-llama/bin/pip install llama-cpp-python==0.3.36 numpy
    swift run -c release copydesk models fetch qwen-1.5b      # joins the 22 pinned parts
    /tmp/venv-llama/bin/python Tests/Scripts/make_qwen_fixtures.py \
        ~/.cache/copydesk/models/qwen-1.5b/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf

The prompts are written with the file's own ChatML template (and its default system turn).
Writes Tests/Fixtures/llm/qwen-1.5b/{tokenizer.json, generation.json, logits-N.f32}.
"""
import hashlib
import json
import pathlib
import sys

import llama_cpp
import numpy as np
from llama_cpp import Llama, __version__ as llama_cpp_version

OUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "llm" / "qwen-1.5b"

TOKENIZER_CASES = [
    "Hello world",
    " leading space and  double  spaces",
    "Crème brûlée, naïve café, Straße, Ελληνικά, Привет",
    "Emoji: 🚲⚡️ 👩‍👩‍👧 ✓",
    "Numbers 1234567 3.14159 1,299.00 $2,499 €1.899,00 60mi/97km 25km/h",
    "def f(x):\n    return x**2  # square\n\tindented\r\n",
    "I'm we've they'll she'd it's DON'T",
    "<|im_start|>user\nHi there<|im_end|>\n",
    "中文字符和日本語のテキスト",
    "Tabs\tand\nnewlines\n\n\nand   runs      of spaces",
]

SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."

PROMPTS = [
    "Write a two-sentence product description for a city e-bike.",
    "Write a subject line for an email announcing free shipping this weekend.",
    "List three reasons to choose a cargo bike for school runs.",
    "Rewrite in a friendlier tone: Payment is due within 14 days.",
    "Write a 20-word social post about a new coffee blend.",
    'Reply with JSON only: {"headline": string} for a spring sale on bicycles.',
]
NEW_TOKENS = 32


def chatml(user):
    return (f"<|im_start|>system\n{SYSTEM}<|im_end|>\n"
            f"<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n")


def main():
    model_path = sys.argv[1]
    digest = hashlib.sha256(pathlib.Path(model_path).read_bytes()).hexdigest()
    OUT.mkdir(parents=True, exist_ok=True)

    vocab = Llama(model_path=model_path, vocab_only=True, verbose=False)
    cases = []
    for text in TOKENIZER_CASES:
        cases.append({"text": text,
                      "ids": vocab.tokenize(text.encode(), add_bos=False, special=True),
                      "ids_no_special": vocab.tokenize(text.encode(), add_bos=False, special=False)})
    (OUT / "tokenizer.json").write_text(json.dumps(
        {"model_sha256": digest, "llama_cpp_python": llama_cpp_version, "cases": cases},
        ensure_ascii=False, indent=1) + "\n")

    # Only the last position's logits, as in generation (llama.cpp then runs the output head on
    # one row, not the whole batch).
    llm = Llama(model_path=model_path, n_ctx=1024, n_threads=2, n_batch=512,
                logits_all=False, seed=0, verbose=False)
    n_vocab = llm.n_vocab()

    def last_logits():
        p = llama_cpp.llama_get_logits_ith(llm._ctx.ctx, -1)
        return np.ctypeslib.as_array(p, shape=(n_vocab,)).astype("<f4")

    gens = []
    for i, user in enumerate(PROMPTS):
        text = chatml(user)
        prompt = llm.tokenize(text.encode(), add_bos=False, special=True)
        llm.reset()
        llm.eval(prompt)
        logits = last_logits()
        (OUT / f"logits-{i}.f32").write_bytes(logits.tobytes())
        out = []
        for _ in range(NEW_TOKENS):
            tok = int(np.argmax(last_logits()))
            out.append(tok)
            if tok == llm.token_eos():
                break
            llm.eval([tok])
        gens.append({"prompt": text, "prompt_ids": prompt, "generated_ids": out,
                     "generated_text": llm.detokenize(out).decode("utf-8", "replace")})
        print(i, repr(gens[-1]["generated_text"]), flush=True)
    (OUT / "generation.json").write_text(json.dumps(
        {"model_sha256": digest, "llama_cpp_python": llama_cpp_version, "threads": 2,
         "max_new_tokens": NEW_TOKENS, "stop_ids": [llm.token_eos()], "cases": gens},
        ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
