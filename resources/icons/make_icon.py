"""Draw the program icon (a red seal with 督 in white) as duban.svg, duban.png and duban.ico.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/make_icon.py

The glyph is taken as an outline from the shipped 小标宋 font, so the SVG needs no font.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "xiaobiaosong.ttf"
SIZE = 256.0
RED = "#c8161d"  # 中国红, the colour of an official seal
CHAR = "督"
GLYPH_STROKE = 7.0


def glyph_path() -> QPainterPath:
    """督 as an outline, centred in the inner square."""
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        sys.exit(f"无法加载字体 {FONT}")
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(176)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, CHAR)
    box = path.boundingRect()
    return path.translated(SIZE / 2 - box.center().x(), SIZE / 2 - box.center().y())


def draw(painter: QPainter, glyph: QPainterPath) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(RED))
    painter.drawRoundedRect(QRectF(8, 8, SIZE - 16, SIZE - 16), 28, 28)
    painter.setPen(QPen(QColor("white"), 6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(24, 24, SIZE - 48, SIZE - 48), 16, 16)
    # A stroke around the outline thickens the serif strokes so 督 still reads at 16 px.
    painter.setPen(
        QPen(
            QColor("white"),
            GLYPH_STROKE,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    painter.setBrush(QColor("white"))
    painter.drawPath(glyph)


def svg_path_data(path: QPainterPath) -> str:
    """QPainterPath elements to SVG path commands (M, L, C)."""
    out: list[str] = []
    i = 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{e.x:.1f} {e.y:.1f}")
        elif e.isLineTo():
            out.append(f"L{e.x:.1f} {e.y:.1f}")
        else:  # CurveTo followed by two CurveToData elements
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.1f} {e.y:.1f} {c2.x:.1f} {c2.y:.1f} {end.x:.1f} {end.y:.1f}")
            i += 2
        i += 1
    return "".join(out) + "Z"


def write_svg(glyph: QPainterPath) -> None:
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>督办台</title>
  <rect x="8" y="8" width="240" height="240" rx="28" fill="{RED}"/>
  <rect x="24" y="24" width="208" height="208" rx="16" fill="none" stroke="#fff" stroke-width="6"/>
  <path fill="#fff" fill-rule="nonzero" stroke="#fff" stroke-width="{GLYPH_STROKE:g}" stroke-linejoin="round" d="{svg_path_data(glyph)}"/>
</svg>
"""
    (HERE / "duban.svg").write_text(svg, encoding="utf-8")


def render(glyph: QPainterPath) -> QImage:
    image = QImage(int(SIZE), int(SIZE), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    draw(painter, glyph)
    painter.end()
    return image


def main() -> None:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    glyph = glyph_path()
    write_svg(glyph)
    image = render(glyph)
    image.save(str(HERE / "duban.png"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    big = Image.open(io.BytesIO(bytes(buffer.data())))
    sizes = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    big.save(HERE / "duban.ico", format="ICO", sizes=sizes)
    print("已生成 duban.svg、duban.png、duban.ico")


if __name__ == "__main__":
    main()
