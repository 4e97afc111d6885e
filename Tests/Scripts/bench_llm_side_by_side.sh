#!/bin/sh
# Side-by-side speed of copydesk's LLM runtime and llama.cpp on the same GGUF, same threads,
# alternating runs on the same machine; prints a Markdown table for BENCHMARKS.md.
#
#   sh Tests/Scripts/bench_llm_side_by_side.sh MODEL.gguf PYTHON_WITH_LLAMA_CPP [THREADS] [ROUNDS]
#
# PYTHON_WITH_LLAMA_CPP is a Python with llama-cpp-python installed (a venv outside the repo).
set -eu
model=$1; python=$2; threads=${3:-2}; rounds=${4:-3}
swift build -c release --product copydesk ${SCRATCH:+--scratch-path "$SCRATCH"} >/dev/null
here=$(dirname "$0")
echo "| round | measure | copydesk | llama.cpp | ratio |"
echo "| --- | --- | ---: | ---: | ---: |"
i=1
while [ "$i" -le "$rounds" ]; do
  ours=$(${SCRATCH:-.build}/release/copydesk bench llm --model "$model" --threads "$threads" --repeat 5 --json)
  ref=$("$python" "$here/bench_llamacpp.py" "$model" --threads "$threads" --repeat 5)
  printf '%s\n%s\n' "$ours" "$ref" | python3 -c '
import json, sys
text = sys.stdin.read()
dec = json.JSONDecoder()
ours, end = dec.raw_decode(text)
ref, _ = dec.raw_decode(text[end:].lstrip())
r = sys.argv[1]
for label, a, b in [("prefill 64 tok/s", ours["prefill_64_tokens_per_s"], ref["prefill_64_tokens_per_s"]),
                    ("prefill 512 tok/s", ours["prefill_512_tokens_per_s"], ref["prefill_512_tokens_per_s"]),
                    ("decode tok/s", ours["decode_tokens_per_s"], ref["decode_tokens_per_s"])]:
    print(f"| {r} | {label} | {a:.1f} | {b:.1f} | {a / b:.2f} |")
rss = ours["peak_rss_bytes"] / 1048576
print(f"| {r} | copydesk peak RSS | {rss:.0f} MiB | | |")
' "$i"
  i=$((i + 1))
done
