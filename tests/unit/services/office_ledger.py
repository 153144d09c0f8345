"""An office's own ledger sheet, built the way such sheets really look (issue 20): a merged title,
a line with the cut-off, two header rows, project cells merged down their tasks, percentages as
text (and one as a percent-formatted number), deadlines as 2026年6月30日 / 6月底 / 年底 /
2026.12, abbreviations of the ledger's units, 各区县 as a cooperator, a totals row, a footnote
row, and a border drawn thirty thousand rows below the data."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Border, PatternFill, Side

TITLE = "江城市2026年平安建设补短板强弱项十大重点工程任务推进台账"
GRID = "基层社会治理网格化提升工程"
HEALTH = "城乡公共安全应急能力提升工程"

# (序号, 重点工程 (merged down), 任务名称, 牵头单位, 配合单位, 开始时间, 完成时限, 完成比例,
#  进展情况, 到位资金, 已支出, 备注)
TASKS = [
    (1, f"一、{GRID}", "综治中心规范化建设", "市委政法委", "各区县", "2026年1月", "2026年6月30日",
     "100%", "已全部建成并投入使用", 120, 118.5, ""),
    (2, None, "网格员队伍专职化", "市民政局", "市人社局、各区县", "2026年3月", "6月底",
     "80%", "已招聘专职网格员860名", 300, 210, ""),
    (3, None, "矛盾纠纷多元化解", "市司法局", "市公安局", None, "年底",
     "65％", "调解组织覆盖率92%", None, None, ""),
    (4, f"二、{HEALTH}", "基层医疗应急物资储备", "市卫健委", "市财政局", "2026.3", "2026.12",
     0.5, "储备库建设中", 500, 260, "续建"),
    (5, None, "城市内涝点整治", "市住建局", "各县（市、区）", "4月", "2026年10月31日",
     "90%", "完成18处", 800, 700, ""),
    (6, None, "零工市场建设", "市人社局", "", None, "12月",
     "30%", "选址完成", None, None, ""),
]  # fmt: skip

# The ledger's own units (full name, short name) the sheet's names refer to.
UNITS = [
    ("市委政法委", "政法委"),
    ("市公安局", "公安局"),
    ("市司法局", "司法局"),
    ("市民政局", "民政局"),
    ("市卫生健康委员会", "卫健委"),
    ("市住房和城乡建设局", "住建局"),
    ("市人力资源和社会保障局", "人社局"),
    ("市财政局", "财政局"),
]


def build(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "任务台账"
    ws["A1"] = TITLE
    ws.merge_cells("A1:L1")
    ws["A2"] = "填报单位：市平安办　　　　　统计截至：2026年11月20日"
    ws.merge_cells("A2:L2")
    top = ["序号", "重点工程", "任务名称", "牵头单位", "配合单位", "开始时间", "完成时限",
           "推进情况", None, "资金情况（万元）", None, "备注"]  # fmt: skip
    for col, text in enumerate(top, start=1):
        ws.cell(3, col, text)
    for letter in "ABCDEFGL":
        ws.merge_cells(f"{letter}3:{letter}4")
    ws.merge_cells("H3:I3")
    ws.merge_cells("J3:K3")
    for letter, heading in zip("HIJK", ["完成比例", "进展情况", "到位资金", "已支出"], strict=True):
        ws[f"{letter}4"] = heading
    first = 5
    for offset, values in enumerate(TASKS):
        row = first + offset
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row, col, value)
        if isinstance(values[7], float):
            ws.cell(row, 8).number_format = "0%"
    ws.merge_cells(f"B{first}:B{first + 2}")
    ws.merge_cells(f"B{first + 3}:B{first + 5}")
    totals = first + len(TASKS)
    ws[f"A{totals}"] = "合计"
    ws.merge_cells(f"A{totals}:C{totals}")
    ws[f"J{totals}"] = sum(v[9] or 0 for v in TASKS)
    ws[f"K{totals}"] = sum(v[10] or 0 for v in TASKS)
    ws[f"A{totals + 1}"] = (
        "注：1.完成比例统计至统计截止日；2.资金单位为万元；3.“6月底”“年底”均指本年度。"
    )
    ws.merge_cells(f"A{totals + 1}:L{totals + 1}")
    thin = Side(style="thin")
    far = ws.cell(30_000, 3)  # someone formatted the whole column once: no value, only a border
    far.border = Border(top=thin, bottom=thin)
    far.fill = PatternFill("solid", fgColor="FFFF00")
    book.save(path)
    return path
