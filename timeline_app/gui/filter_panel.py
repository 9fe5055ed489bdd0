"""The filter panel: search, reviewer, disputed, years, themes and places, with Datasette-style counts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeline_app.gui.local_format import number
from timeline_app.gui.plain_text import plain_label, rich_label
from timeline_app.model.catalog import EventCatalog
from timeline_app.model.filters import FilterState
from timeline_app.store.timeline_index import LAYER_CODES

ID_ROLE = Qt.ItemDataRole.UserRole
#: A search starts once typing pauses this long; a newer keystroke cancels a search still running.
SEARCH_PAUSE_MS = 50
LAYER_LABELS = {"history": QT_TRANSLATE_NOOP("FilterPanel", "History"),
                "film": QT_TRANSLATE_NOOP("FilterPanel", "Film scenes"),
                "reception": QT_TRANSLATE_NOOP("FilterPanel", "Reception")}


def layer_label(code: str) -> str:
    """The name of a layer's check box, in the interface's language."""
    return QCoreApplication.translate("FilterPanel", LAYER_LABELS[code])


def swatch(color: str) -> QIcon:
    """A small square of ``color`` for lists and legends."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class FilterPanel(QWidget):
    """Edits a :class:`FilterState`; every facet value shows its count under the other filters.

    Signals:
      sigFilterChanged(object): the new FilterState, after any edit.
      sigYearsEdited(float, float): the years typed into the range boxes (the view follows them).
    """

    sigFilterChanged = Signal(object)
    sigYearsEdited = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = FilterState()
        self._quiet = False
        layout = QVBoxLayout(self)
        self.search = QLineEdit(placeholderText=self.tr("Search titles, summaries and quotes"))
        self.search.setClearButtonEnabled(True)
        self.shown = plain_label()
        self.shown.setWordWrap(True)
        form = QFormLayout()
        self.reviewer = QComboBox()
        self.disputed = QCheckBox(self.tr("Only events the reviewers dispute"))
        self.layer_boxes = {code: QCheckBox(layer_label(code)) for code in LAYER_CODES}
        for box in self.layer_boxes.values():
            box.setChecked(True)
        self.year_from, self.year_to = QSpinBox(), QSpinBox()
        for box in (self.year_from, self.year_to):
            box.setRange(1800, 2100)
            box.setKeyboardTracking(False)
        years = QHBoxLayout()
        years.addWidget(self.year_from)
        years.addWidget(plain_label(self.tr("to")))
        years.addWidget(self.year_to)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        form.addRow(self.tr("Years"), years)
        self.themes = QListWidget()
        self.places = QListWidget()
        for facet in (self.themes, self.places):
            # Long names are shortened with "…" rather than scrolled sideways.
            facet.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            facet.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            # One line each: when the counts change Qt need not measure every name again.
            facet.setUniformItemSizes(True)
        self.clear = QPushButton(self.tr("Clear all filters"))
        layout.addWidget(self.search)
        layout.addWidget(self.shown)
        layout.addLayout(form)
        layout.addWidget(self.disputed)
        layers = QGridLayout()  # two columns: the panel stays narrow
        for k, box in enumerate(self.layer_boxes.values()):
            layers.addWidget(box, k // 2, k % 2)
        layout.addWidget(rich_label("<b>" + self.tr("Show") + "</b>"))
        layout.addLayout(layers)
        layout.addWidget(rich_label("<b>" + self.tr("Themes") + "</b>"))
        layout.addWidget(self.themes, 3)
        layout.addWidget(rich_label("<b>" + self.tr("Places") + "</b>"))
        layout.addWidget(self.places, 4)
        layout.addWidget(self.clear)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._emit)
        self.reviewer.currentIndexChanged.connect(self._emit)
        self.disputed.toggled.connect(self._emit)
        for box in self.layer_boxes.values():
            box.toggled.connect(self._emit)
        self.themes.itemChanged.connect(self._emit)
        self.places.itemChanged.connect(self._emit)
        self._pressed: tuple[QListWidgetItem, Qt.CheckState] | None = None
        for facet in (self.themes, self.places):
            # A click on a name toggles it as a click on its box does (the box toggles itself).
            facet.itemPressed.connect(lambda item: setattr(self, "_pressed", (item, item.checkState())))
            facet.itemClicked.connect(self._toggle_if_unchanged)
        self.year_from.valueChanged.connect(self._years_edited)
        self.year_to.valueChanged.connect(self._years_edited)
        self.clear.clicked.connect(self._clear)

    def set_catalog(self, catalog: EventCatalog) -> None:
        """Offer the facet values of ``catalog``."""
        self._quiet = True
        self.catalog = catalog
        self.reviewer.clear()
        self.reviewer.addItem(self.tr("Any reviewer"), "any")
        for sid, author in catalog.source_names.items():
            self.reviewer.addItem(f"{author}", sid)
        self.reviewer.addItem(self.tr("Both reviewers"), "both")
        self.reviewer.addItem(self.tr("Only one reviewer"), "only-one")
        for widget, names, colors in ((self.themes, catalog.theme_names, catalog.theme_colors),
                                      (self.places, catalog.place_names, {})):
            widget.clear()
            for key, name in sorted(names.items(), key=lambda kv: kv[1].lower()):
                item = QListWidgetItem(name)
                item.setData(ID_ROLE, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                if key in colors:
                    item.setIcon(swatch(colors[key]))
                widget.addItem(item)
        self._quiet = False

    def show_state(self, state: FilterState, counts: dict[str, dict[str, int]], shown: int, total: int) -> None:
        """Display ``state`` and the facet ``counts`` without announcing a change."""
        self._quiet = True
        self.state = state
        if self.search.text() != state.search:
            self.search.setText(state.search)
        position = self.reviewer.findData(state.reviewer)
        # Only what differs is set: each change of an item is a signal and a repaint, and the panel
        # is shown twice a click (the filter at once, its counts when they come).
        for k in range(self.reviewer.count()):
            key = self.reviewer.itemData(k)
            text = f"{self.reviewer.itemText(k).rsplit(' (', 1)[0]} ({number(counts['reviewer'].get(key, 0))})"
            if self.reviewer.itemText(k) != text:
                self.reviewer.setItemText(k, text)
        self.reviewer.setCurrentIndex(max(0, position))
        self.disputed.setChecked(state.disputed_only)
        _set_text(self.disputed, self.tr("Only events the reviewers dispute ({count})").format(
            count=number(counts['disputed']['yes'])))
        for code, box in self.layer_boxes.items():
            box.setChecked(not state.layers or code in state.layers)
            _set_text(box, f"{layer_label(code)} ({number(counts.get('layers', {}).get(code, 0))})")
        for widget, facet, chosen in ((self.themes, "themes", state.themes), (self.places, "places", state.places)):
            for k in range(widget.count()):
                item = widget.item(k)
                key = item.data(ID_ROLE)
                _set_text(item, f"{item.text().rsplit(' (', 1)[0]} ({number(counts[facet].get(key, 0))})")
                check = Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked
                if item.checkState() != check:
                    item.setCheckState(check)
        _set_text(self.shown, self.tr("Showing {shown} of %Ln events", "", total).format(shown=number(shown)))
        self._quiet = False

    def show_years(self, low: float, high: float) -> None:
        """Follow the timeline's visible years."""
        self._quiet = True
        self.year_from.setValue(int(low))
        self.year_to.setValue(int(high))
        self._quiet = False

    def _toggle_if_unchanged(self, item: QListWidgetItem) -> None:
        pressed, self._pressed = self._pressed, None
        if pressed is not None and pressed[0] is item and item.checkState() == pressed[1]:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _checked(self, widget: QListWidget) -> frozenset[str]:
        return frozenset(
            widget.item(k).data(ID_ROLE) for k in range(widget.count())
            if widget.item(k).checkState() == Qt.CheckState.Checked
        )

    def current(self) -> FilterState:
        """The filter the controls show now."""
        return self.state.with_(
            search=self.search.text(),
            reviewer=self.reviewer.currentData() or "any",
            disputed_only=self.disputed.isChecked(),
            themes=self._checked(self.themes),
            places=self._checked(self.places),
            layers=self._layers(),
        )

    def _layers(self) -> frozenset[str]:
        shown = frozenset(code for code, box in self.layer_boxes.items() if box.isChecked())
        return frozenset() if len(shown) == len(self.layer_boxes) else shown

    def _clear(self) -> None:
        # The years are the view's, not a filter: clearing leaves them, so the table lists what is in view.
        self.sigFilterChanged.emit(FilterState())

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.sigFilterChanged.emit(self.current())

    def _years_edited(self, *_args) -> None:
        if not self._quiet and self.year_to.value() > self.year_from.value():
            self.sigYearsEdited.emit(float(self.year_from.value()), float(self.year_to.value()))


def _set_text(widget: QLabel | QCheckBox | QListWidgetItem, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)
