"""Commands on the user's stars and notes: star, unstar, starred, note."""

from __future__ import annotations

from companion.cli.context import Context, UserError, print_json
from companion.present.data import star_json
from companion.present.starred import (
    HOW_TO_STAR,
    DayHeading,
    GapRow,
    NowLine,
    Pause,
    moves_to_mark_seen,
    starred_rows,
    starred_summary,
)
from companion.present.talk import LISTING_INDENT, STAR
from companion.program import Talk
from companion.text import safe_line, safe_prose


def _talks(ctx: Context, ids: list[str]) -> list[Talk]:
    """The talks named, or a UserError naming every id that is not in the program."""
    unknown = [talk_id for talk_id in ids if not ctx.program.has_talk(talk_id)]
    if unknown:
        raise UserError(f"no talk with id {', '.join(map(repr, unknown))} (see `companion talks`)")
    return [ctx.program.talk(talk_id) for talk_id in ids]


def cmd_star(ctx: Context) -> None:
    """Star; a talk already starred is said to be so (it keeps its first star time)."""
    talks = _talks(ctx, [ctx.talk_id(name) for name in ctx.args.ids])
    with ctx.store() as store:
        starred = store.starred_ids()
        store.star(talks)
    for talk in talks:
        done = "was already starred" if talk.id in starred else "starred"
        print(f"{STAR} {done} {talk.id}: {talk.title}")


def cmd_unstar(ctx: Context) -> None:
    """Unstar; a talk that was not starred is said to be so, which is not an error (the
    result the user asked for holds)."""
    ids = [ctx.talk_id(name) for name in ctx.args.ids]
    with ctx.store() as store:
        starred = store.starred_ids()
        unknown = [i for i in ids if i not in starred and not ctx.program.has_talk(i)]
        if unknown:
            raise UserError(
                f"no talk with id {', '.join(map(repr, unknown))} is in the program or starred"
            )
        store.unstar(ids)
    for talk_id in ids:
        print(f"  unstarred {talk_id}" if talk_id in starred else f"  {talk_id} was not starred")


def cmd_starred(ctx: Context) -> None:
    """List the stars. Listed as text, a move counts as seen (see `companion.present.starred`)."""
    from companion.reconcile import reconcile  # not loaded for the app or other commands

    if not ctx.has_store():
        statuses, notes = [], {}
    else:
        with ctx.store() as store:
            statuses = reconcile(ctx.program, store.stars(), ctx.zone)
            notes = store.notes()
            if not ctx.args.json:
                store.mark_seen(moves_to_mark_seen(statuses))
    if ctx.args.json:
        print_json([star_json(s, notes.get(s.record.talk_id, "")) for s in statuses])
        return
    moves = {s.record.talk_id: s.moved for s in statuses if s.moved}
    print(starred_summary(len(statuses), len(moves)))
    if not statuses:
        print(HOW_TO_STAR)
    rows = starred_rows(ctx.program, statuses, ctx.zone, moves, now=ctx.clock(), notes=notes)
    for row in rows:
        if isinstance(row, DayHeading):
            print(f"\n== {row.text} ==")
        elif isinstance(row, NowLine):
            print(row.text)
        elif isinstance(row, Pause):
            print(row.line)
        else:
            print(
                row.line
                if isinstance(row, GapRow)
                else f"{row.line}  [{ctx.talk_names.get(row.talk_id, row.talk_id)}]"
            )
            print(f"{'':{LISTING_INDENT}}{row.detail}")


def cmd_note(ctx: Context) -> None:
    talk_id, words = ctx.talk_id(ctx.args.id), ctx.args.text
    with ctx.store() as store:
        known = (
            ctx.program.has_talk(talk_id) or talk_id in store.starred_ids() or store.note(talk_id)
        )
        if not known:
            raise UserError(f"no talk with id {talk_id!r} (see `companion talks`)")
        if not words:
            note = safe_prose(store.note(talk_id))
            print(note or f"No note on {safe_line(talk_id)}.")
            return
        store.set_note(talk_id, " ".join(words))
