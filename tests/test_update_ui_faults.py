"""Updating from the app when the subscription itself is gone (its source record unreadable
or removed since the app started): one notice, and the app goes on."""

from __future__ import annotations

from pathlib import Path

from tests.driving import toasted
from tests.local_server import Server
from tests.test_update_ui import drawn, subscribed_app


async def test_an_update_whose_record_went_bad_is_a_notice_not_a_crash(
    server: Server, data_dir: Path
) -> None:
    app = subscribed_app(server, "103")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        (data_dir / "programs" / "devconf-2030.source.json").write_text("{", encoding="utf-8")
        await pilot.press("U")
        await toasted(pilot, "could not update devconf-2030")
        assert "unreadable" in drawn(app) and "MLIR in Production" in drawn(app)
        assert app.is_running
