"""Sample documents for the benchmark, the tests and a quick look at the layout."""

from __future__ import annotations

from datetime import date

from .model import Attachment, Attendance, DocumentKind, OfficialDocument, Table

SENTENCES = [
    "各牵头单位要对照年度目标任务，逐项梳理工作进展，确保按期完成。",
    "对进度滞后的任务，要分析原因、明确措施、压实责任，限期整改到位；",
    "市平安建设领导小组办公室将定期调度，实行“红黄绿”三色亮灯管理，",
    "对连续两期亮红灯的单位，由领导小组约谈其主要负责同志。",
    "截至3月底，37项任务中已完成12项，按序时推进21项，滞后4项，",
    "资金到位率为68.5%，支出率为41.2%，较上月分别提高6.3和5.1个百分点。",
    "（此项工作由市公安局牵头，市司法局、市财政局配合）",
    "要进一步健全矛盾纠纷多元化解机制，推动基层社会治理重心下移。",
]

HEADINGS = ["一、总体进展情况", "二、存在的主要问题", "三、下一步工作要求", "四、其他事项"]


def paragraph(i: int, length: int = 4) -> str:
    return "".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(length))


def body(paragraphs: int, *, with_table: bool = False) -> list:
    blocks: list = []
    for i in range(paragraphs):
        if i % 4 == 0 and i // 4 < len(HEADINGS):
            blocks.append(HEADINGS[i // 4])
        elif i % 4 == 1:
            blocks.append(f"（{'一二三四五六'[i % 6]}）重点工程推进情况。" + paragraph(i, 2))
        elif i % 4 == 2:
            blocks.append(f"{i % 9 + 1}．加强调度。" + paragraph(i, 2))
        blocks.append(paragraph(i))
        if with_table and i == 1:
            blocks.append(progress_table(30))
    return blocks


def progress_table(rows: int) -> Table:
    return Table(
        caption="表1  重点任务推进情况",
        header=["序号", "任务名称", "牵头单位", "进度（%）", "状态"],
        rows=[
            [
                str(r + 1),
                f"第{r + 1}项任务：基层治理能力提升工程",
                "市公安局",
                f"{40 + r % 60}",
                "滞后" if r % 5 == 0 else "正常",
            ]
            for r in range(rows)
        ],
        widths=[1, 5, 2.2, 1.6, 1.2],
        aligns=["center", "left", "center", "right", "center"],
    )


def sample_document(paragraphs: int = 6, **overrides) -> OfficialDocument:
    """A 通知 with every element of the standard; ``paragraphs`` sets its length."""
    fields = dict(
        copy_number="1",
        classification="机密",
        classification_period="1年",
        urgency="特急",
        issuer_mark="江城市平安建设领导小组办公室",
        doc_number="平安办〔2026〕12号",
        title="关于进一步加强全市平安建设补短板强弱项十大重点工程督办工作的通知",
        recipients="各区平安建设领导小组，市平安建设领导小组各成员单位",
        body=body(paragraphs),
        signature="江城市平安建设领导小组办公室",
        date=date(2026, 3, 5),
        seal=True,
        note="此件公开发布",
        cc="市委政法委，市委办公室，市政府办公室，市人大常委会办公室，市政协办公室",
        printing_office="江城市平安建设领导小组办公室",
        printing_date=date(2026, 3, 5),
    )
    fields.update(overrides)
    return OfficialDocument(**fields)  # type: ignore[arg-type]  # a sample's fields by name


def sample_minutes() -> OfficialDocument:
    return OfficialDocument(
        kind=DocumentKind.MINUTES,
        issuer_mark="江城市平安建设领导小组会议",
        minutes_issue="3",
        title="",
        signature="江城市平安建设领导小组办公室",
        date=date(2026, 3, 5),
        body=[
            "3月4日，市平安建设领导小组组长主持召开领导小组第三次全体会议，听取十大重点工程推进情况汇报，研究部署下一阶段工作。现纪要如下：",
            "一、关于重点工程推进情况",
            paragraph(1),
            "二、关于滞后任务的督办",
            paragraph(3),
        ],
        attendance=Attendance(
            present=[
                "王建国（市委常委、政法委书记）",
                "李明（副市长、市公安局局长）",
                "张华",
                "刘洋",
                "陈静",
            ],
            absent=["赵强（出差）"],
            attending=["市委办公室、市政府办公室有关负责同志"],
        ),
        cc="领导小组各成员单位",
        printing_office="江城市平安建设领导小组办公室",
        printing_date=date(2026, 3, 6),
    )


def sample_with_attachments(paragraphs: int = 8) -> OfficialDocument:
    return sample_document(
        paragraphs,
        body=body(paragraphs, with_table=True),
        attachments=[
            Attachment("重点任务推进情况表", [progress_table(45)]),
            Attachment("资金到位和支出情况", [paragraph(2), paragraph(5)]),
        ],
    )


RARE_NAMES = "喆堃镕昇玥珺赟琍龑彧犇㛃𠮷䶮䢺"  # outside GB2312, and outside GBK for the last four
HOSTILE_RECIPIENTS = "，".join(f"江城市第{i}区平安建设领导小组" for i in range(1, 16))


def hostile_document() -> OfficialDocument:
    """15 recipients, a body of 40 pages and more with rare-character names, three attachments
    with long titles and tables (issue 14's hostile set; tests and bench/documents_done)."""
    paragraphs = body(150)
    paragraphs.insert(3, "对" + "、".join(f"张{ch}" for ch in RARE_NAMES) + "等同志提出表扬。")
    attachments = [
        Attachment(
            f"江城市平安建设补短板强弱项十大重点工程第{n}批重点任务推进情况及资金到位支出明细表",
            [progress_table(15 + n), *body(3)],
        )
        for n in range(1, 4)
    ]
    return sample_document(
        1, recipients=HOSTILE_RECIPIENTS, body=paragraphs, attachments=attachments
    )
