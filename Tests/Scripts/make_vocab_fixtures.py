#!/usr/bin/env python3
"""Regenerates Tests/Fixtures/llm/vocab: the vocabulary-only GGUF files of other tokenizer families
with their test texts (.inp) and Hugging Face token ids (.out), as llama.cpp ships them for its own
tokenizer tests, taken from the llama-cpp-python 0.3.36 source package on PyPI (hash-checked).

    python3 Tests/Scripts/make_vocab_fixtures.py

The GGUF files are stored gzip-compressed (no timestamp, so the output is reproducible).
"""
import gzip
import hashlib
import io
import pathlib
import tarfile
import urllib.request

URL = ("https://files.pythonhosted.org/packages/ec/e9/e7de2b0463ea3ffbf0ede6cb21b58c1258a8f6521aae45ca773a59fe7cf3/"
       "llama_cpp_python-0.3.36.tar.gz")
SHA256 = "832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"
FAMILIES = ["llama-spm", "llama-bpe", "qwen2", "gpt-2"]
OUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "llm" / "vocab"


def main() -> None:
    data = urllib.request.urlopen(URL).read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"sha256 mismatch for the llama-cpp-python source package: {digest}")
    OUT.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        prefix = "llama_cpp_python-0.3.36/vendor/llama.cpp/models/"
        for family in FAMILIES:
            name = f"ggml-vocab-{family}.gguf"
            vocab = tar.extractfile(prefix + name).read()
            with open(OUT / (name + ".gz"), "wb") as f:
                with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
                    z.write(vocab)
            for suffix in (".inp", ".out"):
                (OUT / (name + suffix)).write_bytes(tar.extractfile(prefix + name + suffix).read())
            print(f"{family}: {len(vocab)} bytes of vocabulary")


if __name__ == "__main__":
    main()
