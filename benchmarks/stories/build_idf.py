"""Rebuild ``src/rasid/data/rules/stories.json``: story-layer word lists and document frequencies.

The document frequencies (how many of the shared conflict-news articles hold each folded,
de-prefixed word) let ``stages/story_features.py`` weigh lead terms by how telling they are
without reading any corpus at run time. Words in fewer than 3 articles are left out (they get the
maximum weight anyway). Run: ``.venv/bin/python benchmarks/stories/build_idf.py``.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from rasid.stages.story_features import tokens

ROOT = Path(__file__).resolve().parents[2]
DATA = Path("/work/shared/data")
OUT = ROOT / "src/rasid/data/rules/stories.json"

# Function words and reporting verbs: they say nothing about which news an article reports.
_STOP = """
في من على الى عن مع ان او ما لا لم لن قد كان كانت هذا هذه ذلك تلك التي الذي الذين اللذين بين بعد قبل
عند حتى خلال اليوم امس وقال قال قالت واضاف اضاف اضافت واوضح اوضح اكد واكد اشار واشار ايضا حيث كما
وفي ومن وعلى والى وان او اي كل بعض غير منذ نحو وقد فيما الي انه انها لها له هو هي هم تم يتم وكان
وكانت عليه عليها فيه فيها منه منها به بها اثناء ضمن لدى امام وسط حول اجل وذلك لكن ولكن اذ اذا
the of and in to a on for is was that by with as at from
"""
STOPWORDS = sorted({t for w in _STOP.split() for t in tokens(w)})
# Title words that mark a new occurrence of something already reported ("five more", "again").
_FOLLOWUP = "جدد جديد جديدة مجددا مجدداً جديدين اخرين آخرين ثانية ثان اخري أخرى"
FOLLOWUP = sorted({t for w in _FOLLOWUP.split() for t in tokens(w)})


def main() -> None:
    df: Counter[str] = Counter()
    n = 0
    for path in sorted(DATA.glob("news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            n += 1
            df.update(set(tokens(f"{d.get('title', '')} {d.get('text', '')}")))
    kept = {w: c for w, c in sorted(df.items()) if c >= 3}
    OUT.write_text(json.dumps({"_about": "story layer: see benchmarks/stories/build_idf.py", "stopwords": STOPWORDS,
                               "followup_cues": FOLLOWUP,
                               "df_docs": n, "df": kept}, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                   encoding="utf-8")
    print(f"{n} articles, {len(kept)} words -> {OUT}")


if __name__ == "__main__":
    main()
