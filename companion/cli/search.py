"""`companion search`: what the search dialog finds, ranked alike, for a shell or a script."""

from __future__ import annotations

import argparse

from companion.cli.context import Context, UserError, print_json

SHOWN = 50  # results listed unless --all: a screenful or two


def add_search_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="WORD", help="words to look for")
    parser.add_argument("--all", action="store_true", help=f"every result, not the first {SHOWN}")


def cmd_search(ctx: Context) -> None:
    from companion.present.search import capped, hit_details, no_result
    from companion.search import HitKind, SearchIndex, too_short

    query = " ".join(ctx.args.query)
    if too_short(query):
        raise UserError("search needs at least two letters, as the app's search does")
    found = SearchIndex(ctx.program).search(query, limit=None if ctx.args.all else SHOWN)
    if ctx.args.json:
        print_json(
            {
                "total": found.total,
                "results": [
                    {
                        "kind": hit.kind.value,
                        "id": hit.id,
                        "label": hit.label,
                        "in_text": hit.in_text,
                    }
                    for hit in found
                ],
            }
        )
        return
    if not found:
        print(no_result(query))
    for hit in found:
        name = ctx.talk_names.get(hit.id, hit.id) if hit.kind is HitKind.TALK else hit.id
        print(f"{hit.label}  [{name}]")
        details = [hit.kind.value, *hit_details(ctx.program, hit, ctx.zone)]
        print(f"    {' · '.join(details[:2])}")
        for line in details[2:]:
            print(f"    {line}")
    if found.capped:
        print(capped(len(found), found.total) + " (or --all)")
