import { useMemo } from "react";
import { useAgreementList } from "../../api/agreements";
import { type Escalation, useEscalations } from "../../api/escalations";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { RouteLink } from "../../components/RouteLink";
import { linkCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { periodParams, useOwnSearch } from "../forums/search";
import { EscalationMetric } from "./EscalationMetric";
import {
  aboutText,
  boardColumns,
  defaultMetricMonths,
  levelName,
  organisationsText,
  raiseKind,
  resolvedList,
} from "./escalations";
import { RaiseEscalation } from "./RaiseEscalation";
import { escalationsRoute } from "./route";
import "../agreements/agreements.css";
import "../forums/forums.css";
import "./escalations.css";

/**
 * Eskaleringar: the open escalations by level (1 enhetschef, 2 verksamhetschef, 3
 * förvaltningschef/ledningsforum), the resolved ones below, the metric of open and resolved by
 * level with the time to resolution, and the form to raise one.
 */
export function Board() {
  useOwnSearch(periodParams);
  const catalogues = useCatalogues();
  const open = useEscalations("open");
  const resolved = useEscalations("resolved");
  const search = escalationsRoute.useSearch();
  const { role } = useSession();
  const kind = raiseKind(role);
  const months = defaultMetricMonths(stockholmToday());
  const titles = useAgreementTitles();
  return (
    <div className="escalations">
      <PageHeading title={t("nav.escalations")} intro={t("escalationsPage.intro")} />
      <QueryState query={catalogues}>
        {(c) => (
          <>
            <section aria-labelledby="board-heading">
              <h2 id="board-heading">{t("escalationsPage.board.heading")}</h2>
              <QueryState query={open}>
                {(data) => <BoardColumns escalations={data.items} catalogues={c} titles={titles} />}
              </QueryState>
            </section>
            <section aria-labelledby="resolved-heading">
              <h2 id="resolved-heading">{t("escalationsPage.resolved.heading")}</h2>
              <QueryState query={resolved}>
                {(data) => <Resolved escalations={data.items} catalogues={c} />}
              </QueryState>
            </section>
            <EscalationMetric
              fromMonth={search.periodFrom ?? months.from}
              toMonth={search.periodTo ?? months.to}
            />
            {kind === null ? (
              <p>{t("escalationsPage.raise.not_for_role")}</p>
            ) : (
              <RaiseEscalation kind={kind} catalogues={c} />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The titles of the agreements the user reads, to name the routine an escalation is about. */
export function useAgreementTitles(): ReadonlyMap<string, string> {
  const agreements = useAgreementList({});
  return useMemo(
    () => new Map((agreements.data?.items ?? []).map((a) => [a.id, a.title] as const)),
    [agreements.data],
  );
}

export function BoardColumns(props: {
  escalations: readonly Escalation[];
  catalogues: Catalogues;
  titles: ReadonlyMap<string, string>;
}) {
  return (
    <div className="board">
      {boardColumns(props.escalations).map((column) => (
        <section
          key={column.level}
          className={`board-column level-${column.level}`}
          aria-labelledby={`level-${column.level}-heading`}
        >
          <h3 id={`level-${column.level}-heading`}>
            {t("escalationsPage.board.column", {
              level: levelName(column.level),
              count: column.escalations.length,
            })}
          </h3>
          {column.escalations.length === 0 ? (
            <p className="state empty">{t("escalationsPage.board.empty")}</p>
          ) : (
            <ul>
              {column.escalations.map((e) => (
                <li key={e.id} className="escalation-card">
                  <p className="escalation-question">
                    <RouteLink href={`/eskaleringar/${e.id}`}>{e.question}</RouteLink>
                  </p>
                  <p className="escalation-organisations">
                    {organisationsText(props.catalogues, e)}
                  </p>
                  <p className="escalation-meta">
                    <strong>{t("escalationsPage.age", { days: e.ageDays })}</strong>
                    {" · "}
                    {aboutText(e, props.titles)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function Resolved(props: { escalations: readonly Escalation[]; catalogues: Catalogues }) {
  const rows = resolvedList(props.escalations);
  if (rows.length === 0) return <p className="state empty">{t("escalationsPage.resolved.none")}</p>;
  const columns: Column<Escalation>[] = [
    {
      id: "question",
      header: t("escalationsPage.col.question"),
      cell: (e) => linkCell(e.question, `/eskaleringar/${e.id}`),
    },
    {
      id: "organisations",
      header: t("escalationsPage.col.organisations"),
      cell: (e) => textCell(organisationsText(props.catalogues, e)),
    },
    {
      id: "level",
      header: t("escalationsPage.col.resolved_level"),
      cell: (e) => textCell(levelName(e.level), e.level),
    },
    { id: "opened", header: t("escalationsPage.col.opened"), cell: (e) => textCell(e.openedOn) },
    {
      id: "resolved",
      header: t("escalationsPage.col.resolved"),
      cell: (e) => textCell(e.resolvedOn ?? ""),
    },
    {
      id: "days",
      header: t("escalationsPage.col.days"),
      cell: (e) => ({
        ...textCell(String(e.ageDays), e.ageDays),
        numeric: true,
        export: e.ageDays,
      }),
    },
  ];
  return (
    <DataTable
      caption={t("escalationsPage.resolved.caption")}
      columns={columns}
      rows={rows}
      rowKey={(e) => e.id}
      initialSort={{ id: "resolved", descending: true }}
    />
  );
}
