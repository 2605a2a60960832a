#!/usr/bin/env python3
"""Drafts the copy pairs of tests/PaperLsp.Tests/Fixtures/duplicates/pairs.papers from real arXiv entries.

Each variant is the kind of change a second paste of the same paper shows. The output was checked by hand and
completed with hand-written pairs (the different papers); run it only to see where the copies came from:
    python3 bench/duplicates/draft-copy-pairs.py /work/shared/corpus/arxiv > /tmp/copies.papers
"""
import json, random, re, sys
from pathlib import Path

corpus = Path(sys.argv[1])
entries = []
for truth in sorted(corpus.glob("natural-*.truth.json")):
    lines = (corpus / truth.name.replace(".truth.json", ".papers")).read_text(encoding="utf-8").split("\n")
    for e in json.loads(truth.read_text(encoding="utf-8"))["entries"]:
        e["meta"] = lines[e["meta_line"] - 1] if e["meta_line"] else None
        e["abstract"] = lines[e["abstract_line"] - 1]
        entries.append(e)
rng = random.Random(10)
used = set()

def pick(pred):
    pool = [e for e in entries if e["arxiv_id"] not in used and pred(e) and len(e["abstract"]) > 400]
    e = rng.choice(pool)
    used.add(e["arxiv_id"])
    return e

def header(title, authors, et_al):
    return title + ", ".join(authors) + (" et al." if et_al else "")

def render(e, title=None, authors=None, et_al=None, abstract=None, meta="keep"):
    out = []
    m = e["meta"] if meta == "keep" else meta
    if m: out.append(m)
    out.append(header(title if title is not None else e["title"], authors or e["authors"], e["et_al"] if et_al is None else et_al))
    out.append(abstract if abstract is not None else e["abstract"])
    return "\n".join(out)

def pair(label, note, e, a, b):
    print(f"// pair {label}: {note} (arXiv:{e['arxiv_id']})")
    print(a)
    print(b)
    print()

def shorten(text):
    cut = text[: len(text) // 2]
    return cut[: cut.rfind(" ")] + "…"

for _ in range(5):
    e = pick(lambda e: True)
    pair("exact", "the same entry pasted twice", e, render(e), render(e))
for _ in range(3):
    e = pick(lambda e: True)
    pair("same", "title in lower case", e, render(e), render(e, title=e["title"].lower()))
for _ in range(2):
    e = pick(lambda e: ":" in e["title"])
    pair("same", "colon dropped from the title", e, render(e), render(e, title=e["title"].replace(":", "")))
for _ in range(3):
    e = pick(lambda e: re.search(r"\w-\w", e["title"]))
    pair("same", "en dash for the hyphen", e, render(e), render(e, title=re.sub(r"(\w)-(\w)", "\\1\u2013\\2", e["title"])))
for _ in range(2):
    e = pick(lambda e: "'" in e["title"] or "'" in e["abstract"])
    pair("same", "curly apostrophes", e, render(e), render(e, title=e["title"].replace("'", "\u2019"), abstract=e["abstract"].replace("'", "\u2019")))
for _ in range(3):
    e = pick(lambda e: re.search(r"[À-ž]", header(e["title"], e["authors"], False)))
    strip = lambda s: s.translate(str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüñçćčšžřłøńśźżÁÉÍÓÚŠŽČŁ", "aaaaaaeeeeiiiiooooouuuuncccszrlonszzAEIOUSZCL"))
    pair("same", "diacritics dropped", e, render(e), render(e, title=strip(e["title"]), authors=[strip(a) for a in e["authors"]]))
for _ in range(4):
    e = pick(lambda e: True)
    pair("same", "a listing's shortened abstract ending in …", e, render(e), render(e, abstract=shorten(e["abstract"]), meta=None))
for _ in range(2):
    e = pick(lambda e: e["title"].split()[0] in ("A", "The", "Towards", "On"))
    pair("same", "leading word dropped", e, render(e), render(e, title=e["title"].split(" ", 1)[1]))
for _ in range(3):
    e = pick(lambda e: ": " in e["title"])
    pair("same", "subtitle dropped", e, render(e), render(e, title=e["title"].split(": ", 1)[0]))

# Names beyond the third are invented: the corpus shows at most three authors, as listings do.
extra = ["Priya Raman", "Jonas Weber", "Lucía Fernández", "Kenji Watanabe", "Amara Okafor", "Mateus Rocha"]
for i in range(3):
    e = pick(lambda e: e["et_al"])
    full = e["authors"] + extra[2 * i: 2 * i + 2]
    pair("same", "et al. after three authors against the full list (names after the third invented)", e, render(e), render(e, authors=full, et_al=False))
for i in range(2):
    e = pick(lambda e: e["et_al"])
    full = e["authors"] + extra[i: i + 3]
    swapped = e["authors"] + [full[4], full[3], full[5]]
    pair("same", "full lists with the fourth and fifth authors swapped (names after the third invented)", e,
         render(e, authors=full, et_al=False), render(e, authors=swapped, et_al=False))
for _ in range(3):
    e = pick(lambda e: e["abstract"].count(". ") >= 3)
    sentences = e["abstract"].split(". ")
    revised = ". ".join(sentences[:2] + ["We additionally release an extended evaluation on two new benchmarks and an ablation of every component"] + sentences[2:])
    revised = revised.replace("We propose", "In this work, we propose").replace(" state-of-the-art ", " state of the art ")
    pair("same", "a revised, longer abstract (one sentence added, wording touched)", e, render(e), render(e, abstract=revised))
for _ in range(2):
    e = pick(lambda e: e["meta"] is not None)
    later = re.sub(r"(\d{4})", lambda m: str(int(m.group(1)) + 1), e["meta"])
    pair("same", "listed again a year later (a new version's date)", e, render(e), render(e, meta=later))
e = pick(lambda e: True)
pair("same", "title in capitals", e, render(e), render(e, title=e["title"].upper()))
e = pick(lambda e: " " in e["title"])
pair("same", "doubled spaces inside the title and abstract", e, render(e), render(e, title=e["title"].replace(" ", "  ", 2), abstract=e["abstract"].replace(". ", ".  ", 2)))
e = pick(lambda e: True)
pair("same", "one copy with the explicit ` | ` title/author separator", e, render(e), render(e, title=e["title"] + " | "))
