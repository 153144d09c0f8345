"""The ledger's structure: units, key projects, tasks and their milestones (create, edit, close)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import TaskStatus
from db.models import Milestone, Project, Task, TaskUnit, Unit
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.lookup import get_or_missing as _get

# Which status may follow which (SUPERVISION.md). Side states may be entered from any open one.
_MAIN_LINE = [
    TaskStatus.REGISTERED,
    TaskStatus.SPLIT,
    TaskStatus.ASSIGNED,
    TaskStatus.ACKNOWLEDGED,
    TaskStatus.IN_PROGRESS,
    TaskStatus.COMPLETION_REVIEW,
    TaskStatus.CLOSED,
]
_FINISHED = {TaskStatus.CLOSED, TaskStatus.FINISHED_LATE}


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    short_name: str
    contact_person: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    code: str
    name: str
    lead_unit_id: int
    lead_unit: str
    description: str = ""
    closed_on: date | None = None  # set by close_project, once all its tasks are closed


@dataclass
class TaskInput:
    """What a clerk types for a task; also what the Excel ledger import produces."""

    code: str
    project_id: int
    title: str
    lead_unit_id: int
    start: date
    deadline: date
    target: str = ""
    leader_in_charge: str = ""
    cooperating_unit_ids: list[int] = field(default_factory=list)
    note: str = ""


# --- units and projects -------------------------------------------------------------------


@audit.writes(Permission.EDIT_LEDGER)
def create_unit(
    session: Session,
    actor: Actor,
    name: str,
    short_name: str = "",
    contact_person: str = "",
    contact_phone: str = "",
) -> UnitInfo:
    name = name.strip()
    if not name:
        raise ValidationError("单位名称不能为空。", field="name")
    if session.scalar(select(func.count()).where(Unit.name == name)):
        raise ConflictError(f"单位“{name}”已存在。", field="name")
    order = (session.scalar(select(func.max(Unit.sort_order))) or 0) + 1
    unit = Unit(
        name=name,
        short_name=short_name.strip() or name,
        contact_person=contact_person,
        contact_phone=contact_phone,
        sort_order=order,
    )
    session.add(unit)
    session.flush()
    audit.record(session, actor, "create", "unit", unit.id, f"新建单位“{name}”")
    return _unit_info(unit)


def list_units(session: Session) -> list[UnitInfo]:
    return [_unit_info(u) for u in session.scalars(select(Unit).order_by(Unit.sort_order, Unit.id))]


def _unit_info(unit: Unit) -> UnitInfo:
    return UnitInfo(unit.id, unit.name, unit.short_name, unit.contact_person, unit.contact_phone)


@audit.writes(Permission.EDIT_LEDGER)
def create_project(
    session: Session, actor: Actor, code: str, name: str, lead_unit_id: int, description: str = ""
) -> ProjectInfo:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationError("工程编号和名称不能为空。", field="name")
    if session.scalar(select(func.count()).where(Project.code == code)):
        raise ConflictError(f"工程编号“{code}”已被使用。", field="code")
    _get(session, Unit, lead_unit_id, "牵头单位")
    project = Project(code=code, name=name, lead_unit_id=lead_unit_id, description=description)
    session.add(project)
    session.flush()
    audit.record(session, actor, "create", "project", project.id, f"新建重点工程“{name}”")
    return _project_info(project)


@audit.writes(Permission.EDIT_LEDGER)
def edit_project(
    session: Session,
    actor: Actor,
    project_id: int,
    name: str,
    lead_unit_id: int,
    description: str = "",
) -> ProjectInfo:
    project = _get(session, Project, project_id, "重点工程")
    if not name.strip():
        raise ValidationError("工程名称不能为空。", field="name")
    _get(session, Unit, lead_unit_id, "牵头单位")
    before = {"name": project.name, "lead_unit_id": project.lead_unit_id}
    project.name, project.lead_unit_id, project.description = (
        name.strip(),
        lead_unit_id,
        description,
    )
    audit.record(
        session,
        actor,
        "update",
        "project",
        project.id,
        f"修改重点工程“{project.name}”",
        {"before": before},
    )
    session.flush()
    return _project_info(project)


@audit.writes(Permission.EDIT_LEDGER)
def close_project(session: Session, actor: Actor, project_id: int) -> None:
    project = _get(session, Project, project_id, "重点工程")
    open_tasks = [t.code for t in project.tasks if t.status not in _FINISHED]
    if open_tasks:
        raise ValidationError(
            f"工程“{project.name}”还有 {len(open_tasks)} 项任务未销号（{'、'.join(open_tasks[:5])}），不能关闭。"
        )
    project.closed_on = clock_of(session).today()
    audit.record(session, actor, "close", "project", project.id, f"关闭重点工程“{project.name}”")


def list_projects(session: Session) -> list[ProjectInfo]:
    # Columns in one query: no ORM objects, no lazy load of each project's unit.
    query = (
        select(
            Project.id,
            Project.code,
            Project.name,
            Project.lead_unit_id,
            Unit.name,
            Project.description,
            Project.closed_on,
        )
        .join(Unit, Unit.id == Project.lead_unit_id)
        .order_by(Project.id)
    )
    return [ProjectInfo(*row) for row in session.execute(query)]


def _project_info(project: Project) -> ProjectInfo:
    return ProjectInfo(
        project.id,
        project.code,
        project.name,
        project.lead_unit_id,
        project.lead_unit.name,
        project.description,
        project.closed_on,
    )


# --- tasks -----------------------------------------------------------------------------------


def _validate_task(session: Session, data: TaskInput, task_id: int | None = None) -> None:
    if not data.code.strip():
        raise ValidationError("任务编号不能为空。", field="code")
    if not data.title.strip():
        raise ValidationError("任务名称不能为空。", field="title")
    if data.deadline < data.start:
        raise ValidationError("完成时限不能早于开始时间。", field="deadline")
    clash = session.scalar(select(Task.id).where(Task.code == data.code.strip()))
    if clash is not None and clash != task_id:
        raise ConflictError(f"任务编号“{data.code}”已被使用。", field="code")
    _get(session, Project, data.project_id, "重点工程")
    _get(session, Unit, data.lead_unit_id, "牵头单位")
    if data.lead_unit_id in data.cooperating_unit_ids:
        raise ValidationError("牵头单位不必再列为配合单位。", field="cooperating_unit_ids")
    for unit_id in data.cooperating_unit_ids:
        _get(session, Unit, unit_id, "配合单位")


def _apply(task: Task, data: TaskInput) -> None:
    task.code = data.code.strip()
    task.project_id = data.project_id
    task.title = data.title.strip()
    task.target = data.target
    task.lead_unit_id = data.lead_unit_id
    task.leader_in_charge = data.leader_in_charge.strip()
    task.start, task.deadline = data.start, data.deadline
    task.note = data.note
    task.unit_links = [TaskUnit(unit_id=u, role="cooperating") for u in data.cooperating_unit_ids]


@audit.writes(Permission.EDIT_LEDGER)
def create_task(
    session: Session, actor: Actor, data: TaskInput, status: TaskStatus = TaskStatus.REGISTERED
) -> int:
    _validate_task(session, data)
    task = Task(status=status)
    _apply(task, data)
    session.add(task)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "task",
        task.id,
        f"新建任务 {task.code}“{task.title}”",
        _jsonable(data),
    )
    return task.id


@audit.writes(Permission.EDIT_LEDGER)
def edit_task(session: Session, actor: Actor, task_id: int, data: TaskInput) -> None:
    task = _get(session, Task, task_id, "任务")
    _validate_task(session, data, task_id)
    before = _jsonable(_input_of(task))
    session.flush()
    _apply(task, data)
    after = _jsonable(data)
    changed = {k: {"前": before[k], "后": after[k]} for k in after if before.get(k) != after[k]}
    if not changed:
        raise ValidationError("没有任何改动。")
    audit.record(
        session,
        actor,
        "update",
        "task",
        task.id,
        f"修改任务 {task.code}：{'、'.join(changed)}",
        changed,
    )


def allowed_statuses(current: TaskStatus) -> list[TaskStatus]:
    if current in _FINISHED:
        return []
    options: list[TaskStatus] = []
    if current in _MAIN_LINE:
        options += _MAIN_LINE[_MAIN_LINE.index(current) + 1 :]
    else:
        options += [TaskStatus.IN_PROGRESS, TaskStatus.COMPLETION_REVIEW, TaskStatus.CLOSED]
    options += [
        TaskStatus.EXTENDED,
        TaskStatus.SUSPENDED,
        TaskStatus.REJECTED,
        TaskStatus.FINISHED_LATE,
    ]
    return [s for s in dict.fromkeys(options) if s != current]


@audit.writes(Permission.EDIT_LEDGER)
def set_task_status(
    session: Session,
    actor: Actor,
    task_id: int,
    status: TaskStatus,
    reason: str = "",
    new_deadline: date | None = None,
) -> None:
    task = _get(session, Task, task_id, "任务")
    if status not in allowed_statuses(task.status):
        raise ValidationError(
            f"任务 {task.code} 当前为“{task.status.label}”，不能转为“{status.label}”。",
            field="status",
        )
    if (
        status in {TaskStatus.EXTENDED, TaskStatus.SUSPENDED, TaskStatus.REJECTED}
        and not reason.strip()
    ):
        raise ValidationError(f"转为“{status.label}”需要写明理由。", field="reason")
    detail: dict[str, object] = {"前": task.status.label, "后": status.label, "理由": reason}
    if status == TaskStatus.EXTENDED:
        if new_deadline is None or new_deadline <= task.deadline:
            raise ValidationError("延期需要给出晚于原时限的新完成时限。", field="deadline")
        detail["原时限"], detail["新时限"] = task.deadline.isoformat(), new_deadline.isoformat()
        task.deadline = new_deadline
    if status in _FINISHED:
        task.closed_on = clock_of(session).today()
    task.status = status
    audit.record(
        session,
        actor,
        "status",
        "task",
        task.id,
        f"任务 {task.code} 状态改为“{status.label}”" + (f"：{reason}" if reason else ""),
        detail,
    )


def follow_extension(
    session: Session, actor: Actor, task: Task, new_deadline: date, why: str
) -> tuple[date, date] | None:
    """An approved 督办事项 延期 moves the deadline of a task it concerns when that deadline
    would fall before the approved date (a later one stands). Called inside the approval's
    write; the entry keeps both dates and shows on the task's timeline. Returns (old, new)."""
    if task.status in _FINISHED or task.deadline >= new_deadline:
        return None
    old = task.deadline
    detail: dict[str, object] = {
        "原时限": old.isoformat(),
        "新时限": new_deadline.isoformat(),
        "理由": why,
    }
    task.deadline = new_deadline
    if task.status in _MAIN_LINE[: _MAIN_LINE.index(TaskStatus.COMPLETION_REVIEW)]:
        detail["前"], detail["后"] = task.status.label, TaskStatus.EXTENDED.label
        task.status = TaskStatus.EXTENDED
    audit.record(
        session,
        actor,
        "deadline",
        "task",
        task.id,
        f"任务 {task.code} 完成时限由 {old:%Y-%m-%d} 延至 {new_deadline:%Y-%m-%d}：{why}",
        detail,
    )
    return old, new_deadline


