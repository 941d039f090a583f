import type { Database } from "@samsyn/db";
import {
  addAction,
  addAgendaItem,
  changeMeetingStatus,
  getMeeting,
  listMeetings,
  loadInterchangeCatalogue,
  planMeeting,
  recordDecision,
} from "@samsyn/db";
import {
  type ActionLink,
  type IndicatorFigure,
  type IndicatorMetric,
  type IsoDate,
  indicatorFigures,
  type OrganisationCode,
  type Scope,
  t,
} from "@samsyn/domain";
import { auditOf, orRefuse } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import { checkedFigureParams } from "../metrics/figures";
import { ParamCheck } from "../metrics/params";
import {
  addActionRoute,
  addAgendaItemRoute,
  createMeetingRoute,
  getMeetingRoute,
  listMeetingsRoute,
  meetingStatusRoute,
  recordDecisionRoute,
} from "./meetings.routes";
import { plainAction, plainMeeting, plainMeetingSummary } from "./plain";

/** A forum's meetings and their protocol: agenda, decisions, actions and status. */
export function meetingRoutes() {
  return createRouter()
    .openapi(createMeetingRoute, async (c) => {
      const { database } = c.get("deps");
      const { date, title } = c.req.valid("json");
      const planned = orRefuse(
        await planMeeting(database.db, c.get("scope"), auditOf(c), c.req.valid("param").id, {
          date: date as IsoDate,
          title: title ?? null,
        }),
      );
      return c.json(plainMeeting(planned), 201);
    })
    .openapi(listMeetingsRoute, async (c) => {
      const database = readDatabase(c);
      const meetings = orRefuse(
        await listMeetings(database.db, c.get("scope"), c.req.valid("param").id),
      );
      return c.json({ items: meetings.map(plainMeetingSummary) }, 200);
    })
    .openapi(getMeetingRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, mid } = c.req.valid("param");
      const found = orRefuse(await getMeeting(database.db, c.get("scope"), id, mid));
      return c.json(plainMeeting(found), 200);
    })
    .openapi(addAgendaItemRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, mid } = c.req.valid("param");
      const { title, signal } = c.req.valid("json");
      const added = orRefuse(
        await addAgendaItem(database.db, c.get("scope"), auditOf(c), id, mid, {
          title,
          signal: signal ?? null,
        }),
      );
      return c.json(added, 201);
    })
    .openapi(recordDecisionRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, mid } = c.req.valid("param");
      const recorded = orRefuse(
        await recordDecision(database.db, c.get("scope"), auditOf(c), id, mid, c.req.valid("json")),
      );
      return c.json(recorded, 201);
    })
    .openapi(addActionRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, mid } = c.req.valid("param");
      const body = c.req.valid("json");
      const link = await checkedLink(database, c.get("scope"), body.link ?? null);
      const added = orRefuse(
        await addAction(database.db, c.get("scope"), auditOf(c), id, mid, {
          title: body.title,
          owner: body.owner as OrganisationCode,
          dueOn: body.dueOn as IsoDate,
          link,
        }),
      );
      return c.json(plainAction(added), 201);
    })
    .openapi(meetingStatusRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, mid } = c.req.valid("param");
      const { status, participants, justerare } = c.req.valid("json");
      const changed = orRefuse(
        await changeMeetingStatus(database.db, c.get("scope"), auditOf(c), id, mid, {
          status,
          ...(participants === undefined ? {} : { participants }),
          ...(justerare === undefined ? {} : { justerare }),
        }),
      );
      return c.json(plainMeeting(changed), 200);
    });
}

type LinkBody =
  | { kind: "indicator"; indicatorId: string }
  | { kind: "metric"; metric: string; params: Record<string, unknown>; figure: string };

/**
 * A metric link is checked exactly as an agreement indicator is: its parameters as the metrics
 * API checks its query (a 400 detail per bad one, under `link.params.`) and a figure the metric
 * has. The parameters are stored as written, as an indicator's are. An indicator link is the
 * operation's to check: it must name an indicator that exists.
 */
async function checkedLink(
  database: Database,
  scope: Scope,
  link: LinkBody | null,
): Promise<ActionLink | null> {
  if (link === null || link.kind === "indicator") return link;
  const metric = link.metric as IndicatorMetric;
  const check = new ParamCheck("link.params.");
  checkedFigureParams(
    check,
    metric,
    link.params,
    await loadInterchangeCatalogue(database.db),
    scope,
  );
  if (!(indicatorFigures[metric] as readonly string[]).includes(link.figure)) {
    check.details.push({ path: "link.figure", message: t("forums.error.figureNotInMetric") });
  }
  check.done();
  return { ...link, metric, figure: link.figure as IndicatorFigure };
}
