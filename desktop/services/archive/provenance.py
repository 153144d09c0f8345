"""Where a package whose seal did not verify says it comes from, judged against the ledger's own
audit log: the rule that stops a downgrade forgery.

A forger holding only the ledger file can take a sealed package, edit it, and write it back in
the older unsigned format (duban-archive/1, no manifest-seal.json) or with a seal naming some
other ledger: nothing in such a package can be checked, so without more it would only read as
"未检". But the desk that holds the ledger's key also holds the ledger, and the ledger's audit
log (keyed: nobody without the key can add or change an entry that verifies) records every
export. So an unsigned package that claims this ledger is refused unless the log shows it was
made before this ledger's desks sealed their packages:

* the package claims this ledger when its ``audit-head.json`` names this ledger's id, or names
  an entry of this ledger's log (count and hash, whatever id it states), or, having no
  ``audit-head.json`` at all, states this ledger's 全宗号 and 立档单位;
* its audit head, when it has one, must be an entry of the log unchanged;
* the export that made it is the first export after that head (without a head: the last one
  before sealing began) whose year and 档号 are exactly the package's; none → refused;
* that export was sealed (the log says so since the seal exists), or any sealed export of this
  ledger comes before it → refused: everything this ledger exported since then carries a seal;
* otherwise it is a genuinely old package: reported as unsigned and not authenticated, with the
  export the log records, never as 通过.

A desk that holds the key of the ledger a package names but does not have that ledger open
cannot consult its log and refuses too (it says where to check again). A desk without the key
of the ledger a package names judges nothing here: it says what it could not check, as for any
package made elsewhere."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import chain
from db.models import AuditEntry, Setting
from desktop.services import settings
from desktop.services.archive.model import PackageInfo
from desktop.services.archive.offsite import LOCAL, OFFSITE
from desktop.services.audit_anchor import Head

EXPORT_ACTIONS = (f"{OFFSITE}_archive", f"{LOCAL}_archive")


@dataclass(frozen=True)
class ExportRecord:
    """One export as the audit log recorded it."""

    seq: int
    at: str
    year: int
    items: tuple[str, ...]
    sealed: bool  # recorded by a desk that seals its packages ("sealed" in the entry's detail)


class LedgerHistory:
    """What the open ledger (whose key this desk holds) says about the packages it made. The
    exports are read from the log only when a package needs judging (a sealed one does not):
    use it inside the session it was made from."""

    def __init__(
        self,
        uid: str,
        fonds: str,
        issuer: str,
        exports: Callable[[], tuple[ExportRecord, ...]],
        entry_hash: Callable[[int], str | None],
    ) -> None:
        self.uid, self.fonds, self.issuer = uid, fonds, issuer
        self._exports = exports
        self.entry_hash = entry_hash  # the log's entry of that sequence number

    @functools.cached_property
    def exports(self) -> tuple[ExportRecord, ...]:
        return self._exports()

    @property
    def first_sealed(self) -> ExportRecord | None:
        return next((e for e in self.exports if e.sealed), None)


def history(session: Session) -> LedgerHistory | None:
    """The open ledger's exports, or None when this desk lacks its key (nothing to judge by)."""
    row = session.get(Setting, chain.SETTING_KEY)
    try:
        uid = str(json.loads(row.value).get("uid", "")) if row is not None else ""
    except (ValueError, AttributeError):
        uid = ""
    if not uid or chain.load_key(uid) is None:
        return None
    office = settings.office(session)

    def exports() -> tuple[ExportRecord, ...]:
        found = []
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.at, AuditEntry.detail)
            .where(AuditEntry.action.in_(EXPORT_ACTIONS))
            .order_by(AuditEntry.seq)
        )
        for seq, at, detail in rows:
            try:
                body = json.loads(detail or "{}")
                items = tuple(str(code) for code in body.get("items", []))
                year = int(body.get("year", 0))
            except (ValueError, TypeError, AttributeError):
                continue
            stamp = chain.at_text(at).replace("T", " ")
            found.append(ExportRecord(seq, stamp, year, items, bool(body.get("sealed"))))
        return tuple(found)

    def entry_hash(seq: int) -> str | None:
        found = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq))
        return str(found) if found is not None else None

    return LedgerHistory(uid, office.fonds_code, office.issuer_name, exports, entry_hash)


