import {
  addAction,
  addAgendaItem,
  auditContext,
  changeMeetingStatus,
  closeAction,
  createForum,
  type Database,
  liftEscalation,
  listAgreements,
  listCases,
  listIndicatorDefinitions,
  planMeeting,
  type Result,
  raiseEscalation,
  recordDecision,
  resolveEscalation,
} from "@samsyn/db";
import {
  type DemoActionLink,
  type DemoEscalation,
  type DemoForum,
  demoEscalations,
  demoForums,
} from "@samsyn/demo-data";
import type { ActionLink, AgendaSignal, IsoDate, OrganisationCode, Scope } from "@samsyn/domain";

/** The demo's keeper of the forums: admin, so that its rows read "demo" in the audit log. */
const demoScope: Scope = { sub: "demo", role: "admin", orgs: [] };

/** Noon in Stockholm on a day: the instant a demo write of that day is made at. */
const onDay = (day: IsoDate) => new Date(`${day}T12:00:00+01:00`);

/**
 * Writes the demo forums (`demoForums`) and escalations (`demoEscalations`) through their
 * operations, each write on its own day, so that meetings, decisions, actions, their follow-up
 * and the escalations' lifts read as a year of a county's work, decided and audited as a user's
 * would be. Returns how many forums and escalations it wrote.
 */
export async function loadDemoForums(
  database: Database,
  asOf: IsoDate,
): Promise<{ forums: number; escalations: number }> {
  const forums = demoForums(asOf);
  const ctx = auditContext(demoScope, "demo-forums");
  const indicators = await indicatorIds(database);
  for (const forum of forums) await loadForum(database, ctx, forum, indicators);
  const escalations = demoEscalations(asOf);
  const agreements = await agreementIds(database);
  let written = 0;
  for (const escalation of escalations) {
    if (await loadEscalation(database, ctx, escalation, agreements)) written++;
  }
  return { forums: forums.length, escalations: written };
}

/**
 * Raises, lifts and resolves one escalation on its days. About a case: as a samordnare of the
 * kommun, about the newest case of theirs (false when the county has none there).
 */
async function loadEscalation(
  database: Database,
  ctx: ReturnType<typeof auditContext>,
  escalation: DemoEscalation,
  agreements: ReadonlyMap<string, string>,
): Promise<boolean> {
  const { db } = database;
  const { about } = escalation;
  let raised: { id: string };
  if (about.kind === "case") {
    const samordnare: Scope = { sub: "demo", role: "samordnare", orgs: [`K${about.municipality}`] };
    const page = written(
      await listCases(db, samordnare, ctx, {
        limit: 1,
        offset: 0,
        municipality: about.municipality,
      }),
    );
    const caseId = page.items[0]?.id;
    if (caseId === undefined) return false;
    raised = written(
      await raiseEscalation(
        db,
        samordnare,
        ctx,
        {
          about: { kind: "case", caseId },
          organisations: escalation.organisations,
          question: escalation.question,
        },
        onDay(escalation.openedOn),
      ),
    );
  } else {
    const agreementId =
      about.agreementTitle === undefined ? undefined : agreements.get(about.agreementTitle);
    raised = written(
      await raiseEscalation(
        db,
        demoScope,
        ctx,
        {
          about: {
            kind: "routine",
            ...(agreementId === undefined ? {} : { agreementId }),
            ...(agreementId === undefined || about.section === undefined
              ? {}
              : { section: about.section }),
          },
          organisations: escalation.organisations,
          question: escalation.question,
        },
        onDay(escalation.openedOn),
      ),
    );
  }
  for (const lift of escalation.lifts) {
    written(
      await liftEscalation(db, demoScope, ctx, raised.id, { note: lift.note }, onDay(lift.on)),
    );
  }
  if (escalation.resolution !== null) {
    const { on, text } = escalation.resolution;
    written(
      await resolveEscalation(db, demoScope, ctx, raised.id, { resolution: text }, onDay(on)),
    );
  }
  return true;
}

