"""Drawn flowcharts: reading DrawingML shapes (read.drawing) and placing them (parse.shapes).

The workbooks are real .xlsx files: openpyxl writes the cells, ``drawing_builders`` adds the
drawing part the way Excel saves it. ``apply_shapes`` is checked on hand-built documents,
with expected findings as ``[code, cell]`` lists.
"""
from __future__ import annotations

import pytest
from drawing_builders import (
    ROLE_COLS,
    ROLES,
    SOP_LAYOUT,
    Layout,
    Sketch,
    absolute,
    add_drawing,
    alternate,
    chartex_frame,
    cxn,
    form_control,
    grp,
    pic,
    sop_cells,
    sp,
    tiny_png,
    two_cell,
    write_workbook,
)

from sopxl.a1 import rowcol_to_cell
from sopxl.findings import render
from sopxl.grid import Shape
from sopxl.model import Branch, Marker, Role, Section, SopDocument, Step, Text
from sopxl.parse.shapes import apply_shapes
from sopxl.read import drawing
from sopxl.read.drawing import read_shapes, shape_kinds
from sopxl.read.safezip import SafeZip

PART = "xl/drawings/drawing1.xml"


def read(tmp_path, xml: str, layout: Layout = SOP_LAYOUT, cells=None, images=None) -> list[Shape]:
    path = write_workbook(tmp_path / "gambar.xlsx", cells or sop_cells(["Menerima berkas"] * 6), layout)
    add_drawing(path, xml, images=images)
    with SafeZip(path) as z:
        return read_shapes(z, PART, layout.geometry())


def summary(shapes: list[Shape]) -> list[tuple]:
    return [(s.id, s.kind, s.cell, s.text) for s in shapes]


# -- reading ---------------------------------------------------------------------------------


def flowchart(layout: Layout = SOP_LAYOUT) -> Sketch:
    """Mulai (C3) -> Memeriksa (D4) -> Lengkap? (D5) -Ya-> Memproses (E6) -> Selesai (E7);
    Tidak loops back from D5 to D4 with an elbow connector."""
    sk = Sketch(layout)
    a = sk.shape(2, 2, "flowChartTerminator", "Mulai")
    b = sk.shape(3, 3, "flowChartProcess", "Memeriksa berkas")
    c = sk.shape(4, 3, "flowChartDecision", ["Berkas", "lengkap?"])
    d = sk.shape(5, 4, "flowChartProcess", "Memproses")
    e = sk.shape(6, 4, "flowChartTerminator", "Selesai")
    sk.connect(a, b)
    sk.connect(b, c)
    sk.connect(c, d, label="Ya")
    sk.connect(c, b, label="Tidak", prst="bentConnector3")
    sk.connect(d, e, glued=False)
    return sk


def test_two_cell_shapes_kinds_cells_and_texts(tmp_path):
    shapes = read(tmp_path, flowchart().xml())
    assert summary(shapes) == [
        (2, "terminator", "C3", "Mulai"),
        (3, "process", "D4", "Memeriksa berkas"),
        (4, "decision", "D5", "Berkas lengkap?"),  # two paragraphs, joined with a space
        (5, "process", "E6", "Memproses"),
        (6, "terminator", "E7", "Selesai"),
        (7, "connector", "D4", ""),
        (8, "connector", "D5", ""),
        (9, "connector", "E6", ""),
        (10, "text", "D6", "Ya"),
        (11, "connector", "D5", ""),
        (12, "text", "C5", "Tidak"),
        (13, "connector", "E7", ""),
    ]
    by_id = {s.id: s for s in shapes}
    assert by_id[2].preset == "flowChartTerminator" and by_id[2].name == "Flowchart: Terminator 1"
    # The terminator takes 70% x 60% of C3, centred: rows 2.2..2.8, columns 2.15..2.85.
    assert (by_id[2].top, by_id[2].left, by_id[2].bottom, by_id[2].right) == pytest.approx(
        (2.2, 2.15, 2.8, 2.85), abs=1e-3)
    ends = {s.id: (s.start_id, s.end_id) for s in shapes if s.kind == "connector"}
    assert ends == {7: (2, 3), 8: (3, 4), 9: (4, 5), 11: (4, 3), 13: (None, None)}


