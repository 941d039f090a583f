import { Link } from "@tanstack/react-router";
import { type Forum, type Meeting, useForum, useMeeting } from "../../api/forums";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { ApiFailure } from "../../session";
import { Effects } from "./Effect";
import { mayWriteMeetings, meetingStatusName, meetingTitle } from "./forums";
import { MeetingStatus } from "./MeetingStatus";
import { Actions, Agenda, Decisions } from "./Protocol";
import { meetingRoute } from "./route";
import { SuggestedAgenda } from "./SuggestedAgenda";
import { useOwnSearch } from "./search";
import "../agreements/agreements.css";
import "./forums.css";

const noParams: readonly string[] = [];

/**
 * One meeting, from its suggested agenda to its justerat protocol: the signals to pick from, the
 * agenda, decisions and actions (with those followed up from earlier meetings), "did it work?",
 * and the status. The protocol prints on A4 without the page's controls (forums.css).
 */
export function MeetingPage() {
  useOwnSearch(noParams);
  const { forumId, meetingId } = meetingRoute.useParams();
  const forum = useForum(forumId);
  const meeting = useMeeting(forumId, meetingId);
  const catalogues = useCatalogues();
  const missing = [forum.error, meeting.error].some(
    (e) => e instanceof ApiFailure && e.status === 404,
  );
  return (
    <div className="forums meeting">
      <p className="back-link">
        <Link to="/ledningsforum/$forumId" params={{ forumId }}>
          <span aria-hidden="true">← </span>
          {forum.data?.name ?? t("forumsPage.forum.page")}
        </Link>
      </p>
      {missing ? (
        <>
          <h1>{t("forumsPage.meeting.page")}</h1>
          <p className="state">{t("forumsPage.not_found")}</p>
        </>
      ) : (
        <QueryState query={catalogues}>
          {(c) => (
            <QueryState query={forum}>
              {(f) => (
                <QueryState query={meeting}>
                  {(m) => <MeetingView forum={f} meeting={m} catalogues={c} />}
                </QueryState>
              )}
            </QueryState>
          )}
        </QueryState>
      )}
    </div>
  );
}

export function MeetingView(props: { forum: Forum; meeting: Meeting; catalogues: Catalogues }) {
  const { forum, meeting, catalogues } = props;
  const session = useSession();
  const locked = meeting.status === "justerat";
  const mayWrite = mayWriteMeetings(session, forum);
  const mayEdit = mayWrite && !locked;
  return (
    <>
      <header className="protocol-header">
        <p className="protocol-kind">{t("forumsPage.meeting.protocol")}</p>
        <h1>
          {forum.name}: {meetingTitle(meeting)}
        </h1>
        <dl className="facts protocol-facts">
          <div>
            <dt>{t("forumsPage.meeting.date")}</dt>
            <dd>{meeting.date}</dd>
          </div>
          <div>
            <dt>{t("forumsPage.meeting.status")}</dt>
            <dd>
              <span className={`status-badge meeting-${meeting.status}`}>
                {meetingStatusName(meeting.status)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("forumsPage.meeting.participants")}</dt>
            <dd>{namesText(meeting.participants)}</dd>
          </div>
          <div>
            <dt>{t("forumsPage.meeting.justerare")}</dt>
            <dd>{namesText(meeting.justerare)}</dd>
          </div>
        </dl>
        <p className="print-only">{t("forumsPage.meeting.printed", { date: stockholmToday() })}</p>
      </header>
      {locked && (
        <p className="locked-notice no-print" role="note">
          {t("forumsPage.meeting.locked")}
        </p>
      )}
      {!locked && (
        <SuggestedAgenda
          forumId={forum.id}
          meeting={meeting}
          catalogues={catalogues}
          mayAdd={mayEdit}
        />
      )}
      <Agenda forumId={forum.id} meeting={meeting} mayEdit={mayEdit} />
      <Decisions forum={forum} meeting={meeting} mayEdit={mayEdit} />
      <Actions
        forum={forum}
        meeting={meeting}
        catalogues={catalogues}
        mayEdit={mayEdit}
        mayClose={mayWrite}
      />
      <Effects forum={forum} meeting={meeting} catalogues={catalogues} />
      {mayEdit && <MeetingStatus forumId={forum.id} meeting={meeting} />}
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("forumsPage.meeting.print")}
        </button>
      </p>
    </>
  );
}

function namesText(names: readonly string[]): string {
  return names.length === 0 ? t("forumsPage.meeting.nobody") : names.join(", ");
}
