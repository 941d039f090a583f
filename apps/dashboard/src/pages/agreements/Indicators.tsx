import { type AgreementDetail, type Indicator, useIndicators } from "../../api/agreements";
import type { Catalogues } from "../../api/types";
import { LineFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { chartValue, countCell, formatNumber, statCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { monthLabel } from "../../lib/periods";
import { AddIndicator } from "./AddIndicator";
import { dayFigures, figureName, indicatorUnit, metText, targetText } from "./agreements";

/**
 * The agreement's indicators: each a metric with a target, its 12 months as a small chart
 * against the target line, and the same months as a table.
 */
export function Indicators(props: {
  agreement: AgreementDetail;
  catalogues: Catalogues;
  mayWrite: boolean;
}) {
  const indicators = useIndicators(props.agreement.id);
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t("agreements.indicators.heading")}</h2>
      <p className="intro">{t("agreements.indicators.intro")}</p>
      <QueryState query={indicators}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t("agreements.indicators.none")}</p>
          ) : (
            <div className="indicators">
              {data.items.map((indicator) => (
                <IndicatorCard
                  key={indicator.id}
                  indicator={indicator}
                  asOf={data.asOf}
                  k={data.k}
                />
              ))}
            </div>
          )
        }
      </QueryState>
      {props.mayWrite && <AddIndicator agreement={props.agreement} catalogues={props.catalogues} />}
    </section>
  );
}

type MonthRow = Indicator["months"][number];

export function IndicatorCard(props: { indicator: Indicator; asOf: string; k: number }) {
  const { indicator, k } = props;
  const unit = indicatorUnit(indicator.figure);
  const isDays = dayFigures.includes(indicator.figure);
  const figure = figureName(indicator.figure);
  const cell = (value: number | null, suppressed: boolean) =>
    isDays ? statCell(value, suppressed, k) : countCell(value, suppressed, k);
  const current = cell(indicator.current.value, indicator.current.suppressed);
  const columns: Column<MonthRow>[] = [
    {
      id: "month",
      header: t("agreements.indicator.col.month"),
      // The last month is read as of asOf: marked when that is before its end.
      cell: (m) => textCell(monthLabel(m.month, props.asOf, "short", stockholmToday()), m.month),
    },
    {
      id: "value",
      header: `${t("agreements.indicator.col.value")} (${unit})`,
      cell: (m) => cell(m.value, m.suppressed),
    },
    { id: "met", header: t("agreements.indicator.col.met"), cell: (m) => textCell(metText(m)) },
  ];
  const met = indicator.current.suppressed ? null : indicator.current.met;
  return (
    <article className="indicator">
      <h3>{indicator.name}</h3>
      <p className="indicator-meta">
        {t(`agreements.indicator.kind.${indicator.kind}`)} · {figure} ·{" "}
        {targetText(indicator.target)}
      </p>
      <p className="indicator-current">
        {t("agreements.indicator.current", { date: props.asOf })}{" "}
        {current.title === undefined ? (
          `${current.text} ${unit}.`
        ) : (
          <abbr title={current.title}>{current.text}</abbr>
        )}{" "}
        <span className={met === null ? "met-unknown" : met ? "met-yes" : "met-no"}>
          {metText(indicator.current)}
        </span>
      </p>
      <LineFigure
        data={indicator.months.map((m) => ({
          month: m.month,
          value: chartValue(m.value, m.suppressed),
        }))}
        series={[{ key: "value", label: figure }]}
        k={k}
        height={200}
        reference={{
          value: indicator.target.value,
          label: t("agreements.indicator.target_line", {
            value: formatNumber(indicator.target.value),
          }),
        }}
      />
      <DataTable
        caption={t("agreements.indicator.caption", { name: indicator.name, figure, unit })}
        columns={columns}
        rows={indicator.months}
        rowKey={(m) => m.month}
        k={k}
        initialSort={{ id: "month", descending: false }}
      />
    </article>
  );
}
