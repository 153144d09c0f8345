"""`duban notice circular` for a period whose draft exists, read and signed in straight from a
local SQLite ledger through the standard sqlite3 module: a cold command then skips SQLAlchemy
and the ORM (about 0.55 s of imports and mapper set-up, issue 11).

It serves only the case it can vouch for exactly as the services would: the ledger needs
nothing done on open (quick_status.servable), the audit chain verifies from this desk's last
verified entry on (quick_status.chain_pass; the new position is written as the check on open
writes it), the account signs in with nothing to settle (no failed attempts or lock, active,
approved, no password change due, its hash at today's cost), and the period has a draft.
Anything else, a wrong password included, returns None or False before anything is written to
the ledger, and the caller goes through the services, which check, record and refuse as on
every open. The entries written here (登录, 命令行操作结束) are the chain entries
audit.record writes for identity.sign_in and sign_out, each in its own transaction.
tests/integration/test_cli_quick_circular.py holds the two paths' PDF and entries equal.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import suppress
from datetime import datetime, timedelta
from pathlib import Path

from db import chain
from db.enums import DocKind, DocStatus, Role
from desktop.services import audit_anchor, passwords, quick_status
from desktop.services.audit_anchor import Head, Verified
from desktop.services.auth import Actor
from desktop.services.clock import Clock
from desktop.services.office_values import OFFICE_KEY, SECURITY_KEY, OfficeSettings, SecurityPolicy
from desktop.services.setting_values import from_stored

_USER = (
    "SELECT id, username, display_name, role, password_hash, active, approved,"
    " must_change_password, password_changed_at FROM user_account WHERE username = ?"
)


class CircularDraft:
    """An open quick read of the period's circular draft, and the account that asks for it."""

    def __init__(self, db: sqlite3.Connection, found: quick_status.ChainPass, clock: Clock) -> None:
        self._db, self._chain, self._clock = db, found, clock
        self.doc_id = 0
        self._content = ""
        self._office = OfficeSettings()
        self._names: tuple[list[str], list[str]] = ([], [])
        self._actor: Actor | None = None
        self._hash = ""
        self.signed_in = False

    def sign_in_rendering(self, password: str) -> bytes | None:
        """The sign-in's scrypt, in a second thread while this one renders the draft as the
        services render it (the seals' places outlined); then the 登录 entry and the PDF.

        libsodium's and OpenSSL's scrypt let go of the GIL, so on the 2-core PCs the command
        waits for the longer of the two (~0.2 s each), not for their sum (issue 11). The PDF
        stays in this process until the password has checked: a wrong one (or a check that
        failed) gives None with nothing written and the PDF dropped, and the services then
        check again, record and refuse."""
        assert self._actor is not None
        checked: list[bool] = []

        def check() -> None:
            checked.append(passwords.check_password(password, self._hash))

        scrypt = threading.Thread(target=check, name="sign-in-scrypt", daemon=True)
        scrypt.start()
        try:  # the renderer's imports too run beside the scrypt
            from desktop.services.notices.codec import from_json
            from desktop.services.notices.layout import options_for, render_with

            options = options_for(self._office, *self._names)
            pdf = render_with(from_json(self._content), options, seal_marks=True).pdf
        finally:
            scrypt.join()
        if checked != [True]:
            return None
        self._append("sign_in", "user", self._actor.username, f"登录：{self._actor.display_name}")
        self.signed_in = True
        return pdf

    def close(self) -> None:
        """Sign out as the command's end does (identity.sign_out), then let the ledger go."""
        try:
            if self.signed_in and self._actor is not None:
                name = self._actor.display_name
                self._append("sign_out", "user", self._actor.username, f"命令行操作结束：{name}")
                self.signed_in = False
        finally:
            self._db.close()

    def _append(self, action: str, entity: str, entity_id: object, summary: str) -> None:
        """One entry chained to the newest, as audit.record appends it, in one transaction;
        the anchor moves on after the commit while the ledger agrees with it."""
        db, found, actor = self._db, self._chain, self._actor
        assert actor is not None
        db.execute("BEGIN IMMEDIATE")  # the write lock, as hold_write_lock takes it
        try:
            last = db.execute("SELECT id, seq, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
            previous = last.fetchone()
            seq = (previous[1] if previous else 0) + 1
            prev_hash = previous[2] if previous else chain.GENESIS
            at, detail = self._clock.now(), chain.detail_text(None)
            fields = (seq, at, actor.user_id, actor.label, action, entity, str(entity_id), summary)
            mac = chain.mac(found.key, chain.canonical(prev_hash, *fields, detail))
            row = db.execute(
                "INSERT INTO audit_entry (seq, at, user_id, actor, action, entity, entity_id,"
                " summary, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, chain.at_stored(at), *fields[2:], detail, prev_hash, mac),
            )
            agreed = self._agrees()
            db.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        if agreed:
            audit_anchor.advance_anchor(
                found.location, found.uid, Head(seq, int(row.lastrowid or 0), mac)
            )

    def _agrees(self) -> bool:
        """Does the ledger still hold the entry this desk's anchor names (audit._agrees)?"""
        anchor = audit_anchor.read_anchor(self._chain.location)
        if anchor is None:
            return True
        uid, head = anchor
        found = self._db.execute(
            "SELECT seq, hash FROM audit_entry WHERE id = ?", (head.id,)
        ).fetchone()
        return (
            uid == self._chain.uid
            and found is not None
            and tuple(found)
            == (
                head.count,
                head.hash,
            )
        )


def open_draft(
    path: Path, clock: Clock, username: str, period: str, *, real_refused: bool
) -> CircularDraft | None:
    """The period's circular draft in the SQLite ledger at ``path`` for ``username`` to sign in
    to, or None when the services must open the ledger. Checks the chain as every open does."""
    db = quick_status.connect(path)
    if db is None:
        return None
    try:
        draft = _read(db, path, clock, username.strip()[:40], period, real_refused)
    except sqlite3.Error:  # an odd file, a locked or older schema: the services say what
        draft = None
    if draft is None:
        db.close()
        return None
    found = draft._chain
    stamp = datetime.now().isoformat(timespec="seconds")  # the system clock, as verify()
    done = Verified(found.head, stamp, found.done.full_at)
    audit_anchor.write_verified(found.location, found.uid, done)
    audit_anchor.advance_anchor(found.location, found.uid, found.head)
    return draft


def _read(
    db: sqlite3.Connection, path: Path, clock: Clock, name: str, period: str, real_refused: bool
) -> CircularDraft | None:
    db.execute("BEGIN")  # one snapshot for every read below
    try:
        settings = dict(db.execute("SELECT key, value FROM setting"))
        if not name or not quick_status.servable(db, path, settings, real_refused):
            return None
        found = quick_status.chain_pass(db, path, settings)
        if found is None:
            return None
        draft = CircularDraft(db, found, clock)
        policy = from_stored(SecurityPolicy, settings.get(SECURITY_KEY))
        if not _account(db, draft, name, policy, clock.now()):
            return None
        row = db.execute(
            "SELECT id, content FROM document WHERE kind = ? AND period = ? AND status = ?"
            " ORDER BY id DESC LIMIT 1",
            (DocKind.CIRCULAR.value, period, DocStatus.DRAFT.value),
        ).fetchone()
        if row is None:
            return None  # none yet: composing one is the services' work
        draft.doc_id, draft._content = row
        draft._office = from_stored(OfficeSettings, settings.get(OFFICE_KEY))
        units = [n for pair in db.execute("SELECT name, short_name FROM unit") for n in pair]
        projects = [n for (n,) in db.execute("SELECT name FROM project")]
        draft._names = (units, projects)
        return draft
    finally:
        db.execute("COMMIT")


def _account(
    db: sqlite3.Connection, draft: CircularDraft, name: str, policy: SecurityPolicy, now: datetime
) -> bool:
    """An account that signs in with nothing else to do (identity.sign_in's plain case, and
    identity.password_change_due finding nothing)."""
    row = db.execute(_USER, (name,)).fetchone()
    if (
        row is None
        or db.execute("SELECT 1 FROM sign_in_attempt WHERE username = ?", (name,)).fetchone()
    ):
        return False
    user_id, username, display, role, stored, active, approved, must_change, changed = row
    if not active or not approved or must_change or changed is None:
        return False
    days = policy.password_max_age_days
    if days and now - datetime.fromisoformat(changed) > timedelta(days=days):
        return False
    if passwords.needs_upgrade(stored):
        return False
    draft._actor, draft._hash = Actor(user_id, username, display, Role(role)), stored
    return True
