#!/usr/bin/env python3
"""Turns gold lines into contract-shaped predictions (entity id = canonical name, story_id = story)
so that score.py can check the gold against itself: python3 tests/gold/selfcheck.py > /tmp/self.jsonl
(score.py resolves event role fillers through predicted entity ids and stories through story_id,
neither of which gold lines carry, so `score.py dev.jsonl dev.jsonl` cannot reach 1.0 on arguments
or stories for any gold file, including the public one)."""
import json, os, sys
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev.jsonl")
for line in open(path, encoding="utf-8"):
    g = json.loads(line)
    ents = [dict(e, id=e["names"][0]) for e in g["entities"]]
    print(json.dumps(dict(g, entities=ents, story_id=g["story"]), ensure_ascii=False))
