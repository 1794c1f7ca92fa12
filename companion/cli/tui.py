"""`companion` without a command: the full-screen app."""

from __future__ import annotations

from companion.cli.context import Context


def cmd_run_tui(ctx: Context) -> int:
    """The TUI; its exit status, which is not 0 when it crashed."""
    from companion.ui.app import run_app  # Textual loads only for the TUI.

    return run_app(
        ctx.program,
        clock=ctx.clock,
        load_notice=ctx.load_notice,
        theme=ctx.args.theme,
        updated=ctx.updated,
    )
