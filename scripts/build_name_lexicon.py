"""Build src/rasid/data/names/*.tsv.gz, the person-name lexicon the entity stage reads.

Sources (nothing is downloaded):
- ``names.sqlite3`` shipped inside the PyPI package arabic-name-romanizer (MIT code; name units taken
  from Wikidata, CC0): every Arabic name unit tagged given/surname with its Latin spellings.
- the conflict-news corpora in shared/data/news_* (word frequencies only, no text is kept): a word that
  is very frequent in news and rarely a name ("قال", "مدينة", "الجيش") is marked common.

Output ``units.tsv.gz``: folded key, given count, surname count, corpus frequency, how often the word
follows a clear given name in the corpus, best Latin spelling.

    .venv/bin/pip install 'rasid[names]'
    .venv/bin/python scripts/build_name_lexicon.py [--news /work/shared/data]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

from rasid.stages.normalize import fold

OUT = Path(__file__).resolve().parent.parent / "src" / "rasid" / "data" / "names"
_WORD = re.compile(r"[\u0621-\u064a]+")


def _sqlite_path() -> Path:
    import arabic_name_romanizer

    return Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", default="/work/shared/data", help="folder holding news_*/ *.jsonl corpora")
    ap.add_argument("--min-count", type=int, default=2, help="drop name units seen fewer times")
    args = ap.parse_args()
    con = sqlite3.connect(_sqlite_path())
    given: Counter[str] = Counter()
    surname: Counter[str] = Counter()
    latin: dict[str, Counter[str]] = defaultdict(Counter)
    for key, lat, role, count in con.execute("select arabic_key, latin, role, count from units"):
        k = fold(key).replace(" ", "")
        if not _WORD.fullmatch(k):
            continue
        if role == "given":
            given[k] += count
        elif role == "surname":
            surname[k] += count
        else:
            given[k] += count // 2
            surname[k] += count // 2
        latin[k][lat] += count
    freq: Counter[str] = Counter()
    texts = []
    for path in sorted(Path(args.news).glob("news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            texts.append(_WORD.findall(fold(f"{d.get('title', '')} {d.get('text', '')}")))
            freq.update(texts[-1])
    # how often a word follows a clear given name ("دونالد ترامب", "صالح الصماد"): a surname's signature
    strong = {k for k, c in given.items() if c >= 5 and c * 3 >= surname[k] and c * 20 > freq[k] and k != "علي"}
    strong |= {"ابو", "ابي", "ابا"}
    after_given: Counter[str] = Counter()
    for words in texts:
        after_given.update(b for a, b in itertools.pairwise(words) if a in strong)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    keys = {k for k in set(given) | set(surname) if given[k] + surname[k] >= args.min_count}
    keys |= {w for w, c in freq.items() if c >= 40}  # common words: frequency only, no name
    for k in sorted(keys):
        best = latin[k].most_common(1)[0][0] if latin[k] else ""
        rows.append(f"{k}\t{given[k]}\t{surname[k]}\t{freq[k]}\t{after_given[k]}\t{best}\n")
    with gzip.open(OUT / "units.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# key\tgiven\tsurname\tnews_freq\tafter_given\tlatin  (Wikidata CC0 via arabic-name-romanizer; news word counts)\n")
        f.writelines(rows)
    print(f"wrote {len(rows)} rows to {OUT / 'units.tsv.gz'}")


if __name__ == "__main__":
    main()
