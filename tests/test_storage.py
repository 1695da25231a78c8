from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import storage as io


def test_failed_write_keeps_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), io.atomic_path(target) as tmp:
        tmp.write_text("half a ta")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_successful_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "claims.csv"
    with io.atomic_path(target) as tmp:
        tmp.write_text("new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in target.parent.iterdir()] == ["claims.csv"]


TABLE = pd.DataFrame(
    {"a": [1.5, None, 3345.0, 7.0, 0.1], "b": ["x", None, 'z,"q"', "é", "last"]}
).astype({"b": "str"})


def _append(folder: Path, chunks: list[pd.DataFrame], row_group_rows: int = 2) -> Path:
    folder.mkdir()
    with io.TableAppender(
        folder / "t.csv", folder / "t.parquet", TABLE.iloc[:0], row_group_rows
    ) as appender:
        for chunk in chunks:
            appender.append(chunk)
    assert appender.rows == sum(len(c) for c in chunks)
    return folder


def test_appended_chunks_equal_one_write_whatever_the_chunking(tmp_path: Path) -> None:
    whole = _append(tmp_path / "whole", [TABLE])
    pieces = _append(tmp_path / "pieces", [TABLE.iloc[:1], TABLE.iloc[1:1], TABLE.iloc[1:]])
    assert (whole / "t.csv").read_text() == io.csv_text(TABLE)
    assert "\r" not in io.csv_text(TABLE)
    for name in ("t.csv", "t.parquet"):
        assert (whole / name).read_bytes() == (pieces / name).read_bytes()
    import pyarrow.parquet as pq

    assert pq.ParquetFile(whole / "t.parquet").metadata.num_row_groups == 3
    pd.testing.assert_frame_equal(pd.read_parquet(whole / "t.parquet"), TABLE)


def test_an_empty_table_still_has_its_header_and_schema(tmp_path: Path) -> None:
    folder = _append(tmp_path / "empty", [])
    assert (folder / "t.csv").read_text() == "a,b\n"
    read = pd.read_parquet(folder / "t.parquet")
    assert list(read.columns) == ["a", "b"] and read.empty


def test_a_chunk_with_other_columns_is_refused(tmp_path: Path) -> None:
    with (
        pytest.raises(ValueError, match="differ"),
        io.TableAppender(tmp_path / "t.csv", tmp_path / "t.parquet", TABLE.iloc[:0]) as appender,
    ):
        appender.append(TABLE[["b", "a"]])


def test_load_tables_refuses_a_folder_without_tables(tmp_path) -> None:
    from analysis.errors import TablesError
    from analysis.storage import load_tables

    with pytest.raises(TablesError, match=r"no tables here.*make tables"):
        load_tables(tmp_path)


def test_tables_older_than_their_corpus_are_refused_with_how_to_rebuild(
    corpus_copy, tmp_path
) -> None:
    from analysis.errors import TablesError
    from analysis.pipeline import extract
    from analysis.storage import load_tables, stale_reason

    out = tmp_path / "tables"
    extract(corpus_copy, out, progress=lambda _: None)
    assert stale_reason(out) is None
    assert len(load_tables(out).claims) > 0
    statement = sorted((corpus_copy / "statements").iterdir())[0]
    statement.write_bytes(statement.read_bytes() + b"\nA late line.\n")
    assert "changed" in stale_reason(out)
    with pytest.raises(TablesError, match=r"out of date.*analysis extract"):
        load_tables(out)
    assert len(load_tables(out, check_corpus=False).claims) > 0


def test_a_table_that_breaks_its_model_is_refused_naming_the_file(corpus_copy, tmp_path) -> None:
    from analysis.errors import TablesError
    from analysis.pipeline import extract
    from analysis.storage import load_tables

    out = tmp_path / "tables"
    extract(corpus_copy, out, progress=lambda _: None)
    claims = out / "claims.csv"
    claims.write_text(claims.read_text().replace(",casualties,", ",deaths,", 1))
    with pytest.raises(TablesError, match=r"claims\.csv: does not match the claims table"):
        load_tables(out)


def _validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the tables validated from now on (pandera's schema checks, counted)."""
    from pandera.api.pandas.container import DataFrameSchema

    seen: list[str] = []
    validate = DataFrameSchema.validate

    def counting(schema, *args, **kwargs):
        seen.append(schema.name)
        return validate(schema, *args, **kwargs)

    monkeypatch.setattr(DataFrameSchema, "validate", counting)
    return seen


@pytest.fixture
def written_tables(corpus_copy: Path, tmp_path: Path) -> Path:
    from analysis.pipeline import extract

    out = tmp_path / "tables"
    extract(corpus_copy, out, progress=lambda _: None)
    return out


def test_the_datapackage_records_each_table_s_hash_as_written(written_tables: Path) -> None:
    import hashlib
    import json

    package = json.loads((written_tables / "datapackage.json").read_text())
    assert package["x_contract"] == io.contract_checksum()
    for resource in package["resources"]:
        data = (written_tables / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"


def test_tables_written_validated_are_read_without_validating_again(
    written_tables: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.storage import TABLE_MODELS, load_tables

    validations = _validations(monkeypatch)
    proven = load_tables(written_tables, check_corpus=False)
    assert validations == []
    package = written_tables / "datapackage.json"
    package.write_text(package.read_text().replace('"x_contract"', '"x_other"'))
    checked = load_tables(written_tables, check_corpus=False)
    # Models other than the ones the tables were validated with: every table is validated.
    assert sorted(validations) == sorted(TABLE_MODELS)
    for name in TABLE_MODELS:  # the same frames, dtypes included, either way
        pd.testing.assert_frame_equal(getattr(proven, name), getattr(checked, name))


def test_a_table_whose_bytes_are_not_the_ones_written_is_validated(
    written_tables: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.storage import load_tables

    findings = written_tables / "findings.csv"
    findings.write_text(findings.read_text() + "\n")  # same rows, other bytes
    validations = _validations(monkeypatch)
    load_tables(written_tables, check_corpus=False)
    assert validations == ["findings"]


def test_a_matching_hash_is_what_skips_validation(
    written_tables: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A broken table whose recorded hash is made to match is read as it is: the hash, not
    # the content, decides. Without the hash it is refused.
    import hashlib
    import json

    from analysis.errors import TablesError
    from analysis.storage import load_tables

    claims = written_tables / "claims.csv"
    claims.write_text(claims.read_text().replace(",casualties,", ",deaths,", 1))
    path = written_tables / "datapackage.json"
    package = json.loads(path.read_text())
    resource = next(r for r in package["resources"] if r["name"] == "claims")
    resource["hash"] = f"sha256:{hashlib.sha256(claims.read_bytes()).hexdigest()}"
    path.write_text(json.dumps(package))
    assert "deaths" in set(load_tables(written_tables, check_corpus=False).claims["metric"])
    del resource["hash"]
    path.write_text(json.dumps(package))
    with pytest.raises(TablesError, match=r"claims\.csv: does not match the claims table"):
        load_tables(written_tables, check_corpus=False)


def test_the_appender_hashes_the_csv_it_writes(tmp_path: Path) -> None:
    import hashlib

    folder = _append(tmp_path / "t", [TABLE.iloc[:2], TABLE.iloc[2:]])
    with io.TableAppender(tmp_path / "u.csv", tmp_path / "u.parquet", TABLE.iloc[:0]) as appender:
        appender.append(TABLE)
    assert appender.csv_sha256 == hashlib.sha256((folder / "t.csv").read_bytes()).hexdigest()
