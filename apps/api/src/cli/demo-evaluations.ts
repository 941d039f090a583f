import {
  addEvaluationItem,
  auditContext,
  castEvaluationVote,
  changeEvaluationPhase,
  closeAction,
  createEvaluation,
  createEvaluationGroup,
  type Database,
  type Db,
  liftEvaluationItem,
  listForums,
  type Result,
} from "@samsyn/db";
import { type DemoEvaluation, demoEvaluations } from "@samsyn/demo-data";
import type { EvaluationPhase, IsoDate, Scope } from "@samsyn/domain";

/** The demo's keeper of the forums closes the lifted actions, as in `demo-forums.ts`. */
const demoScope: Scope = { sub: "demo", role: "admin", orgs: [] };

/** The instant `minutes` past nine in Stockholm on a day: a session's morning, minute by minute. */
const at = (day: IsoDate, minutes = 0) =>
  new Date(new Date(`${day}T09:00:00+01:00`).getTime() + minutes * 60_000);

/**
 * Writes the demo evaluations (`demoEvaluations`) through their operations, on the days they
 * were held, as users of their organisations: each participant adds their notes, groups and
 * votes; the first, a samordnare, moves the phases; a ledning of the owner lifts improvements
 * to the demo forums (found by name; skipped when the forums are not loaded), and the actions
 * done are closed on their day. Past sessions run to closed, today's stays in collect. Returns
 * how many sessions and actions it wrote.
 */
export async function loadDemoEvaluations(
  database: Database,
  secret: string,
  asOf: IsoDate,
): Promise<{ sessions: number; actions: number }> {
  const forums = new Map(
    (await listForums(database.db, demoScope)).map((f) => [f.name, { id: f.id }]),
  );
  const sessions = demoEvaluations(asOf);
  let actions = 0;
  for (const session of sessions)
    actions += await loadSession(database.db, secret, session, forums);
  return { sessions: sessions.length, actions };
}

async function loadSession(
  db: Db,
  secret: string,
  session: DemoEvaluation,
  forums: ReadonlyMap<string, { id: string }>,
): Promise<number> {
  const { heldOn } = session;
  const people = session.participants.map(
    (p): Scope => ({ sub: p.sub, role: "samordnare", orgs: [p.organisation] }),
  );
  const facilitator = people[0];
  if (facilitator === undefined) throw new Error("a demo session without participants");
  const ctxOf = (scope: Scope) => auditContext(scope, "demo-evaluations");
  let minute = 0;
  const next = () => at(heldOn, minute++);
  const created = written(
    await createEvaluation(
      db,
      facilitator,
      ctxOf(facilitator),
      secret,
      {
        title: session.title,
        organisations: session.organisations,
        from: session.from,
        to: session.to,
        ...(session.process === null ? {} : { process: session.process, steps: session.steps }),
        anonymous: session.anonymous,
        votesPerParticipant: session.votesPerParticipant,
      },
      next(),
    ),
  );
  const id = created.id;
  const itemIds: string[] = [];
  for (const item of session.items) {
    const by = people[item.by] ?? facilitator;
    const added = written(
      await addEvaluationItem(
        db,
        by,
        ctxOf(by),
        id,
        {
          kind: item.kind,
          text: item.text,
          theme: item.theme,
          ...(item.step === null ? {} : { step: item.step }),
        },
        next(),
      ),
    );
    itemIds.push(added.id);
  }
  if (session.phase === "collect") return 0;
  const to = async (phase: EvaluationPhase) =>
    written(
      await changeEvaluationPhase(
        db,
        facilitator,
        ctxOf(facilitator),
        secret,
        id,
        { phase },
        next(),
      ),
    );
  const itemId = (index: number) => {
    const found = itemIds[index];
    if (found === undefined) throw new Error(`demo item ${index} is missing`);
    return found;
  };

  await to("group");
  for (const group of session.groups) {
    written(
      await createEvaluationGroup(
        db,
        facilitator,
        ctxOf(facilitator),
        id,
        { title: group.title, items: group.items.map(itemId) },
        next(),
      ),
    );
  }
  await to("vote");
  for (const vote of session.votes) {
    const by = people[vote.by] ?? facilitator;
    written(
      await castEvaluationVote(
        db,
        by,
        ctxOf(by),
        secret,
        id,
        { target: itemId(vote.item) },
        next(),
      ),
    );
  }
  await to("discuss");
  let actions = 0;
  for (const lift of session.lifts) {
    const forum = forums.get(lift.forumName);
    // Without the demo forums (a test that loads evaluations alone) nothing is lifted.
    if (forum === undefined) continue;
    const ledning: Scope = {
      sub: `demo-ledning-${lift.owner.toLowerCase()}`,
      role: "ledning",
      orgs: [lift.owner],
    };
    const action = written(
      await liftEvaluationItem(
        db,
        ledning,
        ctxOf(ledning),
        id,
        itemId(lift.item),
        { forumId: forum.id, owner: lift.owner, dueOn: lift.dueOn },
        next(),
      ),
    );
    actions++;
    if (lift.doneOn !== null) {
      written(
        await closeAction(
          db,
          demoScope,
          ctxOf(demoScope),
          forum.id,
          action.id,
          { status: "done" },
          at(lift.doneOn, 180),
        ),
      );
    }
  }
  await to("closed");
  return actions;
}

/** The demo's data is the program's own: a refusal is a bug, not a user's mistake. */
function written<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`demo evaluations refused: ${result.error} ${JSON.stringify(result.details)}`);
  }
  return result.value;
}