# --- milestones --------------------------------------------------------------------------------


@audit.writes(Permission.EDIT_LEDGER)
def add_milestone(session: Session, actor: Actor, task_id: int, title: str, due: date) -> int:
    task = _get(session, Task, task_id, "任务")
    if not title.strip():
        raise ValidationError("节点名称不能为空。", field="title")
    if not task.start <= due <= task.deadline:
        raise ValidationError("节点日期应在任务开始时间和完成时限之间。", field="due")
    milestone = Milestone(task_id=task.id, title=title.strip(), due=due)
    session.add(milestone)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "milestone",
        milestone.id,
        f"任务 {task.code} 新增节点“{title}”（{due.isoformat()}）",
    )
    return milestone.id


@audit.writes(Permission.EDIT_LEDGER)
def complete_milestone(session: Session, actor: Actor, milestone_id: int, done_on: date) -> None:
    milestone = _get(session, Milestone, milestone_id, "节点")
    if done_on > clock_of(session).today():
        raise ValidationError("完成日期不能晚于今天。", field="done_on")
    milestone.done_on = done_on
    audit.record(
        session,
        actor,
        "complete",
        "milestone",
        milestone.id,
        f"任务 {milestone.task.code} 节点“{milestone.title}”于 {done_on.isoformat()} 完成",
    )


# --- helpers ---------------------------------------------------------------------------------


def find_task_id(session: Session, code: str) -> int:
    task_id = session.scalar(select(Task.id).where(Task.code == code.strip()))
    if task_id is None:
        raise NotFound(f"找不到编号为“{code}”的任务。")
    return task_id


def _input_of(task: Task) -> TaskInput:
    return TaskInput(
        code=task.code,
        project_id=task.project_id,
        title=task.title,
        lead_unit_id=task.lead_unit_id,
        start=task.start,
        deadline=task.deadline,
        target=task.target,
        leader_in_charge=task.leader_in_charge,
        cooperating_unit_ids=[link.unit_id for link in task.unit_links],
        note=task.note,
    )


def task_input(session: Session, task_id: int) -> TaskInput:
    """The task's editable fields, to fill an edit form."""
    return _input_of(_get(session, Task, task_id, "任务"))


def _jsonable(data: TaskInput) -> dict[str, object]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(data).items()}
