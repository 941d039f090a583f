import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import {
  type Forum,
  type MeetingSummary,
  useCreateMeeting,
  useForum,
  useMeetings,
  useOpenActions,
} from "../../api/forums";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { linkCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { ApiFailure } from "../../session";
import { organisationName } from "../agreements/agreements";
import { ActionsTable } from "./ActionsTable";
import { FollowUp } from "./FollowUp";
import { FormMessage, refusal, TextField } from "./fields";
import {
  defaultFollowUpRange,
  forumLevelName,
  isDate,
  mayWriteMeetings,
  meetingStatusName,
  meetingTitle,
  mostOverdueFirst,
  organisationList,
} from "./forums";
import { forumRoute } from "./route";
import { periodParams, useOwnSearch } from "./search";
import { useScrollToHash } from "./use-scroll-to-hash";
import "../agreements/agreements.css";
import "./forums.css";

/** One forum: who sits in it, its meetings, a new one, its follow-up and its open actions. */
export function ForumPage() {
  useOwnSearch(periodParams);
  const { forumId } = forumRoute.useParams();
  const forum = useForum(forumId);
  const catalogues = useCatalogues();
  return (
    <div className="forums">
      <p className="back-link">
        <Link to="/ledningsforum">
          <span aria-hidden="true">← </span>
          {t("forumsPage.forum.back")}
        </Link>
      </p>
      <QueryState query={catalogues}>
        {(c) =>
          forum.error instanceof ApiFailure && forum.error.status === 404 ? (
            <>
              <h1>{t("forumsPage.forum.page")}</h1>
              <p className="state">{t("forumsPage.not_found")}</p>
            </>
          ) : (
            <QueryState query={forum}>{(f) => <ForumView forum={f} catalogues={c} />}</QueryState>
          )
        }
      </QueryState>
    </div>
  );
}

function ForumView(props: { forum: Forum; catalogues: Catalogues }) {
  const { forum, catalogues } = props;
  const session = useSession();
  const mayWrite = mayWriteMeetings(session, forum);
  const meetings = useMeetings(forum.id);
  const search = forumRoute.useSearch();
  const range = defaultFollowUpRange(stockholmToday());
  return (
    <>
      <h1>{forum.name}</h1>
      <section aria-labelledby="forum-facts-heading">
        <h2 id="forum-facts-heading" className="visually-hidden">
          {t("forumsPage.forum.facts")}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("forumsPage.col.level")}</dt>
            <dd>{forumLevelName(forum.level)}</dd>
          </div>
          <div>
            <dt>{t("forumsPage.col.chair")}</dt>
            <dd>{organisationName(catalogues, forum.chair)}</dd>
          </div>
          <div>
            <dt>{t("forumsPage.col.members")}</dt>
            <dd>{organisationList(catalogues, forum.members)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t("forumsPage.meetings.heading")}</h2>
        <QueryState query={meetings}>
          {(data) => <Meetings forumId={forum.id} meetings={data.items} />}
        </QueryState>
        {mayWrite && <NewMeeting forumId={forum.id} />}
      </section>
      <OpenActions forum={forum} catalogues={catalogues} mayClose={mayWrite} />
      <FollowUp
        forumId={forum.id}
        from={search.periodFrom ?? range.from}
        to={search.periodTo ?? range.to}
      />
    </>
  );
}

function Meetings(props: { forumId: string; meetings: readonly MeetingSummary[] }) {
  if (props.meetings.length === 0) {
    return <p className="state empty">{t("forumsPage.meetings.none")}</p>;
  }
  const columns: Column<MeetingSummary>[] = [
    {
      id: "date",
      header: t("forumsPage.col.date"),
      cell: (m) => ({
        ...linkCell(m.date, `/ledningsforum/${props.forumId}/moten/${m.id}`),
        sort: m.date,
      }),
    },
    { id: "title", header: t("forumsPage.col.title"), cell: (m) => textCell(meetingTitle(m)) },
    {
      id: "status",
      header: t("forumsPage.col.status"),
      cell: (m) => textCell(meetingStatusName(m.status)),
    },
  ];
  return (
    <DataTable
      caption={t("forumsPage.meetings.caption")}
      columns={columns}
      rows={props.meetings}
      rowKey={(m) => m.id}
      initialSort={{ id: "date", descending: true }}
    />
  );
}

function NewMeeting(props: { forumId: string }) {
  const create = useCreateMeeting(props.forumId);
  const navigate = useNavigate();
  const [date, setDate] = useState("");
  const [title, setTitle] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const own: Record<string, string> = {};
    if (!isDate(date)) own.date = t("forumsPage.form.date");
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      const meeting = await create.mutateAsync({
        date,
        ...(title.trim() === "" ? {} : { title: title.trim() }),
      });
      await navigate({
        to: "/ledningsforum/$forumId/moten/$meetingId",
        params: { forumId: props.forumId, meetingId: meeting.id },
      });
    } catch (e) {
      const refused = refusal(e, ["date", "title"]);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <form className="forum-form new-meeting" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t("forumsPage.new_meeting.heading")}</legend>
        <div className="form-row">
          <TextField
            label={t("forumsPage.new_meeting.date")}
            type="date"
            value={date}
            onChange={setDate}
            required
            error={errors.date}
          />
          <TextField
            label={t("forumsPage.new_meeting.title")}
            value={title}
            onChange={setTitle}
            hint={t("forumsPage.form.text_hint")}
            error={errors.title}
          />
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t("forumsPage.form.saving") : t("forumsPage.new_meeting.submit")}
        </button>
        <FormMessage saved={null} error={problem} />
      </fieldset>
    </form>
  );
}

/**
 * The forum's open actions with their days overdue today, most overdue first: each row carries
 * the anchor a suggested-agenda signal about it links to.
 */
function OpenActions(props: { forum: Forum; catalogues: Catalogues; mayClose: boolean }) {
  const actions = useOpenActions(props.forum.id);
  useScrollToHash(actions.data !== undefined);
  return (
    <section aria-labelledby="open-actions-heading">
      <h2 id="open-actions-heading">{t("forumsPage.open_actions.heading")}</h2>
      <QueryState query={actions}>
        {(data) => (
          <ActionsTable
            forumId={props.forum.id}
            caption={t("forumsPage.open_actions.caption")}
            actions={mostOverdueFirst(data.items)}
            empty={t("forumsPage.open_actions.none")}
            catalogues={props.catalogues}
            mayClose={props.mayClose}
            show={{ decided: true, overdue: true }}
            anchors
          />
        )}
      </QueryState>
    </section>
  );
}
