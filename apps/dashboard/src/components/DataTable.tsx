import {
  type ColumnDef,
  createSortedRowModel,
  type Row,
  type RowData,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { DisclosureMode } from "../api/types";
import type { Cell, CountUnit } from "../lib/cells";
import { t } from "../lib/i18n";
import { compareSortValues } from "../lib/sorting";
import { disclosureText } from "./DisclosureNote";
import { ExportButtons } from "./ExportButtons";
import { RouteLink } from "./RouteLink";

export interface Column<R> {
  readonly id: string;
  readonly header: string;
  readonly cell: (row: R) => Cell;
}

interface Props<R> {
  readonly caption: string;
  /** What a derived column means (a rate, its rule): said in the caption and in the export. */
  readonly explanation?: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  /** The API's k, for the note on ".."; none for a list of cases, where nothing is suppressed. */
  readonly k?: number;
  /**
   * How the API published the counts: said in the export, so that a file read away from the
   * page says so too (the page says it once, above its figures: DisclosureNote).
   */
  readonly disclosure?: DisclosureMode;
  readonly asOf?: string;
  /** What the counts count, for the sentences on ".." and on the disclosure: cases by default. */
  readonly unit?: CountUnit;
  readonly initialSort?: { id: string; descending: boolean };
  readonly heat?: (row: R, columnId: string) => number | null;
}

// Sorting is the only feature these tables use; the rest of TanStack Table stays out of the bundle.
const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
type Features = typeof features;

/**
 * A captioned, sortable table: the accessible alternative to a chart and the source of its
 * export. The caption says what ".." means, since the title tooltip is not reachable by keyboard.
 * The first column names the row, so it is a row header for screen readers. TanStack Table
 * keeps the sort; the markup, and so its accessibility, is ours.
 */
export function DataTable<R extends RowData>(props: Props<R>) {
  const [sorting, setSorting] = useState<SortingState>(() =>
    props.initialSort === undefined
      ? []
      : [{ id: props.initialSort.id, desc: props.initialSort.descending }],
  );
  const columnDefs = useMemo(() => props.columns.map(toColumnDef), [props.columns]);
  const table = useTable({
    features,
    columns: columnDefs,
    // TanStack Table wants a mutable array; it never writes to it.
    data: props.rows as R[],
    getRowId: (row) => props.rowKey(row),
    state: { sorting },
    onSortingChange: setSorting,
    // A click flips between descending and ascending; there is no unsorted third state.
    enableSortingRemoval: false,
    enableMultiSort: false,
  });
  const sorted = table.getRowModel().rows.map((row) => row.original);
  const withheldNote =
    props.k === undefined
      ? undefined
      : t(props.unit === "notes" ? "table.withheld_note_notes" : "table.withheld_note", {
          k: props.k,
        });
  const exportTable = {
    columns: props.columns.map((c) => c.header),
    rows: sorted.map((r) => props.columns.map((c) => c.cell(r).export)),
    notes: [
      ...(props.explanation === undefined ? [] : [props.explanation]),
      ...(withheldNote === undefined ? [] : [withheldNote]),
      ...(props.k === undefined || props.disclosure === undefined
        ? []
        : [disclosureText({ k: props.k, disclosure: props.disclosure }, props.unit)]),
    ],
  };
  return (
    <div className="table-block">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section className="table-scroll" aria-label={props.caption} tabIndex={0}>
        <table>
          <caption>
            {props.caption}
            <span className="caption-note">
              {props.explanation !== undefined && `${props.explanation} `}
              {withheldNote}
              {props.asOf !== undefined && ` ${t("table.as_of", { date: props.asOf })}`}
            </span>
          </caption>
          <thead>
            <tr>
              {props.columns.map((c) => {
                const column = table.getColumn(c.id);
                return (
                  <SortableHeader
                    key={c.id}
                    header={c.header}
                    sorted={column?.getIsSorted() ?? false}
                    onSort={() => column?.toggleSorting()}
                  />
                );
              })}
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
      <ExportButtons title={props.caption} table={exportTable} />
    </div>
  );
}

/**
 * A column as TanStack Table sorts it: by the cell's sort value, unknown ("..") as undefined so
 * that `sortUndefined: "last"` keeps it at the bottom in both directions. Numbers start
 * descending (most first), names ascending (TanStack's auto direction).
 */
function toColumnDef<R extends RowData>(column: Column<R>): ColumnDef<Features, R> {
  return {
    id: column.id,
    header: column.header,
    accessorFn: (row: R) => column.cell(row).sort ?? undefined,
    sortUndefined: "last",
    sortFn: (a: Row<Features, R>, b: Row<Features, R>, id: string) =>
      compareSortValues(a.getValue<number | string>(id), b.getValue<number | string>(id)),
  };
}

function SortableHeader(props: {
  header: string;
  sorted: false | "asc" | "desc";
  onSort: () => void;
}) {
  const ariaSort =
    props.sorted === false ? "none" : props.sorted === "desc" ? "descending" : "ascending";
  const arrow = props.sorted === false ? " ↕" : props.sorted === "desc" ? " ▼" : " ▲";
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort" onClick={props.onSort}>
        {props.header}
        <span aria-hidden="true">{arrow}</span>
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
  const text = cell.title === undefined ? cell.text : <abbr title={cell.title}>{cell.text}</abbr>;
  const content = cell.href === undefined ? text : <RouteLink href={cell.href}>{text}</RouteLink>;
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
