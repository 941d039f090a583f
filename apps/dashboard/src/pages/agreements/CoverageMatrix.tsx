import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import type { Coverage, CoverageCell } from "../../api/agreements";
import type { Catalogues } from "../../api/types";
import { ExportButtons } from "../../components/ExportButtons";
import { RouteLink } from "../../components/RouteLink";
import { t } from "../../lib/i18n";
import { nameOf } from "../../lib/names";
import { coverageRows, coverageText, gapCount } from "./agreements";

/**
 * Coverage of every kommun × statutory målgrupp as a table that is its own accessible
 * alternative: a gap reads "Saknas" with a mark, not only in colour. Activating a cell names the
 * agreements that cover it, or (lan, admin) offers to create one for that kommun and målgrupp.
 */
export function CoverageMatrix(props: {
  coverage: Coverage;
  catalogues: Catalogues;
  /** Titles of the agreements the user may read, by id. */
  titles: ReadonlyMap<string, string>;
  mayWrite: boolean;
}) {
  const { coverage, catalogues } = props;
  const rows = coverageRows(coverage, catalogues);
  const groups = coverage.targetGroups.map((code) => ({
    code,
    name: nameOf(catalogues, "targetGroup", code),
  }));
  const [chosen, setChosen] = useState<CoverageCell | null>(null);
  const caption = t("agreements.coverage.caption", { date: coverage.asOf });
  const isChosen = (cell: CoverageCell) =>
    chosen?.municipality === cell.municipality && chosen.targetGroup === cell.targetGroup;
  // The chosen cell as the API has it now (a write may have closed the gap since).
  const current =
    chosen === null
      ? null
      : (coverage.cells.find(
          (c) => c.municipality === chosen.municipality && c.targetGroup === chosen.targetGroup,
        ) ?? chosen);

  return (
    <div className="coverage">
      <p className="coverage-summary">
        {t("agreements.coverage.summary", {
          gaps: gapCount(coverage),
          cells: coverage.cells.length,
        })}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section className="table-scroll" aria-label={caption} tabIndex={0}>
        <table className="coverage-matrix">
          <caption>
            {caption}
            <span className="caption-note">{t("agreements.coverage.note")}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("agreements.coverage.row_header")}</th>
              {groups.map((g) => (
                <th scope="col" key={g.code}>
                  {g.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.municipality}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, i) => (
                  <td
                    key={cell.targetGroup}
                    className={cell.covered ? "coverage-covered" : "coverage-gap"}
                  >
                    <button
                      type="button"
                      aria-pressed={isChosen(cell)}
                      aria-label={t("agreements.coverage.cell_label", {
                        municipality: row.name,
                        targetGroup: groups[i]?.name ?? cell.targetGroup,
                        state: coverageText(cell),
                      })}
                      onClick={() => setChosen(isChosen(cell) ? null : cell)}
                    >
                      <span aria-hidden="true">{cell.covered ? "✓ " : "✗ "}</span>
                      {coverageText(cell)}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ExportButtons
        title={t("agreements.coverage.export_title")}
        filters={t("filter.none")}
        table={{
          columns: [t("agreements.coverage.row_header"), ...groups.map((g) => g.name)],
          rows: rows.map((r) => [r.name, ...r.cells.map(coverageText)]),
          notes: [caption, t("agreements.coverage.note")],
        }}
      />
      {current !== null && (
        <ChosenCell
          cell={current}
          municipality={nameOf(catalogues, "municipality", current.municipality)}
          targetGroup={nameOf(catalogues, "targetGroup", current.targetGroup)}
          titles={props.titles}
          mayWrite={props.mayWrite}
          onClose={() => setChosen(null)}
        />
      )}
    </div>
  );
}

/** What a chosen cell holds; it takes the focus, so that a keyboard user lands on it. */
function ChosenCell(props: {
  cell: CoverageCell;
  municipality: string;
  targetGroup: string;
  titles: ReadonlyMap<string, string>;
  mayWrite: boolean;
  onClose: () => void;
}) {
  const { cell } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const key = `${cell.municipality}|${cell.targetGroup}`;
  // Focus moves when another cell is chosen (`key` names it).
  useEffect(() => heading.current?.focus(), [key]);
  const names = { municipality: props.municipality, targetGroup: props.targetGroup };
  return (
    <section className="coverage-chosen" aria-labelledby="coverage-chosen-heading">
      <h3 id="coverage-chosen-heading" ref={heading} tabIndex={-1}>
        {t("agreements.coverage.chosen_heading", names)}
      </h3>
      {cell.covered && cell.agreements.length > 0 && (
        <>
          <p>{t("agreements.coverage.chosen_covered")}</p>
          <ul>
            {cell.agreements.map((id) => (
              <li key={id}>
                <RouteLink href={`/overenskommelser/${id}`}>{props.titles.get(id) ?? id}</RouteLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {cell.covered && cell.agreements.length === 0 && (
        <p>{t("agreements.coverage.chosen_hidden")}</p>
      )}
      {!cell.covered && <p>{t("agreements.coverage.chosen_gap")}</p>}
      <p className="coverage-chosen-actions">
        {!cell.covered && props.mayWrite && (
          <Link
            to="/overenskommelser/ny"
            search={{ municipality: [cell.municipality], targetGroup: [cell.targetGroup] }}
            className="button-link"
          >
            {t("agreements.coverage.create", names)}
          </Link>
        )}
        <button type="button" onClick={props.onClose}>
          {t("agreements.coverage.close")}
        </button>
      </p>
    </section>
  );
}
