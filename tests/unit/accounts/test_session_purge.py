"""Expired sessions are forgotten by the worker's daily job."""

from datetime import UTC, datetime, timedelta

import time_machine
from sqlalchemy import select

from shop.accounts import sessions
from shop.accounts.models import UserSession
from shop.extensions import db
from shop.mail.jobs import run_due_jobs
from tests.factories import UserFactory

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def test_expired_sessions_are_purged_and_live_ones_kept(app):
    user = UserFactory()
    with time_machine.travel(NOW - timedelta(days=31), tick=False):
        stale = sessions.start_session(user, timedelta(days=30))
    with time_machine.travel(NOW, tick=False):
        live = sessions.start_session(user, timedelta(days=30))
        db.session.commit()

        ran = run_due_jobs(app)

        assert "accounts.purge_expired_sessions" in ran
        assert db.session.scalars(select(UserSession.user_id)).all() == [user.id]
        assert sessions.user_for_session(live) is user
        assert sessions.user_for_session(stale) is None
