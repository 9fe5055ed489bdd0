#!/usr/bin/env python3
"""Render resources/icons/timeline-app.svg to the hicolor PNG sizes with Qt's SVG renderer.

    .venv/bin/python scripts/make_icons.py          # write resources/icons/hicolor/<N>x<N>/apps/timeline-app.png
    .venv/bin/python scripts/make_icons.py --check  # exit 1 if a PNG is missing or differs from a fresh render

Runs headless (QT_QPA_PLATFORM=offscreen). Each PNG is the whole SVG scaled to N x N pixels,
antialiased, on a transparent background.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "timeline-app.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / "timeline-app.png"


def render(svg: Path, size: int):
    """The SVG drawn into a size x size transparent QImage."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def differs(image, other, tolerance: int = 2) -> bool:
    """Whether two QImages differ in size or by more than ``tolerance`` in any channel of any pixel.

    A small tolerance lets a rendering on another processor (other SIMD paths in Qt's
    rasteriser) count as the same picture.
    """
    import numpy as np
    from PySide6.QtGui import QImage

    if other.isNull() or image.size() != other.size():
        return True

    def pixels(picture):
        picture = picture.convertToFormat(QImage.Format.Format_ARGB32)
        rows = np.frombuffer(picture.constBits(), dtype=np.uint8).reshape(picture.height(), picture.bytesPerLine())
        return rows[:, : picture.width() * 4].astype(np.int16)

    return bool(np.abs(pixels(image) - pixels(other)).max() > tolerance)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the PNGs match a fresh render")
    args = parser.parse_args(argv)

    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    stale = []
    for size in SIZES:
        image = render(SVG, size)
        target = png_path(size)
        if args.check:
            if differs(image, QImage(str(target))):
                stale.append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"error: could not write {target}")
        print(f"wrote {target.relative_to(ROOT)} ({size}x{size})")
    if stale:
        for target in stale:
            print(f"stale: {target.relative_to(ROOT)}; run scripts/make_icons.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
