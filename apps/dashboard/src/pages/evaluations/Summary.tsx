import type { Board } from "../../api/evaluations";
import type { Catalogues } from "../../api/types";
import { ExportButtons } from "../../components/ExportButtons";
import { formatNumber } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { organisationNames } from "../agreements/agreements";
import { kinds } from "./evaluations";
import { actionStatusName, summaryExport, summaryFacts, summaryRows } from "./summary";

/**
 * The session's summary, from the discuss phase on: its facts, every note with its theme, step,
 * group and votes, the actions it gave and the status of those its predecessors raised. On
 * paper it is all the board page prints (evaluations.css): the live board and its forms are
 * for the meeting, this is what is kept. Exported as one table.
 */
export function Summary(props: { board: Board; catalogues: Catalogues }) {
  const { board, catalogues } = props;
  const rows = summaryRows(board, catalogues);
  const subject = t("evaluationsPage.summary.subject", {
    title: board.title,
    organisations: organisationNames(catalogues, board.organisations),
    from: board.from,
    to: board.to,
  });
  return (
    <section aria-labelledby="summary-heading" className="evaluation-summary">
      <h2 id="summary-heading">{t("evaluationsPage.summary.heading")}</h2>
      <p className="intro no-print">{t("evaluationsPage.summary.intro")}</p>
      <p className="print-only">
        {t("evaluationsPage.summary.printed", { date: stockholmToday() })}
      </p>
      <dl className="summary-facts">
        {summaryFacts(board, catalogues).map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("evaluationsPage.summary.print")}
        </button>
      </p>
      <ExportButtons
        title={t("evaluationsPage.summary.export_title", { title: board.title })}
        filters={subject}
        table={summaryExport(rows)}
      />
      {kinds.map((kind) => {
        const own = rows.filter((r) => r.kind === kind);
        const column = t(`evaluationsPage.column.${kind}`);
        return (
          <div key={kind} className="summary-column">
            <h3>{column}</h3>
            {own.length === 0 ? (
              <p>{t("evaluationsPage.column.empty")}</p>
            ) : (
              <table className="summary-table">
                <caption className="visually-hidden">
                  {t("evaluationsPage.summary.caption", { column })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("evaluationsPage.summary.col.note")}</th>
                    <th scope="col">{t("evaluationsPage.summary.col.theme")}</th>
                    <th scope="col">{t("evaluationsPage.summary.col.step")}</th>
                    <th scope="col" className="num">
                      {t("evaluationsPage.summary.col.votes")}
                    </th>
                    <th scope="col">{t("evaluationsPage.summary.col.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((r) => (
                    <tr key={r.key} className={r.type === "group" ? "summary-group" : undefined}>
                      <th
                        scope="row"
                        className={r.group !== null && r.type === "item" ? "in-group" : undefined}
                      >
                        {r.type === "group"
                          ? t("evaluationsPage.group.label", { title: r.group ?? "" })
                          : r.note}
                      </th>
                      <td>{r.theme}</td>
                      <td>{r.step}</td>
                      <td className="num">{r.votes === null ? "" : formatNumber(r.votes)}</td>
                      <td>{r.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      <h3>{t("evaluationsPage.summary.previous_caption")}</h3>
      {board.previousActions.length === 0 ? (
        <p>{t("evaluationsPage.summary.previous_none")}</p>
      ) : (
        <table className="summary-table">
          <caption className="visually-hidden">
            {t("evaluationsPage.summary.previous_caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("evaluationsPage.summary.col.action_title")}</th>
              <th scope="col">{t("evaluationsPage.summary.col.due")}</th>
              <th scope="col">{t("evaluationsPage.summary.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {board.previousActions.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td className="nowrap">{a.dueOn}</td>
                <td>{actionStatusName(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
