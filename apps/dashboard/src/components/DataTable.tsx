import { useMemo, useState } from "react";
import type { Cell } from "../lib/cells";
import { t } from "../lib/i18n";
import { ExportButtons } from "./ExportButtons";

export interface Column<R> {
  readonly id: string;
  readonly header: string;
  readonly cell: (row: R) => Cell;
}

interface Props<R> {
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  readonly k: number;
  readonly asOf?: string;
  readonly initialSort?: { id: string; descending: boolean };
  readonly heat?: (row: R, columnId: string) => number | null;
}

type Sort = { id: string; descending: boolean } | null;

/**
 * A captioned, sortable table: the accessible alternative to a chart and the source of its
 * export. The caption says what "<k" means, since the title tooltip is not reachable by keyboard.
 * The first column names the row, so it is a row header for screen readers.
 */
export function DataTable<R>(props: Props<R>) {
  const [sort, setSort] = useState<Sort>(props.initialSort ?? null);
  const sorted = useMemo(
    () => sortRows(props.rows, props.columns, sort),
    [props.rows, props.columns, sort],
  );
  const exportTable = {
    columns: props.columns.map((c) => c.header),
    rows: sorted.map((r) => props.columns.map((c) => c.cell(r).export)),
  };
  return (
    <div className="table-block">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section className="table-scroll" aria-label={props.caption} tabIndex={0}>
        <table>
          <caption>
            {props.caption}
            <span className="caption-note">
              {t("table.suppressed_note", { k: props.k })}
              {props.asOf !== undefined && ` ${t("table.as_of", { date: props.asOf })}`}
            </span>
          </caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <SortableHeader key={c.id} column={c} sort={sort} onSort={setSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={props.rowKey(row)}>
                {props.columns.map((c, i) => (
                  <TableCell
                    key={c.id}
                    cell={c.cell(row)}
                    header={i === 0}
                    heat={props.heat?.(row, c.id) ?? null}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ExportButtons
        title={props.caption}
        table={{ ...exportTable, note: t("table.suppressed_note", { k: props.k }) }}
      />
    </div>
  );
}

function SortableHeader<R>(props: { column: Column<R>; sort: Sort; onSort: (s: Sort) => void }) {
  const active = props.sort?.id === props.column.id;
  const descending = active && props.sort?.descending === true;
  const ariaSort = active ? (descending ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort"
        onClick={() =>
          props.onSort({ id: props.column.id, descending: active ? !descending : true })
        }
      >
        {props.column.header}
        <span aria-hidden="true">{active ? (descending ? " ▼" : " ▲") : " ↕"}</span>
      </button>
    </th>
  );
}

function TableCell(props: { cell: Cell; header: boolean; heat: number | null }) {
  const { cell } = props;
  const classes = [
    cell.numeric ? "num" : null,
    props.heat === null ? null : `heat-${heatLevel(props.heat)}`,
    cell.title === undefined ? null : "suppressed",
  ].filter((c) => c !== null);
  const className = classes.length === 0 ? undefined : classes.join(" ");
  const content =
    cell.title === undefined ? cell.text : <abbr title={cell.title}>{cell.text}</abbr>;
  return props.header ? (
    <th scope="row" className={className}>
      {content}
    </th>
  ) : (
    <td className={className}>{content}</td>
  );
}

/** Five shades, each with a text colour that keeps 4.5:1 contrast (see styles.css). */
export function heatLevel(share: number): number {
  return Math.min(4, Math.max(0, Math.floor(share * 5)));
}

function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: Sort): readonly R[] {
  const column = columns.find((c) => c.id === sort?.id);
  if (sort === null || column === undefined) return rows;
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = column.cell(a).sort;
    const y = column.cell(b).sort;
    if (typeof x === "number" && typeof y === "number") return (x - y) * direction;
    return String(x).localeCompare(String(y), "sv") * direction;
  });
}
