import { useMemo } from "react";
import type { DisclosureMode } from "../api/types";
import { type Cell, countCell, linkCell, textCell } from "../lib/cells";
import { type Column, DataTable } from "./DataTable";

export interface Axis {
  readonly key: string;
  readonly label: string;
  /** A row's drill-down: its name links to the related page filtered to it. */
  readonly href?: string;
}

export interface MatrixValue {
  readonly count: number | null;
  readonly suppressed: boolean;
}

/** More columns than this do not fit across portrait A4 in print. */
const wideFrom = 5;

/**
 * A count per (row, column) as a heat-shaded table: the heatmap and its accessible table are
 * the same element. Missing cells are true zeros (the API leaves out count 0).
 */
export function MatrixTable(props: {
  caption: string;
  rowHeader: string;
  rows: readonly Axis[];
  columns: readonly Axis[];
  value: (row: string, column: string) => MatrixValue | undefined;
  mark?: (row: string, column: string) => string | null;
  /** Cells that cannot hold a figure (a unit with itself): shown as a dash, not as 0. */
  undefinedCell?: (row: string, column: string) => boolean;
  k: number;
  disclosure: DisclosureMode;
  asOf: string;
}) {
  const { value, mark, undefinedCell, k } = props;
  const max = useMemo(() => {
    let m = 0;
    for (const r of props.rows)
      for (const c of props.columns) m = Math.max(m, value(r.key, c.key)?.count ?? 0);
    return m;
  }, [props.rows, props.columns, value]);
  const columns: Column<Axis>[] = useMemo(
    () => [
      { id: "row", header: props.rowHeader, cell: (r: Axis) => linkCell(r.label, r.href) },
      ...props.columns.map(
        (c): Column<Axis> => ({
          id: c.key,
          header: c.label,
          cell: (r: Axis) =>
            undefinedCell?.(r.key, c.key)
              ? { ...textCell("–", null), numeric: true }
              : matrixCell(value(r.key, c.key), k, mark?.(r.key, c.key) ?? null),
        }),
      ),
    ],
    [props.rowHeader, props.columns, value, mark, undefinedCell, k],
  );
  // A matrix of many columns is printed on landscape A4 (styles.css), where it fits.
  return (
    <div className={props.columns.length > wideFrom ? "matrix matrix-wide" : "matrix"}>
      <DataTable
        caption={props.caption}
        columns={columns}
        rows={props.rows}
        rowKey={(r) => r.key}
        k={k}
        disclosure={props.disclosure}
        asOf={props.asOf}
        heat={(r, columnId) => {
          if (columnId === "row" || max === 0) return null;
          const v = value(r.key, columnId);
          return v === undefined || v.suppressed || v.count === null ? null : v.count / max;
        }}
      />
    </div>
  );
}

function matrixCell(v: MatrixValue | undefined, k: number, marker: string | null): Cell {
  const cell = v === undefined ? countCell(0, false, k) : countCell(v.count, v.suppressed, k);
  return marker === null ? cell : { ...cell, text: `${cell.text} ${marker}` };
}