/** The demo register's agreements by title. */
async function agreementIds(database: Database): Promise<ReadonlyMap<string, string>> {
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const all = await listAgreements(database.db, demoScope, {}, today);
  return new Map(all.map((a) => [a.title, a.id]));
}

async function loadForum(
  database: Database,
  ctx: ReturnType<typeof auditContext>,
  forum: DemoForum,
  indicators: ReadonlyMap<string, string>,
): Promise<void> {
  const { db } = database;
  const { meetings, members, chair, ...fields } = forum;
  const created = written(
    await createForum(db, demoScope, ctx, {
      ...fields,
      members: members as OrganisationCode[],
      chair: chair as OrganisationCode,
    }),
  );
  // Actions are closed after every meeting is written: a later meeting's follow-up then shows
  // what was still open on its day, as it would have.
  const closings: { id: string; status: "done" | "cancelled"; on: IsoDate }[] = [];
  for (const meeting of meetings) {
    const planned = written(
      await planMeeting(db, demoScope, ctx, created.id, {
        date: meeting.date,
        title: meeting.title,
      }),
    );
    for (const item of meeting.agenda) {
      const signal: AgendaSignal | null =
        item.signalKind === undefined
          ? null
          : ({ kind: item.signalKind, ref: `demo-${item.signalKind}` } as AgendaSignal);
      written(
        await addAgendaItem(db, demoScope, ctx, created.id, planned.id, {
          title: item.title,
          signal,
        }),
      );
    }
    for (const text of meeting.decisions) {
      written(await recordDecision(db, demoScope, ctx, created.id, planned.id, { text }));
    }
    for (const action of meeting.actions) {
      const added = written(
        await addAction(db, demoScope, ctx, created.id, planned.id, {
          title: action.title,
          owner: action.owner as OrganisationCode,
          dueOn: action.dueOn,
          link: linkOf(action.link, indicators),
        }),
      );
      if (action.closed !== null) closings.push({ id: added.id, ...action.closed });
    }
    if (meeting.status !== "planned") {
      const held = onDay(meeting.date);
      written(
        await changeMeetingStatus(
          db,
          demoScope,
          ctx,
          created.id,
          planned.id,
          { status: "held", participants: meeting.participants },
          held,
        ),
      );
      if (meeting.status === "justerat") {
        written(
          await changeMeetingStatus(
            db,
            demoScope,
            ctx,
            created.id,
            planned.id,
            { status: "justerat", justerare: meeting.justerare },
            held,
          ),
        );
      }
    }
  }
  for (const closing of closings) {
    written(
      await closeAction(
        db,
        demoScope,
        ctx,
        created.id,
        closing.id,
        { status: closing.status },
        onDay(closing.on),
      ),
    );
  }
}

/** The demo register's indicators by "agreement title / indicator name". */
async function indicatorIds(database: Database): Promise<ReadonlyMap<string, string>> {
  const ids = new Map<string, string>();
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  for (const agreement of await listAgreements(database.db, demoScope, {}, today)) {
    for (const indicator of await listIndicatorDefinitions(database.db, agreement.id)) {
      ids.set(`${agreement.title} / ${indicator.name}`, indicator.id);
    }
  }
  return ids;
}

function linkOf(
  link: DemoActionLink | null,
  indicators: ReadonlyMap<string, string>,
): ActionLink | null {
  if (link === null) return null;
  if (link.kind === "metric") return link;
  const indicatorId = indicators.get(`${link.agreementTitle} / ${link.indicatorName}`);
  // Without the demo register (a test that loads forums alone) the action has no figure.
  return indicatorId === undefined ? null : { kind: "indicator", indicatorId };
}

/** The demo's data is the program's own: a refusal is a bug, not a user's mistake. */
function written<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`demo forums refused: ${result.error} ${JSON.stringify(result.details)}`);
  }
  return result.value;
}
