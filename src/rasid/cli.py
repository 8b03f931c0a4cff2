"""Command-line shell over rasid.api: parse arguments, call the library, format the answer."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources as importlib_resources
from pathlib import Path
from typing import IO

import click

from rasid import api
from rasid.export.contract import to_contract
from rasid.model import Extraction, Reject
from rasid.pipeline import BatchReport
from rasid.resources import Resources


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="rasid: %(levelname)s: %(message)s",
                        stream=sys.stderr)


def _print_report(report: BatchReport) -> None:
    click.echo(report.summary(), err=True)
    for r in report.rejects:
        click.echo(f"  {'skipped' if r.stage == 'ingest' else 'failed'} {r.source}: {r.reason}", err=True)


def _write_jsonl(results: Iterable[Extraction], out: IO[str]) -> int:
    n = 0
    for x in results:
        out.write(json.dumps(to_contract(x), ensure_ascii=False) + "\n")
        n += 1
    return n


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasid")
@click.option("-v", "--verbose", is_flag=True, help="Log every skipped document as it happens.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="User alias file(s) merged into the knowledge base.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, alias_files: tuple[str, ...]) -> None:
    """Rasid (راصد): events from Arabic news about extremism and armed conflict."""
    _setup_logging(verbose)
    ctx.obj = {"aliases": alias_files}


def _resources(ctx: click.Context):  # type: ignore[no-untyped-def]
    return api.load_resources(user_aliases=ctx.obj["aliases"])


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Where to write contract-v1 JSONL ('-' for stdout).")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Run on a local Dask cluster of this many worker processes (needs rasid[dask]).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler to run on (needs rasid[dask]).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], out: str, no_progress: bool, workers: int | None,
            scheduler: str | None) -> None:
    """Extract entities and events from PATHS (files, folders, '-' for stdin) as JSONL."""
    report = BatchReport()
    if workers or scheduler:
        results = _extract_on_dask(paths, report, workers, scheduler)
    else:
        results = api.extract_files(paths, report, _resources(ctx), progress=not no_progress and sys.stderr.isatty())
    if out == "-":
        _write_jsonl(results, sys.stdout)
    else:
        with open(out, "w", encoding="utf-8") as f:
            _write_jsonl(results, f)
    _print_report(report)
    if report.read and not report.done:
        sys.exit(1)


def _extract_on_dask(paths: tuple[str, ...], report: BatchReport, workers: int | None,
                     scheduler: str | None) -> list[Extraction]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        click.echo("--workers/--scheduler need Dask: pip install 'rasid[dask]'", err=True)
        sys.exit(2)
    from rasid.scale import extract_distributed

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            return extract_distributed(paths, client, report)
    with LocalCluster(n_workers=workers, threads_per_worker=1,  # type: ignore[no-untyped-call]
                      dashboard_address=None) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        return extract_distributed(paths, client, report)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="rasid.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database file.")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str, no_progress: bool) -> None:
    """Extract PATHS and store documents and their extraction in a SQLite database."""
    report = BatchReport()
    res = _resources(ctx)
    results = api.extract_files(paths, report, res, progress=not no_progress and sys.stderr.isatty())
    added, stories = _store(results, report.rejects, db, "ingest " + " ".join(paths), res)
    click.echo(f"stored {added} new document(s) in {db} ({len(results) - added} already there);"
               f" {len(set(stories.values()))} story id(s)", err=True)
    _print_report(report)


def _store(results: list[Extraction], rejects: list[Reject], db: str, command: str,
           res: Resources) -> tuple[int, dict[str, str]]:
    """Store a batch (stories matched against the stored ones); (new documents, {content hash: story id})."""
    from rasid.stages.stories import story_rules
    from rasid.store.sqlite import SQLiteStore
    from rasid.store.stories import stored_story_ids

    with SQLiteStore(db) as store:
        added = store.save_batch(results, rejects, command, story_rules=story_rules(res))
        ids = stored_story_ids(store.connection, [x.content_hash for x in results])
    return added, {k: sid for k, (sid, _) in ids.items()}


@cli.command()
@click.option("--db", default="rasid.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database file to write.")
@click.pass_context
def demo(ctx: click.Context, db: str) -> None:
    """Run the whole pipeline on the bundled sample articles, print a summary, write rasid.db."""
    samples = Path(str(importlib_resources.files("rasid") / "samples"))
    report = BatchReport()
    res = _resources(ctx)
    results = api.extract_files([samples], report, res)
    added, stories = _store(results, report.rejects, db, "demo", res)
    for x in results:  # with the story ids as stored (a sample may join a story already in the database)
        click.echo(format_summary(replace(x, story_id=stories.get(x.content_hash, x.story_id))))
    click.echo(f"\nwrote {db}: {added} new document(s)")
    _print_report(report)


def format_summary(x: Extraction) -> str:
    """A readable block for one document: outlet, wires, story and each event with its evidence."""
    c = x.clean
    full = c.full_text
    lines = [f"== {c.doc_id}: {c.title}",
             f"   outlet: {c.outlet or '-'}   wires: {', '.join(c.wires) or '-'}   story: {x.story_id or '-'}",
             f"   entities: {len(x.entities)}   events: {len(x.events)}"]
    for e in x.events:
        lines.append(f"   {'*' if e.core else '-'} {e.summary or e.type}")
        if e.evidence:
            s, t = e.evidence[0]
            lines.append(f"       « {full[s:t][:300]} »")
    return "\n".join(lines)


@cli.group()
def kb() -> None:
    """Inspect and extend the knowledge base."""


@kb.command("find")
@click.argument("name")
@click.option("--limit", default=10, show_default=True)
@click.pass_context
def kb_find(ctx: click.Context, name: str, limit: int) -> None:
    """Entities whose names match NAME (any script, any spelling)."""
    from rasid.stages.normalize import fold

    res = _resources(ctx)
    key = fold(name).strip()
    hits = [e for e in res.entries.values() if any(key == fold(n) for n in e.all_names)]
    if not hits:
        hits = [e for e in res.entries.values() if any(key in fold(n) for n in e.all_names)][:limit]
    for e in hits[:limit]:
        where = f"  ({e.lat:.3f}, {e.lon:.3f}) {e.country or ''} {e.admin1 or ''}" if e.lat is not None else ""
        click.echo(f"{e.id}\t{e.kind}\t{e.name_en}\t{e.name_ar}{where}")
    if not hits:
        click.echo(f"no entity named {name!r}", err=True)
        sys.exit(1)


@kb.command("check")
@click.pass_context
def kb_check(ctx: click.Context) -> None:
    """Validate the knowledge base: dangling parents, alias clashes, bad coordinates."""
    from rasid.resources import check

    res = _resources(ctx)
    problems = check(res)
    for p in problems:
        click.echo(p)
    click.echo(f"{len(res.entries)} entities, {len(problems)} problem(s)", err=True)


@kb.command("add")
@click.argument("alias_file", type=click.Path(dir_okay=False))
@click.argument("entity_id")
@click.argument("aliases", nargs=-1, required=True)
@click.pass_context
def kb_add(ctx: click.Context, alias_file: str, entity_id: str, aliases: tuple[str, ...]) -> None:
    """Append ALIASES of ENTITY_ID to a user ALIAS_FILE (use it with --aliases)."""
    res = _resources(ctx)
    if entity_id not in res.entries:
        click.echo(f"unknown entity id {entity_id!r}; find it with 'rasid kb find NAME'", err=True)
        sys.exit(2)
    with open(alias_file, "a", encoding="utf-8") as f:
        f.write(entity_id + "\t" + "\t".join(aliases) + "\n")
    click.echo(f"added {len(aliases)} alias(es) to {entity_id} in {alias_file}")


def main() -> None:
    cli(prog_name="rasid")


# -- database, search and REST API (issue 6) ---------------------------------------------------------

_DB_HELP = "SQLite file or postgresql:// URL (default: rasid.toml, RASID_DB, else rasid.db)."


def _open_db(db: str | None):  # type: ignore[no-untyped-def]
    from rasid.config import Settings
    from rasid.store.sql import Database
    from rasid.store.sqlite import StoreError

    try:
        return Database.open(Settings.load(db=db).db)
    except StoreError as e:
        click.echo(f"rasid: {e}", err=True)
        sys.exit(2)


@cli.command()
@click.argument("text")
@click.option("--type", "type_", help="Event type(s), comma-separated (attack, media_release, ...).")
@click.option("--subtype", help="Event subtype(s), comma-separated.")
@click.option("--actor", help="Actor: entity id or any name, any language (includes branches).")
@click.option("--target", help="Target: entity id or any name.")
@click.option("--speaker", help="Speaker: entity id or any name.")
@click.option("--place", help="Place or governorate (includes the places inside it).")
@click.option("--entity", help="Entity in any role.")
@click.option("--since", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", help="Up to this date (inclusive).")
@click.option("--story", help="Story id.")
@click.option("--min-fatalities", type=float, help="Only events with at least this many killed.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--db", default=None, help=_DB_HELP)
def search(text: str, type_: str | None, subtype: str | None, actor: str | None, target: str | None,
           speaker: str | None, place: str | None, entity: str | None, since: str | None, until: str | None,
           story: str | None, min_fatalities: float | None, limit: int, fmt: str, db: str | None) -> None:
    """Full-text search of stored documents in any spelling, with filters on their events."""
    from rasid import query

    f = query.Filters(type=type_, subtype=subtype, actor=actor, target=target, speaker=speaker, place=place,
                      entity=entity, since=since, until=until, story=story, min_fatalities=min_fatalities)
    with _open_db(db) as database:
        try:
            page = query.search(database, text, f, limit=limit)
        except query.QueryError as e:
            click.echo(f"rasid: {e}", err=True)
            sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in page.items], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        from rasid.rest.render import csv_text, flatten

        click.echo(csv_text(flatten(r.to_dict()) for r in page.items), nl=False)
    else:
        for r in page.items:
            import html

            snip = html.unescape(r.snippet.replace("<mark>", "«").replace("</mark>", "»"))
            click.echo(f"{r.score:7.3f}  {r.doc_id}  {r.published or '-'}  {r.title}")
            click.echo(f"         {snip}")
            for ev in r.events:
                click.echo(f"         * {ev.summary or ev.type}")
        if not page.items:
            click.echo("no match", err=True)


@cli.command()
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(1, 65535), help="Port (default 8000).")
@click.option("--config", "config", default="rasid.toml", show_default=True, help="Settings file.")
def serve(db: str | None, host: str | None, port: int | None, config: str) -> None:
    """Serve the REST API (under /api, docs at /api/docs) and the dashboard, with uvicorn."""
    try:
        import uvicorn

        from rasid.rest import create_app
    except ImportError as e:
        click.echo(f"rasid: {e}; install with: pip install 'rasid[web]'", err=True)
        sys.exit(2)
    from rasid.config import Settings

    settings = Settings.load(config, db=db, host=host, port=port)
    click.echo(f"rasid: serving {settings.db} on http://{settings.host}:{settings.port} (API docs: /api/docs)",
               err=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


@cli.group()
def token() -> None:
    """Manage API tokens (stored hashed; a token is shown once, when created)."""


@token.command("create")
@click.argument("name")
@click.option("--scope", type=click.Choice(["write", "read"]), default="write", show_default=True)
@click.option("--db", default=None, help=_DB_HELP)
def token_create(name: str, scope: str, db: str | None) -> None:
    """Create a token called NAME and print it (keep it: it cannot be shown again)."""
    with _open_db(db) as database:
        click.echo(database.create_token(name, scope))


@token.command("list")
@click.option("--db", default=None, help=_DB_HELP)
def token_list(db: str | None) -> None:
    """List tokens (ids, names, scopes, dates; never the secrets)."""
    with _open_db(db) as database:
        for t in database.list_tokens():
            state = f"revoked {t.revoked_at}" if t.revoked_at else "active"
            click.echo(f"{t.id}\t{t.name}\t{t.scope}\t{t.created_at}\t{state}")


@token.command("revoke")
@click.argument("token_id", type=int)
@click.option("--db", default=None, help=_DB_HELP)
def token_revoke(token_id: int, db: str | None) -> None:
    """Revoke the token with id TOKEN_ID."""
    with _open_db(db) as database:
        if not database.revoke_token(token_id):
            click.echo(f"rasid: no active token {token_id}", err=True)
            sys.exit(1)
    click.echo(f"revoked token {token_id}")
