#!/bin/sh
# Side-by-side speed of copydesk's embedder and sentence-transformers on the same model folder,
# same threads, alternating rounds on the same machine; prints a Markdown table for BENCHMARKS.md.
#
#   sh Tests/Scripts/bench_embed_side_by_side.sh MODEL_DIR PYTHON_WITH_SENTENCE_TRANSFORMERS [THREADS] [ROUNDS]
#
# MODEL_DIR is the cached all-MiniLM-L6-v2 folder (the one holding config.json and model.safetensors).
set -eu
model=$1; python=$2; threads=${3:-2}; rounds=${4:-5}
swift build -c release --product copydesk >/dev/null
here=$(dirname "$0")
echo "| round | copydesk sentences/s | sentence-transformers sentences/s | ratio |"
echo "| --- | ---: | ---: | ---: |"
i=1
while [ "$i" -le "$rounds" ]; do
  ours=$(.build/release/copydesk bench embed --model "$model" --threads "$threads" --json)
  ref=$(HF_HUB_OFFLINE=1 "$python" "$here/bench_sentence_transformers.py" "$model" --threads "$threads")
  printf '%s\n%s\n' "$ours" "$ref" | python3 -c '
import json, sys
text = sys.stdin.read()
dec = json.JSONDecoder()
ours, end = dec.raw_decode(text)
ref, _ = dec.raw_decode(text[end:].lstrip())
a, b = ours["sentences_per_s"], ref["sentences_per_s"]
print(f"| {sys.argv[1]} | {a:.1f} | {b:.1f} | {a / b:.2f} |")
' "$i"
  i=$((i + 1))
done