def test_connector_keeps_its_direction(tmp_path):
    by_id = {s.id: s for s in read(tmp_path, flowchart().xml())}
    down = by_id[8]  # D4 bottom -> D5 top
    assert (down.top, down.left, down.bottom, down.right) == pytest.approx((3.8, 3.5, 4.2, 3.5), abs=1e-3)
    up = by_id[11]  # the "Tidak" loop, drawn upwards (flipV): starts at D5's left side
    assert (up.top, up.left, up.bottom, up.right) == pytest.approx((4.5, 3.15, 3.5, 3.15), abs=1e-3)
    sideways = by_id[9]  # D5 bottom -> E6 top, to the right and down
    assert (sideways.top, sideways.left) == pytest.approx((4.8, 3.5), abs=1e-3)
    assert (sideways.bottom, sideways.right) == pytest.approx((5.2, 4.5), abs=1e-3)


def test_arrowhead_at_start_reverses_the_line(tmp_path):
    sk = Sketch(SOP_LAYOUT)
    a = sk.shape(2, 2, "flowChartProcess", "A")
    b = sk.shape(3, 2, "flowChartProcess", "B")
    sk.connect(a, b, reverse_arrow=True)  # drawn from B to A, arrowhead on its first point (A)
    arrow = read(tmp_path, sk.xml())[-1]
    assert (arrow.start_id, arrow.end_id) == (a, b)
    assert (arrow.top, arrow.bottom) == pytest.approx((2.8, 3.2), abs=1e-3)


