"""Commands on the user's stars and notes: star, unstar, starred, note."""

from __future__ import annotations

from companion.cli.context import Context, UserError, print_json
from companion.clock import format_day
from companion.program import Talk
from companion.reconcile import StarStatus, reconcile
from companion.render import talk_json, talk_line
from companion.text import safe_prose


def _talks(ctx: Context, ids: list[str]) -> list[Talk]:
    """The talks named, or a UserError naming every id that is not in the program."""
    unknown = [talk_id for talk_id in ids if not ctx.program.has_talk(talk_id)]
    if unknown:
        raise UserError(f"no talk with id {', '.join(map(repr, unknown))} (see `companion talks`)")
    return [ctx.program.talk(talk_id) for talk_id in ids]


def cmd_star(ctx: Context) -> None:
    talks = _talks(ctx, ctx.args.ids)
    with ctx.store() as store:
        store.star(talks)
    for talk in talks:
        print(f"★ starred {talk.id}: {talk.title}")


def cmd_unstar(ctx: Context) -> None:
    with ctx.store() as store:
        starred = store.starred_ids()
        unknown = [i for i in ctx.args.ids if i not in starred and not ctx.program.has_talk(i)]
        if unknown:
            raise UserError(
                f"no talk with id {', '.join(map(repr, unknown))} is in the program or starred"
            )
        store.unstar(ctx.args.ids)
    for talk_id in ctx.args.ids:
        print(f"  unstarred {talk_id}")


def _status_json(status: StarStatus, note: str) -> dict[str, object]:
    if status.talk is not None:
        data = talk_json(status.talk, starred=True, note=note)
    else:
        record = status.record
        data = {
            "id": record.talk_id,
            "title": record.title,
            "session": record.place,
            "start": record.start.isoformat() if record.start else None,
            "end": record.end.isoformat() if record.end else None,
            "starred": True,
            "note": note,
        }
    data["in_program"] = status.in_program
    data["moved"] = status.moved
    return data


def cmd_starred(ctx: Context) -> None:
    """List the stars; showing a moved star as text counts as the user having seen it."""
    if not ctx.has_store():
        statuses, notes = [], {}
    else:
        with ctx.store() as store:
            statuses = reconcile(ctx.program, store.stars(), ctx.zone)
            notes = store.notes()
            if not ctx.args.json:
                store.mark_seen(s.talk for s in statuses if s.moved and s.talk)
    if ctx.args.json:
        print_json(
            [_status_json(status, notes.get(status.record.talk_id, "")) for status in statuses]
        )
        return
    if not statuses:
        print("No starred talks yet. Star one with `companion star ID`.")
        return
    conflicts = ctx.program.conflicts({s.record.talk_id for s in statuses})
    several_days = len(ctx.program.days) > 1
    day = None
    for status in statuses:
        if status.talk is None:
            print(f"★ {'(gone)':<12} {status.record.title}  [{status.record.talk_id}]")
            print(f"{'':15}no longer in the program")
            continue
        talk_day = status.talk.start.astimezone(ctx.zone).date()
        if several_days and talk_day != day:
            print(f"\n== {format_day(talk_day)} ==")
            day = talk_day
        print(f"{talk_line(status.talk, ctx.zone, starred=True)}  [{status.talk.id}]")
        overlap = "overlaps another starred talk" if status.talk.id in conflicts else None
        details = " · ".join(filter(None, (status.talk.room, overlap)))
        for line in filter(None, (details, status.moved)):
            print(f"{'':15}{line}")


def cmd_note(ctx: Context) -> None:
    talk_id, words = ctx.args.id, ctx.args.text
    with ctx.store() as store:
        known = (
            ctx.program.has_talk(talk_id) or talk_id in store.starred_ids() or store.note(talk_id)
        )
        if not known:
            raise UserError(f"no talk with id {talk_id!r} (see `companion talks`)")
        if not words:
            note = safe_prose(store.note(talk_id))
            if note:
                print(note)
            return
        store.set_note(talk_id, " ".join(words))
