"""Build the throughput corpus: the real conflict-news articles, topped up to N with recombined variants.

    python benchmarks/build_corpus.py                    # -> benchmarks/out/corpus/part-*.jsonl (10,000)
    python benchmarks/build_corpus.py --target 20000 --out /tmp/corpus

Sources (read-only, see their SOURCE.md): /work/shared/data/news_ant_multisource_conflict/*.jsonl
(2,952 articles) and /work/shared/data/news_saudinewsnet_conflict/*.jsonl (1,170). Every real article
is written once, as it is. To reach the target, variants are added: variant k of article A keeps
A's title, date and outlet, and interleaves A's paragraphs with those of another article B of the
same outlet (lead paragraph of A first, as many paragraphs as A has), under the id ``<A.id>~v<k>``.
The output is deterministic (same sources + same --seed = same bytes). ``<out>.manifest.json``,
beside the folder so that ``rasid extract <out>`` reads only articles, records counts and a SHA-256.

Output lines carry ``id, title, text, published, outlet, url``, the JSONL input of ``rasid extract``.
Files are sharded (--shard-size articles each) to stay far below the reader's per-file size limit.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

SHARED = Path("/work/shared/data")
SOURCES = (SHARED / "news_ant_multisource_conflict", SHARED / "news_saudinewsnet_conflict")
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "corpus"

Article = dict[str, str | None]
_SEPARATORS = ("\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e")


def read_articles(sources: tuple[Path, ...] = SOURCES) -> list[Article]:
    """The real articles of every ``*.jsonl`` under ``sources``, in file and line order."""
    out: list[Article] = []
    for folder in sources:
        files = sorted(folder.glob("*.jsonl"))
        if not files:
            raise SystemExit(f"no *.jsonl under {folder}; is /work/shared mounted?")
        for path in files:
            with path.open(encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        out.append(_article(json.loads(line)))
    return out


def _article(d: dict[str, object]) -> Article:
    published = d.get("published") or (str(d.get("date_extracted") or "")[:10] or None)
    return {"id": str(d["id"]), "title": str(d.get("title") or ""), "text": str(d.get("text") or ""),
            "published": str(published) if published else None, "outlet": _opt(d.get("outlet")),
            "url": _opt(d.get("url"))}


def _opt(v: object) -> str | None:
    return str(v) if v else None


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def variants(articles: list[Article], n: int, seed: int) -> Iterator[Article]:
    """``n`` recombined articles: A's lead and title, then A's and B's paragraphs interleaved."""
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_outlet[a["outlet"] or ""].append(a)
    rng = random.Random(seed)
    order = list(articles)
    made = 0
    k = 0
    while made < n:
        k += 1
        rng.shuffle(order)
        for a in order:
            if made >= n:
                return
            peers = by_outlet[a["outlet"] or ""]
            b = peers[rng.randrange(len(peers))]
            if b is a and len(peers) > 1:
                b = peers[(peers.index(a) + 1) % len(peers)]
            pa, pb = _paragraphs(a["text"] or ""), _paragraphs(b["text"] or "")
            body = _recombine(pa, pb)
            url = a["url"]
            yield {"id": f"{a['id']}~v{k}", "title": a["title"], "text": "\n".join(body),
                   "published": a["published"], "outlet": a["outlet"], "url": f"{url}#v{k}" if url else None}
            made += 1


def _recombine(pa: list[str], pb: list[str]) -> list[str]:
    """A's lead, then A's and B's later paragraphs in turn, as many paragraphs as A has (two at least).

    >>> _recombine(["a0", "a1", "a2", "a3"], ["b0", "b1", "b2"])
    ['a0', 'a1', 'b1', 'a2']
    >>> _recombine(["a0"], ["b0", "b1"])
    ['a0', 'b1']
    """
    rest_a, rest_b = pa[1:], pb[1:] or pb
    mixed = [p for i in range(max(len(rest_a), len(rest_b))) for p in (rest_a[i:i + 1] + rest_b[i:i + 1])]
    return pa[:1] + mixed[:max(len(pa), 2) - len(pa[:1])]


def _jsonl(a: Article) -> str:
    r"""One JSONL line; line and paragraph separators inside strings are escaped, as JSON allows.

    Real articles hold U+2028/U+2029; escaped, no reader that splits on Unicode line breaks can cut
    a record in two, and the decoded text is unchanged.

    >>> _jsonl({"text": "a\u2029b"})
    '{"text": "a\\u2029b"}\n'
    """
    line = json.dumps(a, ensure_ascii=False)
    for ch in _SEPARATORS:
        line = line.replace(ch, f"\\u{ord(ch):04x}")
    return line + "\n"


def build(out: Path, target: int, seed: int, shard_size: int) -> dict[str, object]:
    """Write the corpus shards and manifest under ``out``; returns the manifest."""
    real = read_articles()
    extra = max(0, target - len(real))
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("part-*.jsonl"), out / "manifest.json"]:
        old.unlink(missing_ok=True)
    digest = hashlib.sha256()
    n = chars = 0
    articles = [*real, *variants(real, extra, seed)]
    for start in range(0, len(articles), shard_size):
        with (out / f"part-{start // shard_size:03d}.jsonl").open("w", encoding="utf-8") as shard:
            for a in articles[start:start + shard_size]:
                line = _jsonl(a)
                shard.write(line)
                digest.update(line.encode("utf-8"))
                n += 1
                chars += len(a["title"] or "") + len(a["text"] or "")
    manifest: dict[str, object] = {
        "articles": n, "real": len(real), "variants": extra, "seed": seed, "shard_size": shard_size,
        "title_text_chars": chars, "sha256": digest.hexdigest(), "sources": [str(s) for s in SOURCES],
    }
    (out.parent / f"{out.name}.manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    p.add_argument("--target", type=int, default=10_000, help="number of articles (default: %(default)s)")
    p.add_argument("--seed", type=int, default=13, help="seed of the variant recombination (default: %(default)s)")
    p.add_argument("--shard-size", type=int, default=2_000, help="articles per file (default: %(default)s)")
    args = p.parse_args(argv)
    m = build(args.out, args.target, args.seed, args.shard_size)
    print(f"wrote {m['articles']:,} articles ({m['real']:,} real, {m['variants']:,} variants) to {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
