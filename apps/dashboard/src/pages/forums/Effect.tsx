import {
  type Action,
  type Effect,
  type Forum,
  type Meeting,
  useActionEffect,
} from "../../api/forums";
import type { Catalogues } from "../../api/types";
import { LineFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { chartValue, countCell, formatNumber, statCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { monthLabel } from "../../lib/periods";
import { effectFigure, effectMarks, marksIn, metText, readingAmount } from "./effect";
import { AmountText } from "./SuggestedAgenda";

/**
 * "Fungerade det?": for each of the meeting's actions (its own and those it follows up) that is
 * linked to a figure, that figure by month with the decision and the day it was done marked,
 * and the same months as a table.
 */
export function Effects(props: { forum: Forum; meeting: Meeting; catalogues: Catalogues }) {
  const linked = [...props.meeting.actions, ...props.meeting.followUp].filter(
    (a) => a.link !== null,
  );
  return (
    <section aria-labelledby="effect-heading" className="effects no-print">
      <h2 id="effect-heading">{t("forumsPage.effect.heading")}</h2>
      <p className="intro">{t("forumsPage.effect.intro")}</p>
      {linked.length === 0 ? (
        <p className="state empty">{t("forumsPage.effect.none")}</p>
      ) : (
        <div className="effect-cards">
          {linked.map((action) => (
            <EffectOf key={action.id} forumId={props.forum.id} action={action} />
          ))}
        </div>
      )}
    </section>
  );
}

function EffectOf(props: { forumId: string; action: Action }) {
  const effect = useActionEffect(props.forumId, props.action.id);
  return (
    <article className="effect">
      <h3>{props.action.title}</h3>
      <QueryState query={effect}>
        {(e) => <EffectCard action={props.action} effect={e} />}
      </QueryState>
    </article>
  );
}

type MonthRow = Effect["months"][number];

export function EffectCard(props: { action: Action; effect: Effect }) {
  const { effect } = props;
  const k = effect.k;
  const figure = effectFigure(effect, props.action.link?.kind ?? "metric");
  const marks = effectMarks(effect);
  const hasTarget = effect.target !== null;
  const columns: Column<MonthRow>[] = [
    {
      id: "month",
      header: t("forumsPage.col.month"),
      cell: (m) =>
        textCell(monthLabel(m.month, effect.now.date, "short", stockholmToday()), m.month),
    },
    {
      id: "value",
      header: t("forumsPage.col.value", { unit: figure.unit }),
      cell: (m) =>
        figure.unit === t("forumsPage.unit.days")
          ? statCell(m.value, m.suppressed, k)
          : countCell(m.value, m.suppressed, k),
    },
    // Without a target there is nothing to meet: no column of "Inget mål".
    ...(hasTarget
      ? [
          {
            id: "met",
            header: t("forumsPage.col.met"),
            cell: (m: MonthRow) => textCell(metText(m, true)),
          },
        ]
      : []),
    {
      id: "mark",
      header: t("forumsPage.col.mark"),
      cell: (m) => textCell(marksIn(m.month, marks)),
    },
  ];
  return (
    <>
      <p className="effect-figure">{figure.name}</p>
      <p className="effect-readings">
        {t("forumsPage.effect.at_decision", { date: effect.decided.date })}{" "}
        <AmountText amount={readingAmount(effect.decided, figure.unit)} k={k} />
        {effect.done !== null && (
          <>
            {" · "}
            {t("forumsPage.effect.at_done", { date: effect.done.date })}{" "}
            <AmountText amount={readingAmount(effect.done, figure.unit)} k={k} />
          </>
        )}
        {" · "}
        {t("forumsPage.effect.at_now", { date: effect.now.date })}{" "}
        <AmountText amount={readingAmount(effect.now, figure.unit)} k={k} />
      </p>
      <LineFigure
        data={effect.months.map((m) => ({
          month: m.month,
          value: chartValue(m.value, m.suppressed),
        }))}
        series={[{ key: "value", label: `${figure.name} (${figure.unit})` }]}
        k={k}
        height={220}
        marks={marks}
        reference={
          effect.target === null
            ? null
            : {
                value: effect.target.value,
                label: t(`forumsPage.figure.${effect.target.direction}`, {
                  value: t("forumsPage.figure.count", {
                    value: formatNumber(effect.target.value),
                    unit: figure.unit,
                  }),
                }),
              }
        }
      />
      <DataTable
        caption={t("forumsPage.effect.caption", {
          title: props.action.title,
          figure: figure.name,
          unit: figure.unit,
        })}
        k={k}
        disclosure={effect.disclosure}
        columns={columns}
        rows={effect.months}
        rowKey={(m) => m.month}
        initialSort={{ id: "month", descending: false }}
      />
    </>
  );
}
