"""What each kind of 公文 must carry (党政机关公文处理工作条例, GB/T 9704-2012), checked at 印发.

请示 and 报告 go upward (上行文): they name their 签发人 and one 主送机关 (another organ that
must know is 抄送); a 请示 asks for one thing and gives 联系人 and 电话 in the 附注; a 报告 carries
no request (报告中不得夹带请示事项). A 函 is printed in the 信函格式 on any subject.
"""

from __future__ import annotations

import re
from dataclasses import replace

from db.models import DocKind
from desktop.documents.model import DocumentKind, OfficialDocument
from desktop.services.errors import ValidationError

UPWARD = (DocKind.REQUEST, DocKind.REPORT)
TITLE_ENDINGS = {DocKind.REQUEST: "请示", DocKind.REPORT: "报告", DocKind.LETTER: "函"}
# Phrases that ask the organ above to decide: they make a 报告 a 请示 in disguise.
REQUEST_PHRASES = ("请批示", "请批准", "请审批", "请予批准", "请予审批", "妥否", "请批复")
_SEPARATORS = re.compile(r"[、，,；;\s]+")


def recipients_of(text: str) -> list[str]:
    return [r for r in _SEPARATORS.split(text.strip().rstrip("：:")) if r]


def shaped_for(kind: DocKind, model: OfficialDocument) -> OfficialDocument:
    """The model as a new draft of ``kind`` is laid out: a 函 in the 信函格式, without 文件;
    a 上行文 with no 抄送 to the units below (a 请示 never goes to them)."""
    if kind == DocKind.LETTER:
        return replace(model, kind=DocumentKind.LETTER, mark_suffix="")
    if kind in UPWARD:
        return replace(model, cc="")
    return model


def check_kind(kind: DocKind, model: OfficialDocument) -> None:
    """The kind's own elements, before a number is taken (a draft may still lack them)."""
    ending = TITLE_ENDINGS.get(kind)
    if ending and not model.title.strip().endswith(ending):
        raise ValidationError(
            f"{kind.label}的标题应以“{ending}”结尾，如“关于……的{ending}”。", field="title"
        )
    if kind not in UPWARD:
        return
    if not model.signer.strip():
        raise ValidationError(f"{kind.label}是上行文，须标注签发人。", field="signer")
    recipients = recipients_of(model.recipients)
    if not recipients:
        raise ValidationError(f"{kind.label}须写明主送的上级机关。", field="recipients")
    if len(recipients) > 1:
        raise ValidationError(
            f"{kind.label}只主送一个上级机关（现有 {len(recipients)} 个：{'、'.join(recipients)}）；"
            "需同时送其他机关的，请列入抄送。",
            field="recipients",
        )
    text = "".join(b for b in model.body if isinstance(b, str))
    if kind == DocKind.REQUEST:
        if not model.contact.strip() or not model.contact_phone.strip():
            raise ValidationError("请示须在附注处注明联系人及联系电话。", field="contact")
    else:
        asked = next((p for p in REQUEST_PHRASES if p in text), None)
        if asked:
            raise ValidationError(
                f"报告中不得夹带请示事项（正文中有“{asked}”）；需上级批准的事项请另行请示。",
                field="body",
            )
