"""Verbs that need Qt: the main window (the default) and page screenshots."""

from __future__ import annotations

import argparse
import os
import sys

from desktop.cli.context import CliContext

NO_DISPLAY = (
    "没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。"
    "在无显示环境下可运行：QT_QPA_PLATFORM=offscreen duban …，或使用 duban status 等命令行功能。"
)


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("gui", help="打开图形界面（不带命令时的默认操作）")
    p.set_defaults(handler=run_gui)

    p = commands.add_parser("screenshot", help="把某一页面离屏渲染为 PNG（用于说明文档和评审）")
    p.add_argument(
        "page",
        help="页面：dashboard、projects、tasks、task:<任务编号>、reports、funds、notices、"
        "supervision、interviews、meetings、settings、users",
    )
    p.add_argument("--out", required=True, metavar="FILE.png", help="输出的 PNG 文件")
    p.add_argument("--size", default="1366x768", metavar="宽x高", help="窗口尺寸（默认 1366x768）")
    p.set_defaults(handler=run_screenshot)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or sys.platform.startswith("freebsd"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_gui(ctx: CliContext, args: argparse.Namespace) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from desktop.ui.app import run  # Qt is imported only when a window is wanted

    return run(ctx.database, ctx.clock, ctx.banner)


def run_screenshot(ctx: CliContext, args: argparse.Namespace) -> int:
    # Offscreen works without a display; the page is drawn exactly as the window would show it.
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path

    from desktop.ui.screenshot import screenshot

    out = screenshot(ctx.ledger, ctx.clock, args.page, Path(args.out), args.size)
    print(f"已保存截图：{out}")
    return 0
