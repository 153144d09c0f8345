"""The DA/T 70-2018 checks (四性检测) as named items, and the report that states each one:
通过, 未通过 with every finding (file and field), or 未检 with the reason it could not be run."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services.archive.fsio import human_size
from desktop.services.archive.model import PackageInfo

GROUPS = ("真实性", "完整性", "可用性", "安全性")
AUTHENTIC, COMPLETE, USABLE, SAFE = GROUPS
PASSED, FAILED, NOT_RUN = "通过", "未通过", "未检"


@dataclass(frozen=True)
class Check:
    key: str
    group: str
    name: str
    scope: str  # what it looks at, one line


CHECKS = (
    Check("seal", AUTHENTIC, "固化信息有效", "manifest.sha256 的台账密钥签名（HMAC-SHA256）"),
    Check("hashes", AUTHENTIC, "文件与清单一致", "每个文件的 SHA-256 与 manifest.sha256 相符"),
    Check(
        "content",
        AUTHENTIC,
        "内容与元数据一致",
        "各件文件的大小、页数、SHA-256 及归档章所含原件与 metadata.xml 相符",
    ),
    Check(
        "fields",
        AUTHENTIC,
        "元数据类型、长度、值域与合理性",
        "档号、日期、保管期限、密级、题名、文号、责任者、页数",
    ),
    Check("paths", AUTHENTIC, "记录的存放位置与实际一致", "每个文件在其所属件的文件夹中"),
    Check("description", AUTHENTIC, "说明文件与内容一致", "说明文件.TXT 的内容摘要与清单相符"),
    Check(
        "structure",
        COMPLETE,
        "信息包结构",
        "目录、元数据、清单、报告、签名、说明文件、文件目录.XML、电子档案/、其他/ 齐备",
    ),
    Check(
        "metadata",
        COMPLETE,
        "元数据项齐全",
        "每件的档号、题名、责任者、日期、保管期限与文件，每个文件的用途、格式、大小、校验值",
    ),
    Check("counts", COMPLETE, "总件数相符", "metadata.xml 与说明文件记载的件数等于实际件数"),
    Check("numbering", COMPLETE, "件号与件内顺序号连续", "件号无断号、无重号；附件序号连续"),
    Check("files", COMPLETE, "文件齐全", "元数据和清单列出的每个文件都在"),
    Check(
        "catalogue",
        COMPLETE,
        "目录与元数据一致",
        "catalogue.xlsx 与文件目录.XML 的档号与 metadata.xml 的件一一对应",
    ),
    Check(
        "opens",
        USABLE,
        "内容可以打开",
        "PDF、OFD、XLSX、XML 能解析，正文字体已嵌入，OFD-A 规则，CSV 为 UTF-8",
    ),
    Check("formats", USABLE, "格式符合长期保存要求", "只含 PDF、OFD、XLSX、CSV、XML 等开放格式"),
    Check("plain", SAFE, "无加密、无非标准压缩", "文件未加密；ZIP 只用存储或 Deflate"),
    Check("extras", SAFE, "无非归档文件", "没有清单之外、不属于任何一件的文件"),
    Check(
        "readable",
        SAFE,
        "载体可读",
        "每个文件能完整读出（写入后回读），无链接、无越界路径，大小有界",
    ),
)
BY_KEY = {c.key: c for c in CHECKS}
KEYS = tuple(BY_KEY)


@dataclass(frozen=True)
class CheckResult:
    """One named item as decided: for a table (GUI) or a line (CLI, REPORT.txt)."""

    check: Check
    status: str  # PASSED / FAILED / NOT_RUN
    findings: tuple[str, ...]  # each failure, naming the file and field
    reason: str  # the findings in one line, or why it was not run, or what it looked at


@dataclass
class VerifyReport:
    label: str
    failures: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KEYS})
    not_run: dict[str, str] = field(default_factory=dict)  # check key → why it was not run
    info: PackageInfo | None = None
    files: int = 0
    size: int = 0
    pages: int = 0
    manifest_sha256: str = ""
    sealed_by: str = ""  # the ledger whose key verified the seal ("" when it was not verified)
    litter: list[str] = field(default_factory=list)  # .DS_Store and the like: named, ignored
    notes: list[str] = field(default_factory=list)
    internal: str = ""  # an internal error's sentence (with its reference): the check is incomplete
    transport: str = ""  # what was checked is an encrypted transport copy: its cipher's name
    opened_from: str = ""  # a plain package decrypted here from a transport copy: which one

    def add(self, check: str, message: str) -> None:
        if len(self.failures[check]) < 200:  # a wrecked package should not print forever
            self.failures[check].append(message)

    def skip(self, check: str, reason: str) -> None:
        self.not_run.setdefault(check, reason)

    def abort(self, check: str, message: str) -> None:
        """The package could not be read on: ``check`` failed, the ones without a result are 未检."""
        self.add(check, message)
        for key in KEYS:
            if key != check and not self.failures[key]:
                self.skip(key, "归档包未能读完，未检")

    def status(self, check: str) -> str:
        if self.failures[check]:
            return FAILED
        return NOT_RUN if check in self.not_run else PASSED

    def results(self) -> list[CheckResult]:
        out = []
        for check in CHECKS:
            state, found = self.status(check.key), tuple(self.failures[check.key])
            reason = {FAILED: "；".join(found[:3]) + ("……" if len(found) > 3 else "")}.get(
                state, self.not_run.get(check.key, check.scope)
            )
            out.append(CheckResult(check, state, found, reason))
        return out

    @property
    def ok(self) -> bool:
        return not any(self.failures.values()) and not self.internal

    @property
    def authenticated(self) -> bool:
        """Passed, and the seal was verified with the ledger's key (not only the structure)."""
        return self.ok and self.status("seal") == PASSED

    @property
    def findings(self) -> dict[str, list[str]]:
        """group (真实性 …) → every failure of its checks, each prefixed with the check's name."""
        grouped: dict[str, list[str]] = {g: [] for g in GROUPS}
        for check in CHECKS:
            grouped[check.group] += [f"{check.name}：{m}" for m in self.failures[check.key]]
        return grouped

    @property
    def items(self) -> int:
        return len(self.info.items) if self.info else 0

    def summary(self) -> str:
        if self.internal:
            return f"校验没有做完：{self.internal}"
        if not self.ok:
            failed = "、".join(c.name for c in CHECKS if self.failures[c.key])
            return f"校验未通过（{failed}），该包不能作为完整的归档包使用。"
        counted = f"{self.items} 件，{self.files} 个文件，{human_size(self.size)}"
        if not self.authenticated:
            return (
                f"真实性未能确认（不算通过）：{self.not_run.get('seal', '')}"
                f"（其余各项未发现问题：{counted}）"
            )
        return f"校验通过：{counted}；签名已用制作该包的台账密钥验证（真实性已确认）。"

    def lines(self) -> list[str]:
        """One line per named check, its findings indented under it."""
        out = []
        for group in GROUPS:
            out.append(f"【{group}】")
            for check in (c for c in CHECKS if c.group == group):
                state = self.status(check.key)
                found = self.failures[check.key]
                tail = f"（{len(found)} 处）" if found else ""
                if state == NOT_RUN:
                    tail = f"：{self.not_run[check.key]}"
                out.append(f"  {check.name}　{state}{tail}")
                out += [f"    - {message}" for message in found]
        return out

    def encryption_line(self) -> str:
        """Whether what was checked came from an encrypted transport copy (archive/transport.py)
        or was a plain package; the package itself is never encrypted (DA/T transfer rules)."""
        if self.transport:
            return (
                f"加密：校验的是加密传递副本（{self.transport}），已用口令在私有临时文件夹中解密后"
                "校验；其中的归档包本身未加密"
            )
        line = "加密：否，校验的是未加密的归档包（归档包本身不加密；带出时可另写加密传递副本）"
        return line + (f"；{self.opened_from}" if self.opened_from else "")

    def text(self) -> str:
        lines = [f"归档包校验：{self.label}"]
        if self.info:
            i = self.info
            if i.first_day is not None:
                lines.append(
                    f"范围 {i.span.label()}（年度内的一段，件号从 {i.first_number:04d} 起连续）"
                )
            lines.append(
                f"全宗号 {i.fonds}　年度 {i.year}　保管期限 {i.retention}　机构 {i.organisation}"
                f"　件数 {self.items}　页数 {self.pages}　文件 {self.files} 个　{human_size(self.size)}"
            )
        lines.append(self.encryption_line())
        lines.append("DA/T 70-2018 检测项目：")
        lines += self.lines()
        if self.litter:
            lines.append(
                f"已忽略系统留下的文件 {len(self.litter)} 个（不属于归档包）："
                + "、".join(self.litter[:10])
                + ("等" if len(self.litter) > 10 else "")
            )
        lines += [f"注意：{note}" for note in self.notes]
        lines.append(self.summary())
        return "\n".join(lines)
