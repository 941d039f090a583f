import { useState } from "react";
import { type Action, useCloseAction } from "../../api/forums";
import type { Catalogues } from "../../api/types";
import { formatNumber } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { organisationName } from "../agreements/agreements";
import { refusal } from "./fields";
import { actionAnchor, actionOrigin, actionStatusName } from "./forums";

type Row = Action & { readonly daysOverdue?: number };

/**
 * Actions as a table: title, owner by name, due date and, as asked, where each came from, its
 * days overdue and its status. Writers mark an open one done or cancelled from its row — also
 * on a justerat protocol: follow-up comes after it. Each row carries the anchor signals link to
 * (`#atgard-<id>`). Not a DataTable: its rows hold buttons, and the anchors.
 */
export function ActionsTable(props: {
  forumId: string;
  caption: string;
  actions: readonly Row[];
  /** Said instead of the table when there are none: the last one closed here leaves this. */
  empty: string;
  catalogues: Catalogues;
  mayClose: boolean;
  show: {
    readonly origin?: boolean;
    readonly decided?: boolean;
    readonly overdue?: boolean;
    readonly status?: boolean;
  };
  /** Each row's anchor: on the forum's page, where signals about an action point. */
  anchors?: boolean;
}) {
  const close = useCloseAction(props.forumId);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { show, catalogues } = props;
  const closing = props.mayClose && props.actions.some((a) => a.status === "open");

  async function closeAs(action: Row, status: "done" | "cancelled") {
    setMessage(null);
    setError(null);
    try {
      const closed = await close.mutateAsync({ actionId: action.id, status });
      setMessage(
        t("forumsPage.action.closed", {
          title: action.title,
          status: actionStatusName(closed.status).toLowerCase(),
        }),
      );
    } catch (e) {
      setError(refusal(e, []).other);
    }
  }

  return (
    <div className="table-block actions-table">
      {props.actions.length === 0 ? (
        <p className="state empty">{props.empty}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
          <section className="table-scroll" aria-label={props.caption} tabIndex={0}>
            <table>
              <caption>{props.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("forumsPage.col.action")}</th>
                  <th scope="col">{t("forumsPage.col.owner")}</th>
                  {show.origin && <th scope="col">{t("forumsPage.col.origin")}</th>}
                  {show.decided && <th scope="col">{t("forumsPage.col.decided")}</th>}
                  <th scope="col">{t("forumsPage.col.due")}</th>
                  {show.overdue && <th scope="col">{t("forumsPage.col.days_overdue")}</th>}
                  {show.status && <th scope="col">{t("forumsPage.col.status")}</th>}
                  {closing && (
                    <th scope="col" className="no-print">
                      {t("forumsPage.col.change")}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {props.actions.map((a) => (
                  <tr key={a.id} id={props.anchors ? actionAnchor(a.id) : undefined} tabIndex={-1}>
                    <th scope="row">{a.title}</th>
                    <td>{organisationName(catalogues, a.owner)}</td>
                    {show.origin && <td>{actionOrigin(a)}</td>}
                    {show.decided && <td>{a.decidedOn}</td>}
                    <td>{a.dueOn}</td>
                    {show.overdue && (
                      <td className="num">
                        {a.daysOverdue === undefined ? "" : formatNumber(a.daysOverdue)}
                      </td>
                    )}
                    {show.status && <td>{actionStatusName(a.status)}</td>}
                    {closing && (
                      <td className="no-print row-buttons">
                        {a.status === "open" && (
                          <>
                            <button
                              type="button"
                              disabled={close.isPending}
                              aria-label={`${t("forumsPage.action.mark_done")}: ${a.title}`}
                              onClick={() => void closeAs(a, "done")}
                            >
                              {t("forumsPage.action.mark_done")}
                            </button>
                            <button
                              type="button"
                              disabled={close.isPending}
                              aria-label={`${t("forumsPage.action.cancel")}: ${a.title}`}
                              onClick={() => void closeAs(a, "cancelled")}
                            >
                              {t("forumsPage.action.cancel")}
                            </button>
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <p role="status" className="action-message">
        {message}
      </p>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
