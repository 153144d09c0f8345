"""A new ledger gets its first administrator once, with the issuing office named."""

from __future__ import annotations

import pytest

from desktop.services import audit, auth, first_run, identity, settings
from desktop.services.errors import ValidationError


def test_first_admin_and_office_in_one_go_then_never_again(session) -> None:
    assert not first_run.has_users(session)
    admin = first_run.start_ledger(session, "wangjing", "王静", "Duban-Test-42",
                                   "海州市平安建设领导小组办公室", "海平安办")  # fmt: skip
    assert admin.role == auth.Role.SYSADMIN
    assert identity.sign_in(session, "wangjing", "Duban-Test-42").username == "wangjing"
    office = settings.office(session)
    assert (office.issuer_name, office.doc_prefix) == ("海州市平安建设领导小组办公室", "海平安办")
    assert audit.verify_chain(session).entries == 3  # the admin, the office, the sign-in
    with pytest.raises(ValidationError, match="已有账号"):
        first_run.start_ledger(session, "other", "他人", "Duban-Test-42")


def test_a_short_password_starts_nothing(session) -> None:
    with pytest.raises(ValidationError, match="至少需要 8 位"):
        first_run.start_ledger(session, "wangjing", "王静", "Sh0rt!", "某办公室")
    assert not first_run.has_users(session)
    assert settings.office(session) == settings.OfficeSettings()
