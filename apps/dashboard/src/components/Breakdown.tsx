import type { ReactNode } from "react";
import { mostlyWithheld } from "../lib/chart-data";
import { t } from "../lib/i18n";

/**
 * A breakdown's chart and table side by side; when most of its cells are withheld, a sentence
 * saying so and the coarser figure that can be published take the chart's place, since empty
 * axes would say nothing (the table stays: it shows what there is, and its links).
 */
export function Breakdown(props: {
  withheld: readonly boolean[];
  chart: ReactNode;
  table: ReactNode;
  coarser?: ReactNode;
  /** A table too wide to share the row with its chart: the chart above it, both full width. */
  wide?: boolean;
}) {
  const className = props.wide ? "figure-body wide" : "figure-body";
  if (!mostlyWithheld(props.withheld)) {
    return (
      <div className={className}>
        {props.chart}
        {props.table}
      </div>
    );
  }
  return (
    <div className={className}>
      <div className="mostly-withheld">
        <p className="chart-empty">
          {t("chart.mostly_withheld")}
          {props.coarser !== undefined && ` ${t("chart.coarser_intro")}`}
        </p>
        {props.coarser}
      </div>
      {props.table}
    </div>
  );
}
