import {
  type Action,
  type Forum,
  type Meeting,
  useAddAgendaItem,
  useAddDecision,
} from "../../api/forums";
import type { Catalogues } from "../../api/types";
import { ExportButtons } from "../../components/ExportButtons";
import type { ExportValue } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { organisationName } from "../agreements/agreements";
import { ActionsTable } from "./ActionsTable";
import { AddAction } from "./AddAction";
import { TextForm } from "./fields";
import { actionOrigin, actionStatusName, signalKindName } from "./forums";

/**
 * The protocol's body: the agenda, the decisions and the actions, each with the form that adds
 * to it while the meeting may still change. What prints is the lists; the forms are screen only.
 */
export function Agenda(props: { forumId: string; meeting: Meeting; mayEdit: boolean }) {
  const add = useAddAgendaItem(props.forumId, props.meeting.id);
  return (
    <section aria-labelledby="agenda-heading" className="protocol-part">
      <h2 id="agenda-heading">{t("forumsPage.agenda.heading")}</h2>
      {props.meeting.agenda.length === 0 ? (
        <p className="state empty">{t("forumsPage.agenda.none")}</p>
      ) : (
        <ol className="agenda">
          {props.meeting.agenda.map((item) => {
            const kind = item.signal === null ? "" : signalKindName(item.signal.kind);
            return (
              <li key={item.id}>
                {item.title}
                {kind !== "" && (
                  <span className="agenda-source">
                    {" "}
                    ({t("forumsPage.agenda.from_signal", { kind: kind.toLowerCase() })})
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {props.mayEdit && (
        <TextForm
          className="add-agenda-item"
          legend={t("forumsPage.agenda.add")}
          label={t("forumsPage.col.title")}
          submit={t("forumsPage.agenda.submit")}
          onSaved={() => t("forumsPage.agenda.added")}
          field="title"
          pending={add.isPending}
          save={(title) => add.mutateAsync({ title })}
        />
      )}
    </section>
  );
}

export function Decisions(props: { forum: Forum; meeting: Meeting; mayEdit: boolean }) {
  const { meeting } = props;
  const add = useAddDecision(props.forum.id, meeting.id);
  return (
    <section aria-labelledby="decisions-heading" className="protocol-part">
      <h2 id="decisions-heading">{t("forumsPage.decisions.heading")}</h2>
      {meeting.decisions.length === 0 ? (
        <p className="state empty">{t("forumsPage.decisions.none")}</p>
      ) : (
        <>
          <ol className="decisions">
            {meeting.decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ol>
          <ExportButtons
            title={t("forumsPage.decisions.caption", { date: meeting.date })}
            filters={exportSubject(props.forum, meeting)}
            table={{
              columns: [t("forumsPage.col.number"), t("forumsPage.col.decision")],
              rows: meeting.decisions.map((d, i) => [i + 1, d.text]),
            }}
          />
        </>
      )}
      {props.mayEdit && (
        <TextForm
          className="add-decision"
          legend={t("forumsPage.decisions.heading")}
          label={t("forumsPage.decisions.text")}
          submit={t("forumsPage.decisions.submit")}
          onSaved={() => t("forumsPage.decisions.added")}
          field="text"
          multiline
          pending={add.isPending}
          save={(text) => add.mutateAsync({ text })}
        />
      )}
    </section>
  );
}

/** Whose protocol an export is from, in its preamble: the forum and the meeting's date. */
function exportSubject(forum: Forum, meeting: Meeting): string {
  return t("forumsPage.export.subject", { forum: forum.name, date: meeting.date });
}

export function Actions(props: {
  forum: Forum;
  meeting: Meeting;
  catalogues: Catalogues;
  mayEdit: boolean;
  mayClose: boolean;
}) {
  const { forum, meeting, catalogues } = props;
  const origin = (a: Action) =>
    a.source.kind === "meeting" && a.source.meetingId === meeting.id
      ? t("forumsPage.decided_here")
      : actionOrigin(a);
  // The meeting's own actions are not yet due at it: overdue counts for those followed up.
  const all: { action: Action; daysOverdue: number }[] = [
    ...meeting.actions.map((action) => ({ action, daysOverdue: 0 })),
    ...meeting.followUp.map((action) => ({ action, daysOverdue: action.daysOverdue })),
  ];
  return (
    <section aria-labelledby="actions-heading" className="protocol-part">
      <h2 id="actions-heading">{t("forumsPage.actions.heading")}</h2>
      <ActionsTable
        forumId={forum.id}
        caption={t("forumsPage.actions.caption", { date: meeting.date })}
        actions={meeting.actions}
        empty={t("forumsPage.actions.none")}
        catalogues={catalogues}
        mayClose={props.mayClose}
        show={{ status: true }}
      />
      {props.mayEdit && <AddAction forum={forum} meeting={meeting} catalogues={catalogues} />}
      {/* On paper only when there is something to follow up: an empty list says nothing there. */}
      <div className={meeting.followUp.length === 0 ? "no-print" : undefined}>
        <h3>{t("forumsPage.followup_actions.heading")}</h3>
        <ActionsTable
          forumId={forum.id}
          caption={t("forumsPage.followup_actions.caption")}
          actions={meeting.followUp}
          empty={t("forumsPage.followup_actions.none")}
          catalogues={catalogues}
          mayClose={props.mayClose}
          show={{ origin: true, overdue: true, status: true }}
        />
      </div>
      {all.length > 0 && (
        <ExportButtons
          title={t("forumsPage.actions.export_caption", { date: meeting.date })}
          filters={exportSubject(forum, meeting)}
          table={{
            columns: [
              t("forumsPage.col.action"),
              t("forumsPage.col.owner"),
              t("forumsPage.col.due"),
              t("forumsPage.col.status"),
              t("forumsPage.col.origin"),
              t("forumsPage.col.days_overdue"),
            ],
            rows: all.map(({ action: a, daysOverdue }): ExportValue[] => [
              a.title,
              organisationName(catalogues, a.owner),
              a.dueOn,
              actionStatusName(a.status),
              origin(a),
              daysOverdue,
            ]),
          }}
        />
      )}
    </section>
  );
}
