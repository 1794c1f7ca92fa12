"""Commands that browse the program: talks, speakers, show, now, about, programs."""

from __future__ import annotations

from companion.catalog import list_programs
from companion.cli.context import Context, UserError, print_json, warn
from companion.cli.details import LABEL_WIDTH, person_details, talk_details
from companion.clock import format_day, zone_label
from companion.present.about import about, headline
from companion.present.data import conference_json, now_json, person_json, talk_json
from companion.present.dates import iso_range
from companion.present.facts import plain_facts, plain_sections
from companion.present.now import describe_now_next
from companion.present.person import namesake_hint, role_names
from companion.present.talk import LISTING_INDENT, short_authors, talk_line
from companion.present.words import ESTIMATE_LEGEND, count
from companion.program import Talk


def cmd_talks(ctx: Context) -> None:
    starred, _ = ctx.saved(browsing=True)
    talks = ctx.program.talks
    if ctx.args.json:
        print_json([talk_json(talk, starred=talk.id in starred) for talk in talks])
        return
    conference = ctx.program.conference
    print(" — ".join(dict.fromkeys((conference.name, conference.title))))  # once if alike
    print(
        f"Times in {conference.timezone} ({zone_label(ctx.zone, talks[0].start)})"
        if talks
        else "No talks in this program."
    )
    if any(talk.estimated for talk in talks):
        print(ESTIMATE_LEGEND)
    program, names = ctx.program, ctx.talk_names
    for day in program.days:
        if len(program.days) > 1:
            print(f"\n== {format_day(day)} ==")
        for entry in program.entries(day):
            if not isinstance(entry, Talk):
                if program.talks_in_session(entry.id):
                    print(f"\n{entry.title}")
                continue
            print(talk_line(entry, ctx.zone, starred=entry.id in starred))
            details = [short_authors(entry.authors), entry.affiliation, entry.room, entry.track]
            name = f"[{names[entry.id]}]"  # in the margin under the time, where it fits
            print(f"{name:<{LISTING_INDENT - 1}} {' — '.join(part for part in details if part)}")


def cmd_speakers(ctx: Context) -> None:
    people = ctx.program.people
    if ctx.args.json:
        print_json([person_json(person) for person in people])
        return
    width = max((len(person.name) for person in people), default=0)
    for person in people:
        roles = role_names(ctx.program, person)
        hint = namesake_hint(ctx.program, person)  # and the id, to `show` the one meant
        tail = f"  {hint}  [{person.id}]" if hint else ""
        line = f"{person.name:<{width}}  {roles:<17}  {'; '.join(person.affiliations)}{tail}"
        print(line.rstrip())


def cmd_show(ctx: Context) -> None:
    program, name = ctx.program, ctx.args.id
    # A person's exact id, else a talk by any of its names, else a person by theirs: `103`
    # is the talk `talks` lists as [103] even when a speaker's source id is 103 too.
    talk_id = None if program.has_person(name) else ctx.talk_id(name)
    if talk_id is not None and program.has_talk(talk_id):
        item_id = talk_id
    else:
        item_id = ctx.person_id(name) or name
    starred, notes = ctx.saved(browsing=True)
    if program.has_talk(item_id):
        talk, is_starred = program.talk(item_id), item_id in starred
        note = notes.get(item_id, "")
        if ctx.args.json:
            print_json([talk_json(talk, starred=is_starred, note=note)])
        else:
            print("\n".join(talk_details(program, talk, ctx.zone, starred=is_starred, note=note)))
        return
    try:
        person = program.person(item_id)
    except KeyError:
        raise UserError(
            f"no talk or person with id {item_id!r} (see `companion talks` "
            "and `companion speakers --json`)"
        ) from None
    if ctx.args.json:
        print_json([person_json(person)])
    else:
        print("\n".join(person_details(program, person, ctx.zone, starred)))


def cmd_now(ctx: Context) -> None:
    starred, _ = ctx.saved(browsing=True)
    if ctx.args.json:
        print_json(now_json(ctx.program, ctx.clock(), starred))
    else:
        print(describe_now_next(ctx.program, ctx.clock(), ctx.zone, starred))


def cmd_about(ctx: Context) -> None:
    if ctx.args.json:
        print_json(conference_json(ctx.program.conference))
        return
    event = about(ctx.program)
    lines = ["".join(headline(event)), *([event.subtitle] if event.subtitle else [])]
    lines += ["", *plain_facts(event.facts, LABEL_WIDTH)]
    lines += plain_sections(event.sections)
    lines += ["", *(f"· {note}" for note in event.notes)] if event.notes else []
    lines += ["", event.version] if event.version else []
    print("\n".join(lines))


def cmd_programs(ctx: Context) -> None:
    from companion.present.changes import fetched_words  # not loaded for the app

    entries, problems = list_programs()
    for problem in problems:
        warn(f"skipped an unreadable kept program: {problem}")
    if ctx.args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "name": e.name,
                    "title": e.title,
                    "start_date": e.start_date.isoformat(),
                    "end_date": e.end_date.isoformat(),
                    "talks": e.talks,
                    "path": str(e.path) if e.path else None,
                    "bundled": e.path is None,
                    "source": e.source,
                    "fetched": e.fetched.isoformat() if e.fetched else None,
                }
                for e in entries
            ]
        )
        return
    dates = [iso_range(entry.start_date, entry.end_date) for entry in entries]
    width = max(map(len, dates), default=0)
    ids = max((len(entry.id) for entry in entries), default=0)
    for entry, when in zip(entries, dates, strict=True):
        where = "bundled" if entry.path is None else str(entry.path)
        talks = count(entry.talks, "talk")
        print(f"{entry.id:<{ids}} {when:<{width}} {talks:>11}  {entry.title}  [{where}]")
        if entry.source and entry.fetched:
            print(f"{'':<{ids}} from {entry.source}, fetched {fetched_words(entry.fetched)}")
