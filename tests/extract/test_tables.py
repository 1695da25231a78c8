"""Tables printed as text: cells split by pipes or wide gaps, under a header row."""

from __future__ import annotations

from analysis.extract.tables import Cells, table_cells

PIPES = (
    "VICTIMS BY PROVINCE, MAY 2023\n"
    "\n"
    "Province   | Dead | Hurt\n"
    "-----------|------|-----\n"
    "Westmarch  | 4    | 19\n"
    "Total      | 4    | 19\n"
)


def test_cells_of_a_pipe_table_know_their_column_row_and_title() -> None:
    cells = table_cells(PIPES)
    assert [(PIPES[c.start : c.end], c.column, c.row) for c in cells] == [
        ("4", "Dead", "Westmarch"),
        ("19", "Hurt", "Westmarch"),
        ("4", "Dead", "Total"),
        ("19", "Hurt", "Total"),
    ]
    assert {c.title for c in cells} == {"VICTIMS BY PROVINCE, MAY 2023"}


def test_columns_split_by_wide_gaps_and_a_header_without_a_label() -> None:
    text = (
        "Mines removed\n\n            Anti-tank   Anti-personnel\nNorthvale   310         1,250\n"
    )
    assert [(text[c.start : c.end], c.column, c.row) for c in table_cells(text)] == [
        ("310", "Anti-tank", "Northvale"),
        ("1,250", "Anti-personnel", "Northvale"),
    ]


def test_prose_and_lists_are_no_tables() -> None:
    prose = (
        "The team found 40 mines.  It then moved on.\nAnother 12 were found later.  Work goes on.\n"
    )
    assert table_cells(prose) == []  # no header row without digits
    assert table_cells("- Kharkiv: 112\n- Kherson: 95\n") == []


def test_a_cell_is_found_by_any_offset_inside_it() -> None:
    cells = Cells(PIPES)
    at = PIPES.index("19")
    assert cells.at(at).row == "Westmarch"
    assert cells.at(at + 1).column == "Hurt"
    assert cells.at(PIPES.index("Westmarch")) is None
    assert cells.within(0, len(PIPES)) and not cells.within(0, PIPES.index("Province"))


NOTED = (
    "Table 4.2  Land released by region, 2023\n\n"
    "Region          Hectares (a)     Items found\n"
    "Upland (b)           310.5              77\n"
    "Coast                 92.0              15\n\n"
    "Table 4.3  Teams by year\n\n"
    "Unit            2022     2023\n"
    "Manual            14       19\n"
)


def test_notes_markers_and_titles_with_gaps_do_not_hide_a_table() -> None:
    cells = table_cells(NOTED)
    first = cells[0]
    assert (NOTED[first.start : first.end], first.column, first.row) == (
        "310.5",
        "Hectares",  # not "Hectares (a)": the note's marker is no part of the name
        "Upland",
    )
    assert first.title == "Table 4.2  Land released by region, 2023"
    assert first.headers == ("Hectares", "Items found")


def test_a_header_of_years_heads_a_table() -> None:
    cells = table_cells(NOTED)
    assert [(c.column, c.row) for c in cells[-2:]] == [("2022", "Manual"), ("2023", "Manual")]


def test_a_header_of_targets_and_results_and_a_long_row_label_between_pipes() -> None:
    text = (
        "Indicator | Target 2021 | Result 2021\n"
        "Survivors given rehabilitation, a wheelchair or a small grant | 80 | 94\n"
    )
    cells = table_cells(text)
    assert [(text[c.start : c.end], c.column) for c in cells] == [
        ("80", "Target 2021"),
        ("94", "Result 2021"),
    ]
