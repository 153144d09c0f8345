"""The demo's 督办事项登记簿: a 领导批示 carried through 延期 and one 退办 to its close, a
document from above still open, a 人大建议 about to fall due (the reminder shows it), and a
交办 item whose 延期 waits for the 领导."""

from __future__ import annotations

from db.enums import Role
from desktop.services import supervision, users
from desktop.services.auth import Actor
from desktop.services.demo.story import Story
from desktop.services.notices.drafts import find_unit_id
from desktop.services.supervision import (
    ReportFrequency,
    SupervisionInput,
    SupervisionKind,
    SupervisionOrigin,
    Urgency,
    extensions,
    returns,
)


def _leader(story: Story) -> Actor:
    found = next(u for u in users.list_users(story.session) if u.role == Role.LEADER)
    return Actor(found.id, found.username, found.display_name, found.role)


def _register(story: Story, key: str, days_ago: int, data: SupervisionInput) -> None:
    def register() -> None:
        story.ids[key] = supervision.raise_item(story.session, story.actor, data)

    story.on(days_ago, register, hour=9)


def add_items(story: Story) -> None:
    s, a = story.session, story.actor
    unit = lambda name: find_unit_id(s, name)  # noqa: E731 - read once the units exist
    task = story.task("02-04")
    _register(story, "item-instruction", 40, SupervisionInput(
        SupervisionKind.NOTICE, task.lead_unit_id,
        "按批示要求排查城区视频监控盲区，报送盲区清单和补点方案。", None, (task.id,),
        origin=SupervisionOrigin.INSTRUCTION, co_unit_ids=(unit("市财政局"),),
        source_ref="陈立群同志批示：“请市公安局牵头，尽快补齐监控盲区。”",
        received_on=story.day(41), handling="建议由市公安局主办、市财政局协办，按一般件办理。",
        urgency=Urgency.ORDINARY, report_every=ReportFrequency.WEEKLY,
    ))  # fmt: skip

    def ask() -> None:
        ext = extensions.request_extension(
            s, a, story.ids["item-instruction"], story.day(16), "盲区点位需会同财政局实地复核"
        )
        story.ids["ext-instruction"] = ext

    story.on(30, ask)
    story.on(29, lambda: extensions.check_extension(s, a, story.ids["ext-instruction"], True,
                                                    "经电话核实，复核工作量属实"))  # fmt: skip
    story.on(28, lambda: extensions.decide_extension(s, _leader(story),
                                                     story.ids["ext-instruction"], True, "同意"))  # fmt: skip
    story.on(20, lambda: supervision.record_reply(
        s, a, story.ids["item-instruction"], story.day(20), "已排查盲区 46 处。", "赵国栋"))  # fmt: skip

    def send_back() -> None:
        returns.return_reply(s, a, story.ids["item-instruction"], "未附补点方案，回复件未加盖公章")

    story.on(19, send_back)
    story.on(15, lambda: supervision.record_reply(
        s, a, story.ids["item-instruction"], story.day(15),
        "已排查盲区 46 处，补点方案及经费测算附后。", "赵国栋", True))  # fmt: skip
    story.on(14, lambda: supervision.close_item(s, a, story.ids["item-instruction"],
                                                "补点方案经审核合格，纳入 02-04 任务推进"))  # fmt: skip

    _register(story, "item-doc", 10, SupervisionInput(
        SupervisionKind.NOTICE, unit("市应急管理局"),
        "落实省安委办关于城镇燃气安全隐患排查整治的部署，报送排查整治台账。", None,
        origin=SupervisionOrigin.HIGHER_DOC, co_unit_ids=(unit("市住房和城乡建设局"),),
        source_ref="省安委办〔2026〕41号", received_on=story.day(11),
        report_every=ReportFrequency.MONTHLY, leader="副市长 何佩玲",
    ))  # fmt: skip
    _register(story, "item-proposal", 88, SupervisionInput(
        SupervisionKind.NOTICE, unit("市教育局"),
        "办理市人大代表关于校园周边交通安全的建议，答复代表并报送办理结果。", None,
        origin=SupervisionOrigin.PROPOSAL, co_unit_ids=(unit("市交通运输局"), unit("市公安局")),
        source_ref="市十七届人大五次会议第 0213 号建议", received_on=story.day(88),
        report_every=ReportFrequency.STAGE, leader="副市长 何佩玲",
    ))  # fmt: skip

    def urge() -> None:
        returns.urge_item(s, a, story.ids["item-proposal"], "电话催办，距期限一周")

    story.on(6, urge)
    _register(story, "item-assigned", 12, SupervisionInput(
        SupervisionKind.NOTICE, unit("市民政局"),
        "牵头做好冬季困难群众走访排查，报送排查情况。", None,
        origin=SupervisionOrigin.ASSIGNED, source_ref="市委办公室交办单第 57 号",
        received_on=story.day(12), handling="按一般交办事项办理，15 日内报送。",
    ))  # fmt: skip

    def ask_assigned() -> None:
        story.ids["ext-assigned"] = extensions.request_extension(
            s, a, story.ids["item-assigned"], story.day(-15), "走访范围扩大到全部乡镇（街道）"
        )

    story.on(2, ask_assigned)
    story.on(1, lambda: extensions.check_extension(s, a, story.ids["ext-assigned"], True,
                                                   "范围扩大属实，建议延期 12 天"))  # fmt: skip