def test_rotated_elbow_connector(tmp_path):
    """Excel writes elbow connectors turned a quarter (rot="5400000"); the anchor is the box
    seen on screen, the frame is that box turned back. Unturned, the line runs from the
    frame's top-left to its bottom-right; turned, from the box's top-right to bottom-left."""
    L = SOP_LAYOUT
    a = L.cell_box(3, 4)  # E4
    b = L.cell_box(5, 2)  # C6
    s = (a[0] + a[2] // 2, a[1] + a[3])  # E4 bottom middle
    e = (b[0] + b[2] // 2, b[1])  # C6 top middle
    box = (e[0], s[1], s[0] - e[0], e[1] - s[1])
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    frame = (round(cx - box[3] / 2), round(cy - box[2] / 2), box[3], box[2])
    obj = cxn(9, frame, prst="bentConnector3", rot=5400000)
    xml = Sketch(L)
    xml.anchors.append(two_cell(obj, L.locate(box[0], box[1]), L.locate(box[0] + box[2], box[1] + box[3])))
    (arrow,) = read(tmp_path, xml.xml())
    assert (arrow.top, arrow.left) == pytest.approx((3.8, 4.5), abs=1e-3)
    assert (arrow.bottom, arrow.right) == pytest.approx((5.2, 2.5), abs=1e-3)


def test_one_cell_and_absolute_anchors(tmp_path):
    L = SOP_LAYOUT
    sk = Sketch(L)
    sk.shape(3, 2, "flowChartProcess", "satu sel", how="one")
    sk.shape(4, 4, "flowChartDecision", "mutlak", how="abs")
    # An absolute point three quarters into column F and a quarter down row 9.
    x, y = L.x(5, 0.75), L.y(8, 0.25)
    sk.anchors.append(absolute(sp(20, "flowChartOffpageConnector", (x, y, 100_000, 100_000), "A"),
                               (x, y), (100_000, 100_000)))
    shapes = read(tmp_path, sk.xml())
    assert summary(shapes) == [(2, "process", "C4", "satu sel"), (3, "decision", "E5", "mutlak"),
                               (20, "offpage", "F9", "A")]
    one, mutlak, small = shapes
    assert (one.top, one.left, one.bottom, one.right) == pytest.approx((3.2, 2.15, 3.8, 2.85), abs=1e-3)
    assert (mutlak.top, mutlak.left, mutlak.bottom, mutlak.right) == pytest.approx(
        (4.2, 4.15, 4.8, 4.85), abs=1e-3)
    assert (small.top, small.left) == pytest.approx((8.25, 5.75), abs=1e-3)


def test_group_children_follow_the_group_transform(tmp_path):
    """Children sit in the group's child coordinates (scaled 1:2 here, an inner group 1:4)
    and rows of very different heights: they must still land in their own cells."""
    L = Layout(col_widths={c: 16.0 for c in range(6)}, row_heights={2: 30.0, 3: 60.0, 4: 20.0, 5: 45.0})
    gx, gy = L.x(2), L.y(2)
    gw, gh = L.x(5) - gx, L.y(6) - gy
    ch_off = (1_000_000, 2_000_000)

    def outer(box):  # absolute EMU box -> the outer group's child coordinates
        x, y, w, h = box
        return ch_off[0] + (x - gx) * 2, ch_off[1] + (y - gy) * 2, w * 2, h * 2

    proc, dec = L.cell_box(3, 3), L.cell_box(5, 3)
    start = (proc[0] + proc[2] // 2, proc[1] + proc[3])
    end = (dec[0] + dec[2] // 2, dec[1])
    line = outer((start[0], start[1], 0, end[1] - start[1]))
    # An inner group around E5 (row 4, only 20pt high) whose children are scaled 1:4.
    term = L.cell_box(4, 4)
    inner_box = (L.x(4), L.y(4), L.x(5) - L.x(4), L.y(5) - L.y(4))
    ib = outer(inner_box)
    inner_child = ((term[0] - inner_box[0]) * 4, (term[1] - inner_box[1]) * 4, term[2] * 4, term[3] * 4)
    inner = grp(30, ib, (0, 0, inner_box[2] * 4, inner_box[3] * 4),
                [sp(31, "flowChartTerminator", inner_child, "Selesai")])
    group = grp(10, (gx, gy, gw, gh), (*ch_off, gw * 2, gh * 2), [
        sp(11, "flowChartProcess", outer(proc), "Proses"),
        sp(12, "flowChartDecision", outer(dec), "Keputusan"),
        cxn(13, line, start=(11, 2), end=(12, 0)),
        inner,
    ])
    sk = Sketch(L)
    sk.anchors.append(two_cell(group, L.locate(gx, gy), L.locate(gx + gw, gy + gh)))
    shapes = read(tmp_path, sk.xml(), layout=L)
    assert summary(shapes) == [(11, "process", "D4", "Proses"), (12, "decision", "D6", "Keputusan"),
                               (13, "connector", "D5", ""), (31, "terminator", "E5", "Selesai")]
    p, d, c, t = shapes
    assert (p.top, p.left, p.bottom, p.right) == pytest.approx((3.2, 3.15, 3.8, 3.85), abs=1e-3)
    assert (d.top, d.bottom) == pytest.approx((5.2, 5.8), abs=1e-3)
    assert (c.top, c.left, c.bottom, c.right) == pytest.approx((3.8, 3.5, 5.2, 3.5), abs=1e-3)
    assert (c.start_id, c.end_id) == (11, 12)
    assert (t.top, t.left, t.bottom, t.right) == pytest.approx((4.2, 4.15, 4.8, 4.85), abs=1e-3)


def test_alternate_content_choice_fallback_and_charts(tmp_path):
    L = SOP_LAYOUT
    box1, box2, box3 = L.cell_box(2, 2), L.cell_box(3, 3), L.cell_box(4, 4)

    def anchored(obj, box):
        x, y, w, h = box
        return two_cell(obj, L.locate(x, y), L.locate(x + w, y + h))

    sk = Sketch(L)
    sk.anchors += [
        # Understood (a14): the Choice is read, its Fallback ignored.
        alternate(anchored(sp(2, "flowChartTerminator", box1, "Mulai"), box1),
                  anchored(sp(3, "rect", box1, "lama"), box1)),
        # A namespace we do not know: the Fallback is read.
        alternate(anchored(sp(4, "flowChartProcess", box2, "baru"), box2),
                  anchored(sp(5, "flowChartProcess", box2, "Proses"), box2),
                  requires="wps", ns="http://schemas.example.org/unknown"),
        # Inside an anchor, around a chart Excel 2013 cannot show: chart and stand-in skipped.
        anchored(alternate(chartex_frame(6, box3),
                           sp(7, "rect", box3, "This chart isn't available in your version of Excel"),
                           requires="cx1"), box3),
    ]
    assert summary(read(tmp_path, sk.xml())) == [(2, "terminator", "C3", "Mulai"),
                                                 (5, "process", "D4", "Proses")]


def test_pictures_are_read_as_pictures_and_form_controls_are_skipped(tmp_path):
    L = SOP_LAYOUT
    logo, check, proc = L.cell_box(0, 0), L.cell_box(1, 1), L.cell_box(3, 3)
    sk = Sketch(L)
    sk.anchor(pic(2, logo), logo)
    sk.anchors.append(alternate(two_cell(form_control(3, check), L.locate(check[0], check[1]),
                                         L.locate(check[0] + check[2], check[1] + check[3]))))
    sk.anchor(sp(4, "flowChartProcess", proc, "Proses"), proc)
    sk.anchor(sp(5, "flowChartProcess", proc, "tersembunyi", hidden=True), proc)
    shapes = read(tmp_path, sk.xml(), images={"rId1": tiny_png()})
    # A picture is kept (offices paste symbols as images); the parser decides what it means.
    assert summary(shapes) == [(2, "picture", "A1", ""), (4, "process", "D4", "Proses")]


def test_labels_lines_with_text_and_sopxl_marker(tmp_path):
    L = SOP_LAYOUT
    sk = Sketch(L)
    sk.label(L.x(3, 0.1), L.y(5, 0.1), "Tidak", txbox=False)  # rectangle, no fill, no outline
    line = (L.x(3, 0.5), L.y(5, 0.8), 0, L.y(6, 0.1) - L.y(5, 0.8))
    sk.anchor(sp(sk.new_id(), "line", line, "Dalam kota"), line)
    mine = L.cell_box(7, 2)
    sk.anchor(sp(sk.new_id(), "flowChartProcess", mine, "Proses", descr="sopxl:bagan"), mine)
    group_box = L.cell_box(8, 2)
    sk.anchor(grp(sk.new_id(), group_box, group_box,
                  [sp(40, "flowChartProcess", group_box, "dalam grup")], descr="sopxl:bagan"), group_box)
    sk.anchor(sp(sk.new_id(), "flowChartProcess", L.cell_box(9, 2), "kantor", name="Proses 9"),
              L.cell_box(9, 2))
    shapes = read(tmp_path, sk.xml())
    assert [(s.kind, s.cell, s.text, s.drawn_by_sopxl) for s in shapes] == [
        ("text", "D6", "Tidak", False),
        ("connector", "D6", "Dalam kota", False),
        ("process", "C8", "Proses", True),
        ("process", "C9", "dalam grup", True),
        ("process", "C10", "kantor", False),
    ]
    assert (shapes[1].top, shapes[1].bottom) == pytest.approx((5.8, 6.1), abs=1e-3)


def test_number_of_shapes_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(drawing, "MAX_SHAPES", 3)
    shapes = read(tmp_path, flowchart().xml())
    assert [s.id for s in shapes] == [2, 3, 4]


def test_preset_kinds_come_from_the_data_file():
    kinds = shape_kinds()
    assert {p: kinds[p] for p in (
        "flowChartTerminator", "flowChartAlternateProcess", "roundRect", "ellipse",
        "flowChartProcess", "rect", "flowChartDecision", "diamond",
        "flowChartOffpageConnector", "pentagon", "homePlate", "flowChartConnector",
        "straightConnector1", "bentConnector3", "line")} == {
        "flowChartTerminator": "terminator", "flowChartAlternateProcess": "terminator",
        "roundRect": "terminator", "ellipse": "terminator",
        "flowChartProcess": "process", "rect": "process",
        "flowChartDecision": "decision", "diamond": "decision",
        "flowChartOffpageConnector": "offpage", "pentagon": "offpage", "homePlate": "offpage",
        "flowChartConnector": "offpage",
        "straightConnector1": "connector", "bentConnector3": "connector", "line": "connector"}


# -- placing ---------------------------------------------------------------------------------

FIRST_ROW = 2  # zero-based row of step 1


def make_doc(n: int, *, sections: tuple[int, ...] = ()) -> SopDocument:
    """Steps 1..n on rows 3.. (A1), roles Pemohon/Staf/Kepala Bagian in C/D/E.

    ``sections`` lists step numbers that open a new section, whose header takes two rows
    above the step."""
    roles = [Role(name, col, rowcol_to_cell(1, col)) for name, col in zip(ROLES, ROLE_COLS)]
    columns = {"no": 0, "kegiatan": 1, "kelengkapan": 5, "waktu": 6, "output": 7, "keterangan": 8}
    secs: list[Section] = []
    row = FIRST_ROW
    for k in range(1, n + 1):
        if k == 1 or k in sections:
            if k > 1:
                row += 2
            secs.append(Section(None, row - 2, list(roles), dict(columns)))
        secs[-1].steps.append(Step(row=row, number=Text(str(k), f"A{row + 1}"),
                                   kegiatan=Text(f"Kegiatan {k}", f"B{row + 1}")))
        row += 1
    return SopDocument("SOP", {}, {}, secs)


_ids = iter(range(100, 10_000))


def box(row: int, col: int, kind: str, text: str = "", *, id: int | None = None, sopxl: bool = False
        ) -> Shape:
    """A symbol in a cell, 70% x 60% of it, centred."""
    presets = {"terminator": "flowChartTerminator", "process": "flowChartProcess",
               "decision": "flowChartDecision", "offpage": "flowChartOffpageConnector"}
    return Shape(id or next(_ids), f"{kind} {row}", kind, presets[kind], row + 0.2, col + 0.15,
                 row + 0.8, col + 0.85, text, drawn_by_sopxl=sopxl)


def arrow(a: Shape, b: Shape, *, glued: bool = True, text: str = "", nudge: float = 0.0) -> Shape:
    """From a's bottom to b's top when b is lower, else a's left side to b's left side."""
    if b.top > a.bottom:
        s, e = (a.bottom, (a.left + a.right) / 2), (b.top, (b.left + b.right) / 2)
    else:
        s, e = (a.center[0], a.left), (b.center[0], b.left)
    # An unglued end often stops a little short of the symbol.
    s, e = (s[0] + nudge, s[1]), (e[0] - nudge, e[1])
    return Shape(next(_ids), "arrow", "connector", "straightConnector1", s[0], s[1], e[0], e[1], text,
                 start_id=a.id if glued else None, end_id=b.id if glued else None)


def label(row: float, col: float, text: str) -> Shape:
    return Shape(next(_ids), "TextBox", "text", "rect", row, col, row + 0.4, col + 0.35, text)


def found(hits) -> list[list[str]]:
    return [[h.code, h.cell] for h in hits]


def good_flow() -> tuple[SopDocument, list[Shape]]:
    """1 Mulai (C3) -> 2 Memeriksa (D4) -> 3 Lengkap? (D5) -Ya-> 4 (E6) -> 5 Selesai (E7);
    3 -Tidak-> 2."""
    doc = make_doc(5)
    s1, s2 = box(2, 2, "terminator", "Mulai"), box(3, 3, "process", "Memeriksa")
    s3, s4 = box(4, 3, "decision", "Lengkap?"), box(5, 4, "process")
    s5 = box(6, 4, "terminator", "Selesai")
    shapes = [s1, s2, s3, s4, s5, arrow(s1, s2), arrow(s2, s3), arrow(s3, s4), label(4.85, 3.55, "Ya"),
              arrow(s3, s2), label(4.05, 2.75, "Tidak"), arrow(s4, s5, glued=False, nudge=0.1)]
    return doc, shapes


def test_good_flow_gives_markers_order_and_branches():
    doc, shapes = good_flow()
    assert apply_shapes(doc, shapes) == []
    steps = doc.steps
    assert [(s.actors, s.symbol) for s in steps] == [
        (["Pemohon"], "terminator"), (["Staf"], "process"), (["Staf"], "decision"),
        (["Kepala Bagian"], "process"), (["Kepala Bagian"], "terminator")]
    assert [(m.text, m.cell, m.source) for s in steps for m in s.markers] == [
        ("Mulai", "C3", "shape"), ("Memeriksa", "D4", "shape"), ("Lengkap?", "D5", "shape"),
        ("flowChartProcess", "E6", "shape"), ("Selesai", "E7", "shape")]
    assert [s.next_steps for s in steps] == [[1], [2], [1, 3], [4], []]
    assert steps[2].branches == [Branch("Ya", "4", "D6", "shape"), Branch("Tidak", "2", "C5", "shape")]


def test_flow_read_from_a_real_workbook(tmp_path):
    shapes = read(tmp_path, flowchart().xml())
    doc = make_doc(5)
    assert apply_shapes(doc, shapes) == []
    steps = doc.steps
    assert [s.symbol for s in steps] == ["terminator", "process", "decision", "process", "terminator"]
    assert [s.next_steps for s in steps] == [[1], [2], [1, 3], [4], []]
    assert steps[2].branches == [Branch("Ya", "4", "D6", "shape"), Branch("Tidak", "2", "C5", "shape")]


def test_typed_marker_wins_over_a_different_shape():
    doc = make_doc(3)
    s1, s2, s3 = doc.steps
    s1.markers.append(Marker("Pemohon", "terminator", "Mulai", "C3"))  # same symbol: no duplicate
    s2.markers.append(Marker("Staf", "process", "Proses", "D4"))  # drawn as a decision
    s3.markers.append(Marker("Staf", "generic", "√", "D5"))  # a tick says no symbol
    hits = apply_shapes(doc, [box(2, 2, "terminator"), box(3, 3, "decision"), box(4, 3, "terminator")])
    assert found(hits) == [["gambar-beda-simbol", "D4"]]
    assert [[(m.symbol, m.source) for m in s.markers] for s in doc.steps] == [
        [("terminator", "cell")], [("process", "cell")], [("generic", "cell"), ("terminator", "shape")]]
    message, _ = render(hits[0].code, hits[0].params)
    assert message == ('Isi sel pelaksana Staf ("Proses") menunjuk simbol kotak (proses), tetapi bentuk '
                       "yang digambar di atasnya adalah belah ketupat (keputusan).")
    assert render(hits[0].code, hits[0].params, "en")[0] == (
        'The cell of role Staf ("Proses") names a process box, but the shape drawn over it is a '
        "decision diamond.")


def test_shapes_without_arrows_run_no_flow_rules():
    doc = make_doc(3)
    hits = apply_shapes(doc, [box(2, 2, "terminator"), box(3, 3, "decision"), box(4, 4, "process")])
    assert hits == []
    assert [s.next_steps for s in doc.steps] == [[], [], []]


def test_broken_flow_unreachable_one_branch_and_jump():
    """1 -> 2 -> 3? (only "Ya" labelled) -> 4 -> 6 (jumping over 5); 5 has no arrow in."""
    doc = make_doc(6)
    s = [box(2, 2, "terminator"), box(3, 3, "process"), box(4, 3, "decision"), box(5, 4, "process"),
         box(6, 3, "process"), box(7, 4, "terminator")]
    shapes = [*s, arrow(s[0], s[1]), arrow(s[1], s[2]), arrow(s[2], s[3]), label(4.85, 3.55, "Ya"),
              arrow(s[2], s[1]), arrow(s[3], s[5]), arrow(s[4], s[5])]
    hits = apply_shapes(doc, shapes)
    assert found(hits) == [["alur-langkah-tak-terjangkau", "D7"], ["alur-keputusan-kurang-cabang", "D5"],
                           ["alur-lompat-tanpa-keputusan", "E6"]]
    assert [h.params for h in hits] == [{"nomor": "5", "kegiatan": "Kegiatan 5"},
                                        {"nomor": "3", "jumlah": 1}, {"nomor": "4", "ke": "6"}]
    assert render(hits[2].code, hits[2].params)[0] == (
        "Panah dari langkah 4 melompat ke langkah 6 melewati langkah di antaranya, padahal langkah 4 "
        "bukan keputusan.")


def test_flow_that_stops_before_the_end():
    doc = make_doc(4)
    s = [box(2, 2, "terminator"), box(3, 3, "process"), box(4, 3, "process"), box(5, 4, "terminator")]
    hits = apply_shapes(doc, [*s, arrow(s[0], s[1]), arrow(s[1], s[2])])
    assert found(hits) == [["alur-langkah-tak-terjangkau", "E6"], ["alur-tidak-sampai-akhir", "D5"]]
    assert hits[1].params == {"nomor": "3", "akhir": "4"}


def test_unglued_ends_meet_the_nearest_symbol_or_a_typed_cell():
    doc = make_doc(3)
    doc.steps[2].markers.append(Marker("Staf", "terminator", "Selesai", "D5"))  # typed, not drawn
    a, b = box(2, 2, "terminator"), box(3, 3, "process")
    into_cell = Shape(900, "arrow", "connector", "line", 3.8, 3.5, 4.3, 3.5)  # from b into D5
    far = Shape(901, "arrow", "connector", "line", 9.0, 7.0, 9.5, 7.0)  # nowhere near the matrix
    hits = apply_shapes(doc, [a, b, arrow(a, b, glued=False, nudge=0.3), into_cell, far])
    assert hits == []
    assert [s.next_steps for s in doc.steps] == [[1], [2], []]


def test_offpage_connectors_with_one_label_join_the_pages():
    """Step 2 ends a printed page at an off-page connector "A" on a row with no step; the
    next page starts with "A" and goes on to step 3 (a new section, its header repeated)."""
    doc = make_doc(3, sections=(3,))
    assert [s.row for s in doc.steps] == [2, 3, 6]
    s1, s2, s3 = box(2, 2, "terminator"), box(3, 3, "process"), box(6, 4, "terminator")
    out_a = Shape(50, "off", "offpage", "flowChartOffpageConnector", 4.6, 3.3, 4.9, 3.7, "A")
    in_a = Shape(51, "off", "offpage", "flowChartOffpageConnector", 5.0, 4.3, 5.3, 4.7, "A")
    shapes = [s1, s2, s3, out_a, in_a, arrow(s1, s2), arrow(s2, out_a), arrow(in_a, s3)]
    assert apply_shapes(doc, shapes) == []
    assert [s.next_steps for s in doc.steps] == [[1], [2], []]


def test_connector_text_is_a_branch_label():
    doc = make_doc(4)
    s = [box(2, 2, "terminator"), box(3, 3, "decision"), box(4, 3, "process"), box(5, 4, "terminator")]
    shapes = [*s, arrow(s[0], s[1]), arrow(s[1], s[2], text="Dalam kota"),
              arrow(s[1], s[3], text="Luar kota"), arrow(s[2], s[3])]
    assert apply_shapes(doc, shapes) == []
    assert doc.steps[1].branches == [Branch("Dalam kota", "3", "D4", "shape"),
                                     Branch("Luar kota", "4", "D4", "shape")]


def test_shapes_drawn_by_sopxl_are_left_out_unless_asked():
    doc = make_doc(2)
    a, b = box(2, 2, "terminator", sopxl=True), box(3, 3, "terminator", sopxl=True)
    link = arrow(a, b)
    link.drawn_by_sopxl = True
    assert apply_shapes(doc, [a, b, link]) == []
    assert [s.markers for s in doc.steps] == [[], []]
    assert apply_shapes(doc, [a, b, link], include_sopxl=True) == []
    assert [s.actors for s in doc.steps] == [["Pemohon"], ["Staf"]]
    assert doc.steps[0].next_steps == [1]


def test_shapes_outside_steps_and_roles_are_not_markers():
    doc = make_doc(2)
    header = box(0, 2, "process")  # over the header row
    kegiatan = box(2, 1, "process")  # over the Kegiatan column
    below = box(12, 3, "process")  # far below the last step
    assert apply_shapes(doc, [header, kegiatan, below]) == []
    assert [s.markers for s in doc.steps] == [[], []]


# -- the whole path: workbook -> grid -> document --------------------------------------------


def parsed(tmp_path, sketch: Sketch):
    from sopxl.config import default_config
    from sopxl.parse import parse_sheet
    from sopxl.parse.vocab import build_vocab
    from sopxl.read.xlsx import read_workbook

    kegiatan = ["Mengajukan permohonan", "Memeriksa berkas", "Berkas lengkap?", "Memproses", "Selesai"]
    path = write_workbook(tmp_path / "sop.xlsx", sop_cells(kegiatan), SOP_LAYOUT,
                          merges=["C1:E1", "F1:H1"])
    add_drawing(path, sketch.xml())
    (grid,) = read_workbook(path).sheets
    doc, hits, _ = parse_sheet(grid, build_vocab(default_config()))
    return doc, hits


def test_drawn_sop_read_end_to_end(tmp_path):
    doc, hits = parsed(tmp_path, flowchart())
    assert hits == []
    assert [(s.number.value, s.actors, s.symbol, s.next_steps) for s in doc.steps] == [
        ("1", ["Pemohon"], "terminator", [1]), ("2", ["Staf"], "process", [2]),
        ("3", ["Staf"], "decision", [1, 3]), ("4", ["Kepala Bagian"], "process", [4]),
        ("5", ["Kepala Bagian"], "terminator", [])]
    assert doc.steps[2].branches == [Branch("Ya", "4", "D6", "shape"), Branch("Tidak", "2", "C5", "shape")]


def test_drawn_sop_with_a_missing_arrow_end_to_end(tmp_path):
    sk = Sketch(SOP_LAYOUT)
    a = sk.shape(2, 2, "flowChartTerminator", "Mulai")
    b = sk.shape(3, 3, "flowChartProcess")
    c = sk.shape(4, 3, "flowChartDecision")
    d = sk.shape(5, 4, "flowChartProcess")
    sk.shape(6, 4, "flowChartTerminator", "Selesai")
    sk.connect(a, b)
    sk.connect(b, c)
    sk.connect(c, d, label="Ya")
    _, hits = parsed(tmp_path, sk)
    assert found(hits) == [["alur-langkah-tak-terjangkau", "E7"], ["alur-tidak-sampai-akhir", "E6"],
                           ["alur-keputusan-kurang-cabang", "D5"]]
