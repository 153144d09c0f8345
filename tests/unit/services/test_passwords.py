"""The password policy, the shipped list of common passwords, scrypt cost and hash upgrades."""

from __future__ import annotations

import hashlib

import pytest

from desktop.services import identity, passwords, settings, users
from desktop.services.enums import Role
from desktop.services.errors import DomainError, ValidationError

PASSWORD = "Duban-Test-42"


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("12345678", "至少 3 类"),
        ("        ", "首尾不能是空格"),
        ("Ab1!", "至少需要 8 位"),
        ("abcdefgh", "至少 3 类"),
        ("abcd1234", "至少 3 类"),
        ("Wangfang-88", "用户名"),
        ("P@ssw0rd", "常见密码"),
        ("Dragon2026!", "常见密码"),
        ("Duban-admin1", "常见密码"),  # a published demo password with a tail
    ],
)
def test_weak_passwords_are_refused_with_the_rule_named(password: str, rule: str) -> None:
    with pytest.raises(ValidationError, match=rule):
        passwords.check_policy(password, "wangfang")


def test_a_policy_password_passes() -> None:
    passwords.check_policy("Qingshan-Lu-7", "wangfang")
    passwords.check_policy("河东2026-ab!", "wangfang")  # CJK counts as nothing, 3 classes remain


def test_the_common_list_is_shipped_and_large() -> None:
    common = passwords.common_passwords()
    assert len(common) > 5000
    assert {"123456", "password", "1qaz2wsx", "duban-admin"} <= common


def test_production_cost_is_owasps_16_mib_scrypt_setting() -> None:
    """N=2^14, r=8, p=5: listed by OWASP as equal to N=2^17, r=8, p=1, in 16 MiB, not 128."""
    assert passwords.Cost(2**14, 8, 5) == passwords.RECOMMENDED
    stored = passwords.hash_password("x", passwords.RECOMMENDED)
    assert stored.split("$")[:4] == ["scrypt", str(2**14), "8", "5"]
    assert passwords.check_password("x", stored) and not passwords.check_password("y", stored)


def test_a_hash_of_the_earlier_128_mib_setting_signs_in_and_is_remade(
    session, clerk, monkeypatch
) -> None:
    """A ledger of an earlier build keeps N=2^17, r=8, p=1 hashes: the clerk signs in with the
    same password, and the hash is remade with today's setting, which then signs in too."""
    monkeypatch.setattr(passwords, "current_cost", passwords.RECOMMENDED)
    user = _signed_in_with_stored_cost(session, clerk, passwords.Cost(2**17, 8, 1))
    assert user.password_hash.split("$")[:4] == ["scrypt", str(2**14), "8", "5"]
    assert identity.sign_in(session, "t_clerk", PASSWORD).user_id == clerk.user_id
    with pytest.raises(DomainError):
        identity.sign_in(session, "t_clerk", PASSWORD + "x")


def test_a_password_hashed_by_an_earlier_build_still_signs_in() -> None:
    """Earlier builds hashed through hashlib.scrypt; the 信创 bundle has no hashlib OpenSSL and
    hashes through cryptography: a clerk's stored password must keep working either way."""
    import base64
    import hashlib

    salt = bytes(range(16))
    digest = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1, maxmem=2**25, dklen=32)
    b64 = lambda raw: base64.b64encode(raw).decode()  # noqa: E731
    stored = "$".join(["scrypt", "16384", "8", "1", b64(salt), b64(digest)])
    assert passwords.check_password(PASSWORD, stored)
    assert not passwords.check_password(PASSWORD + "x", stored)


