"""Tables in a notebook: HTML, a readable repr, the package's public names."""

from __future__ import annotations


def test_tables_show_as_html_in_a_notebook_and_say_what_they_hold() -> None:
    import agreement_nlp
    from agreement_nlp.tables.frames import Tables

    tables = Tables.empty()
    html = tables._repr_html_()
    assert html.startswith("<p><b>Tables</b>: 0 articles")
    assert all(f"<summary>{name} (0 rows)</summary>" in html for name in tables)
    assert repr(tables) == f"Tables({tables.summary()})"
    assert dir(agreement_nlp) == sorted(agreement_nlp.__all__)
