#!/usr/bin/env python3
"""sentence-transformers' speed on the embedding model, measured as `copydesk bench embed` measures
ours: one batch of the same 32 short sentences, best of N, same thread count. Prints JSON.

    HF_HUB_OFFLINE=1 /tmp/venv-st/bin/python Tests/Scripts/bench_sentence_transformers.py MODEL_DIR [--threads 2] [--repeat 5]
"""
import argparse
import json
import time

import torch
from sentence_transformers import SentenceTransformer

SUBJECTS = ["The Kinglet Pro", "Our cargo bike", "The new battery", "Free shipping", "The warranty", "A test ride", "The Dipper", "Our service plan"]
VERBS = ["carries", "covers", "includes", "adds", "brings", "offers", "keeps", "saves"]
OBJECTS = ["two kids and the groceries", "up to 60 miles of range", "a lifetime frame warranty", "easy monthly payments",
           "quiet hill climbing", "a safer school run", "room for a week of shopping", "time on every commute"]
SENTENCES = [f"{SUBJECTS[i % 8]} {VERBS[(i // 8 + i) % 8]} {OBJECTS[(i * 3) % 8]}." for i in range(32)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = SentenceTransformer(args.model, device="cpu")
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        model.encode(SENTENCES, batch_size=32)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"sentences_per_s": len(SENTENCES) / best, "batch": len(SENTENCES), "threads": args.threads}))


if __name__ == "__main__":
    main()