def test_a_hash_made_without_hashlibs_openssl_checks_with_it_and_back(monkeypatch) -> None:
    """The 信创 bundle (no _hashlib) hashes through cryptography, the others through hashlib:
    a ledger moved between them keeps every clerk's password."""
    cost = passwords.Cost(2**8, 8, 2)
    monkeypatch.setattr(passwords, "_sodium", lambda: None)  # hashlib's, not libsodium's
    with_hashlib = passwords.hash_password(PASSWORD, cost)
    monkeypatch.delattr("hashlib.scrypt")
    without = passwords.hash_password(PASSWORD, cost)
    assert passwords.check_password(PASSWORD, with_hashlib)
    assert not passwords.check_password(PASSWORD + "x", with_hashlib)
    monkeypatch.undo()
    monkeypatch.setattr(passwords, "_sodium", lambda: None)
    assert passwords.check_password(PASSWORD, without)
    assert not passwords.check_password(PASSWORD + "x", without)


def test_an_old_cheaper_hash_is_upgraded_at_sign_in(session, clerk) -> None:
    user = _signed_in_with_stored_cost(session, clerk, passwords.Cost(2**8, 8, 1))
    assert not passwords.needs_upgrade(user.password_hash)
    assert identity.sign_in(session, "t_clerk", PASSWORD).user_id == clerk.user_id


def test_the_last_five_passwords_do_not_come_back(session, clerk) -> None:
    chosen = [PASSWORD] + [f"Round-{n}-Pass!x" for n in range(1, 6)]
    for old, new in zip(chosen, chosen[1:], strict=False):
        users.change_own_password(session, clerk, old, new)
    for earlier in chosen[2:5]:
        with pytest.raises(ValidationError, match="最近 5 次"):
            users.change_own_password(session, clerk, chosen[-1], earlier)
    users.change_own_password(session, clerk, chosen[-1], chosen[0])  # six back: allowed


def test_a_password_older_than_the_policy_allows_is_due(session, clerk, clock) -> None:
    from datetime import timedelta

    assert identity.password_change_due(session, clerk) is None
    clock.moment += timedelta(days=91)
    assert "90 天" in (identity.password_change_due(session, clerk) or "")
    settings.save_security(session, _system(), settings.SecurityPolicy(password_max_age_days=0))
    assert identity.password_change_due(session, clerk) is None


def test_a_new_account_by_an_admin_must_change_its_first_password(session, admin) -> None:
    made = users.create_user(session, admin, "zhao", "赵", Role.CLERK, "First-Temp-91")
    assert identity.password_change_due(session, made) is not None


def _system():
    from desktop.services.auth import system_actor

    return system_actor("测试")


def _signed_in_with_stored_cost(session, clerk, cost: passwords.Cost):
    """The clerk's password stored at ``cost`` (due for remaking), then a good sign-in."""
    from db.models import User

    user = session.get(User, clerk.user_id)
    user.password_hash = passwords.hash_password(PASSWORD, cost)
    session.commit()
    assert passwords.needs_upgrade(user.password_hash)
    identity.sign_in(session, "t_clerk", PASSWORD)
    session.refresh(user)
    return user


def test_a_hash_made_through_libsodium_checks_without_it_and_back(monkeypatch) -> None:
    """Where the system has libsodium the sign-in's scrypt runs there (issue 11), else through
    hashlib: the same bytes, so a ledger moved between such PCs keeps every clerk's password."""
    if passwords._sodium() is None:
        pytest.skip("no libsodium on this machine")
    cost = passwords.Cost(2**8, 8, 2)
    salt = bytes(range(16))
    with_sodium = passwords._sodium_scrypt(PASSWORD.encode(), salt, cost)
    assert with_sodium == hashlib.scrypt(
        PASSWORD.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, dklen=32
    )
    made_with = passwords.hash_password(PASSWORD, cost)
    monkeypatch.setattr(passwords, "_sodium", lambda: None)
    made_without = passwords.hash_password(PASSWORD, cost)
    assert passwords.check_password(PASSWORD, made_with)
    assert not passwords.check_password(PASSWORD + "x", made_with)
    monkeypatch.undo()
    assert passwords.check_password(PASSWORD, made_without)
    assert not passwords.check_password(PASSWORD + "x", made_without)