@dataclass(frozen=True)
class Verdict:
    problem: str = ""  # refused: the seal check fails with this
    old: str = ""  # a genuinely old unsigned package of this ledger: what the log says of it
    warning: str = ""  # not this ledger's, yet it states this ledger's 全宗号 and 立档单位


NOT_OURS = Verdict()


def judge(
    ledger: LedgerHistory | None, head: tuple[str, Head] | None, info: PackageInfo | None
) -> Verdict:
    """An unsigned (or not verifiably signed) package: refused, old, or not this ledger's."""
    if head is not None:
        uid, position = head
        in_log = (
            ledger is not None
            and position.count > 0
            and ledger.entry_hash(position.count) == position.hash
        )
        if ledger is None or (uid != ledger.uid and not in_log):
            if chain.load_key(uid) is not None:
                return Verdict(
                    problem=f"该包记载来自本机持有密钥的台账（标识 {uid[:8]}…），却没有有效的"
                    "签名；本机没有打开该台账，无法对照它的操作日志确认这是签名功能出现之前的"
                    "旧包，按伪造处理。请在打开该台账的电脑上复核。"
                )
            if ledger is not None and info is not None and _same_office(ledger, info):
                return Verdict(
                    warning="该包的全宗号和立档单位与本台账相同，却不是本台账导出的（它记载的"
                    "操作日志不属于本台账）：若它应当来自本台账，就是伪造的。"
                )
            return NOT_OURS
        if position.count > 0 and not in_log:
            return Verdict(
                problem=f"audit-head.json 记载的操作日志第 {position.count} 条与本台账的不符"
                "或已不存在：该包不是本台账导出的原样，可能是伪造的。"
            )
    elif (
        ledger is None or info is None or (info.fonds, info.issuer) != (ledger.fonds, ledger.issuer)
    ):
        return NOT_OURS
    return _against_exports(ledger, head[1] if head is not None else None, info)


def _same_office(ledger: LedgerHistory, info: PackageInfo) -> bool:
    return (info.fonds, info.issuer) == (ledger.fonds, ledger.issuer)


def _against_exports(ledger: LedgerHistory, head: Head | None, info: PackageInfo | None) -> Verdict:
    first_sealed = ledger.first_sealed
    codes = tuple(i.code for i in info.items) if info is not None else None
    same = [
        e for e in ledger.exports if info is not None and (e.year, e.items) == (info.year, codes)
    ]
    if head is not None:
        match = next((e for e in same if e.seq > head.count), None)
    else:
        before = [e for e in same if first_sealed is None or e.seq < first_sealed.seq]
        match = before[-1] if before else None
    if match is None:
        return Verdict(
            problem="该包自称是本台账的归档包，却没有有效的签名，本台账的操作日志中也没有"
            "与它的年度和各件档号相符的导出记录：是伪造或被改动的副本。"
        )
    if match.sealed:
        return Verdict(
            problem=f"本台账操作日志第 {match.seq} 条记载，这个包于 {match.at} 导出时带有签名；"
            "此副本没有有效的签名（被改写成旧格式或换掉了签名），是伪造或被改动的副本。"
        )
    if first_sealed is not None and first_sealed.seq < match.seq:
        return Verdict(
            problem=f"本台账自 {first_sealed.at}（操作日志第 {first_sealed.seq} 条）起导出的"
            "归档包都带有签名，此包却没有：是伪造或被改动的副本。"
        )
    return Verdict(
        old=f"签名功能出现之前制作的未签名包（{info.layout if info else ''}）：本台账操作日志"
        f"第 {match.seq} 条记载了它于 {match.at} 的导出。结构与各文件和清单一致，但未签名的包"
        "可能被整体重算，真实性无法确认。"
    )
