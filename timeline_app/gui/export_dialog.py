"""File > Export: choose a format and size, see a preview (the picture, or the first rows of data), export."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from timeline_app.export.registry import EXPORTERS, ExportError, ExportOptions, export
from timeline_app.export.view import ExportView
from timeline_app.gui import picture_formats  # noqa: F401 - registers PNG, SVG and PDF
from timeline_app.gui.core_words import core_word
from timeline_app.gui.local_format import number
from timeline_app.gui.plain_text import plain_label, show_message
from timeline_app.gui.snapshot import Snapshot
from timeline_app.gui.snapshot_writers import render_image

PREVIEW_EVENTS = 12  # a data preview shows the first rows only: instant on a million events
PREVIEW_LINES = 60


class ExportDialog(QDialog):
    """Pick a format (picture or data), a width and scale or page size, preview, and export.

    ``remembered`` keeps the last folder and format between exports (the window's settings).

    Signals:
      sigExported(str, str): the file written and a short description of it.
    """

    sigExported = Signal(str, str)

    def __init__(self, view: ExportView, parent: QWidget | None = None, remembered=None) -> None:
        super().__init__(parent)
        self.view = view
        self.remembered = remembered
        self.setWindowTitle(self.tr("Export the current view"))
        self.resize(900, 640)
        self.format = QComboBox()
        for exporter in sorted(EXPORTERS.values(), key=lambda e: not e.picture):  # pictures first
            self.format.addItem(core_word(exporter.label), exporter.name)
        last = self._recall("export_format", "")
        if isinstance(last, str) and self.format.findData(last) >= 0:
            self.format.setCurrentIndex(self.format.findData(last))
        self.width_box = QSpinBox()
        self.width_box.setRange(600, 8000)
        self.width_box.setValue(1600)
        self.width_box.setSuffix(self.tr(" px"))
        self.scale = QComboBox()
        self.scale.addItem(self.tr("1× (standard)"), 1.0)
        self.scale.addItem(self.tr("2× (high-DPI, sharper)"), 2.0)
        self.page = QComboBox()
        self.page.addItems(["A4", "Letter"])
        self.with_map = QCheckBox(self.tr("Include the map beside the timeline"))
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Picture width"), self.width_box)
        form.addRow(self.tr("PNG pixels"), self.scale)
        form.addRow(self.tr("PDF page (landscape)"), self.page)
        form.addRow(self.tr("Map"), self.with_map)
        self.info = plain_label()
        self.info.setWordWrap(True)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self.data_preview = QPlainTextEdit(readOnly=True)
        self.data_preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.data_preview.setFont(QFont("DejaVu Sans Mono"))
        self.previews = QStackedWidget()
        self.previews.addWidget(scroll)
        self.previews.addWidget(self.data_preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.info, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.previews, 1)
        layout.addWidget(buttons)
        for signal in (self.format.currentIndexChanged, self.width_box.valueChanged, self.scale.currentIndexChanged,
                       self.page.currentIndexChanged, self.with_map.toggled):
            signal.connect(self.refresh)
        self.refresh()

    def _recall(self, key: str, default: object) -> object:
        return self.remembered.value(key, default) if self.remembered is not None else default

    def options(self) -> ExportOptions:
        """The settings chosen."""
        return ExportOptions(width=float(self.width_box.value()), scale=float(self.scale.currentData()),
                             page=self.page.currentText(), map=self.with_map.isChecked())

    def refresh(self, *_args) -> None:
        """Update the preview and the description of what will be written."""
        exporter = EXPORTERS[self.format.currentData()]
        for widget, wanted in ((self.width_box, exporter.picture), (self.scale, exporter.name == "png"),
                               (self.page, exporter.name == "pdf"), (self.with_map, exporter.picture)):
            widget.setEnabled(wanted)
        shown = int(self.view.mask.sum())
        if exporter.picture:
            snapshot = Snapshot(self.view, self.options().width, with_map=self.options().map)
            size = snapshot.size()
            scale = self.options().scale if exporter.name == "png" else 1
            self.info.setText(self.tr("{format}: {width} × {height} pixels, showing the view as on screen with a "
                                      "title, the filters, a legend and the sources' credits.").format(
                format=core_word(exporter.label), width=round(size.width() * scale),
                height=round(size.height() * scale)))
            image = render_image(snapshot, 1.0)
            self.preview.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                min(860, image.width()), Qt.TransformationMode.SmoothTransformation))
            self.previews.setCurrentIndex(0)
        else:
            text = (self.tr("{format}: the {count} events the current filters show; the preview shows the first "
                            "{first}.") if shown > PREVIEW_EVENTS
                    else self.tr("{format}: the {count} events the current filters show."))
            self.info.setText(text.format(format=core_word(exporter.label), count=number(shown), first=PREVIEW_EVENTS))
            self.data_preview.setPlainText(self.data_sample(exporter.name))
            self.previews.setCurrentIndex(1)

    def data_sample(self, fmt: str) -> str:
        """The beginning of the data the export would write, for the first few shown events."""
        mask = np.zeros_like(self.view.mask)
        mask[np.flatnonzero(self.view.mask)[:PREVIEW_EVENTS]] = True
        sample = dataclasses.replace(self.view, mask=mask)
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"preview{EXPORTERS[fmt].suffix}"
            try:
                EXPORTERS[fmt].write(sample, target, self.options(), lambda _d, _t: None)
            except (OSError, ExportError) as exc:
                return self.tr("(no preview: {problem})").format(problem=exc)
            lines = target.read_text(encoding="utf-8").splitlines()
        return "\n".join(lines[:PREVIEW_LINES]) + ("\n…" if len(lines) > PREVIEW_LINES else "")

    def choose_file_and_export(self) -> None:
        """Ask where to save (in the folder used last), then export."""
        exporter = EXPORTERS[self.format.currentData()]
        folder = self._recall("export_folder", "")
        folder = Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else Path.home()
        tell_apart = f"-{exporter.name}" if exporter.name.startswith("timelinejs") else ""  # beside our .json, .csv
        suggested = str(folder / f"timeline{tell_apart}{exporter.suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), suggested,
                                              f"{core_word(exporter.label)} (*{exporter.suffix})")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> str | None:
        """Export to ``path`` with progress shown; report errors in a message box. Returns the summary."""
        exporter = EXPORTERS[self.format.currentData()]
        progress = QProgressDialog(self.tr("Exporting…"), "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(400)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        def report(done: int, total: int) -> None:
            progress.setValue(int(100 * done / max(total, 1)))
            QApplication.processEvents()

        try:
            summary = export(self.view, path, exporter.name, self.options(), report)
        except ExportError as exc:
            show_message(self, self.tr("Nothing was exported"), str(exc))
            return None
        finally:
            progress.close()
        if self.remembered is not None:
            self.remembered.set_value("export_folder", str(Path(path).resolve().parent))
            self.remembered.set_value("export_format", exporter.name)
        self.sigExported.emit(str(path), summary)
        self.accept()
        return summary
