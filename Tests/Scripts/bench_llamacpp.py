#!/usr/bin/env python3
"""llama.cpp's speed on the same GGUF, measured the way `copydesk bench llm` measures ours:
prefill of 64 and 512 prompt tokens, greedy decode of 128 tokens after an 8-token prompt,
best of N runs, same thread count. For BENCHMARKS.md; not part of `swift test`.

    /tmp/venv-llama/bin/python Tests/Scripts/bench_llamacpp.py MODEL.gguf [--threads 2] [--repeat 3]

Prints one JSON object.
"""
import argparse
import json
import time

import numpy as np
from llama_cpp import Llama


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    llm = Llama(model_path=args.model, n_ctx=1024, n_batch=512, n_threads=args.threads,
                n_threads_batch=args.threads, verbose=False)
    vocab = llm.n_vocab()

    def tokens(n):  # the same deterministic ids copydesk's bench uses
        return [300 + (i * 7919) % (vocab - 300) for i in range(n)]

    out = {"threads": args.threads, "model": args.model}
    for n in (64, 512):
        best = float("inf")
        for _ in range(args.repeat):
            llm.reset()
            t0 = time.perf_counter()
            llm.eval(tokens(n))
            best = min(best, time.perf_counter() - t0)
        out[f"prefill_{n}_tokens_per_s"] = n / best
    best = float("inf")
    for _ in range(args.repeat):
        llm.reset()
        llm.eval(tokens(8))
        t0 = time.perf_counter()
        for _ in range(128):
            tok = int(np.argmax(llm.scores[llm.n_tokens - 1]))
            llm.eval([tok])
        best = min(best, time.perf_counter() - t0)
    out["decode_tokens_per_s"] = 128 / best
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
