import {
  addDays,
  type Case,
  type CaseEvent,
  type CaseState,
  caseDaysOver,
  defaultProcessModels,
  deriveCaseState,
  type IsoDate,
  parseOccurredAt,
  type Role,
  roles,
  type Scope,
  stockholmDate,
} from "@samsyn/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashCaseRef } from "../ref-hash";
import {
  aCase,
  anAuditContext,
  anEvent,
  aUnit,
  type CaseRecord,
  countAuditRows,
  type EventRecord,
  importCounty,
  resetData,
  testDatabases,
  testSecret,
  type UnitRecord,
  useMigratedDatabase,
} from "../testing";
import { getCase, listCases } from "./cases";
import { selectRows } from "./rows";

/**
 * For random users and random small counties, `listCases` and `getCase` return exactly the cases
 * that an independent implementation of the visibility rule — written here over the domain's
 * `deriveCaseState` — allows, with the state that fold derives; other roles get `forbidden`;
 * every call writes exactly one audit row.
 */
const organisationUnits: Readonly<Record<string, readonly string[]>> = {
  org_a: ["a1", "a2"],
  org_b: ["b1", "b2"],
  org_c: ["c1", "c2"],
};
const unitCodes = Object.values(organisationUnits).flat();
const organisationOf = new Map(
  Object.entries(organisationUnits).flatMap(([org, codes]) => codes.map((u) => [u, org] as const)),
);

const units: UnitRecord[] = Object.entries(organisationUnits).flatMap(([org, codes]) =>
  codes.map((code) =>
    aUnit({
      unit_code: code,
      unit_name: `Enhet ${code}`,
      organisation_code: org,
      organisation_name: `Organisation ${org}`,
      principal_type: "privat",
      municipality_code: "",
    }),
  ),
);

/**
 * Two days, so that ties (resolved by recorded order) are common, now and then a day far
 * ahead that does not count yet, and a few days ago, within most steps' target days (stuck or
 * not). Joins, leaves and consent changes are frequent: they are what the rule turns on.
 */
const arbDate = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("2024-03-01", "2024-03-02") },
  { weight: 1, arbitrary: fc.constant("2099-01-01") },
  { weight: 1, arbitrary: fc.constant(addDays(stockholmDate(Date.now()), -3)) },
);
const arbUnit = fc.constantFrom(...unitCodes);

const arbEvent = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("step"),
      step: fc.integer({ min: 1, max: 9 }).map(String),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("lead"), unit_code: arbUnit }) },
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constantFrom("join", "leave"), unit_code: arbUnit }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant("consent"),
      value: fc.constantFrom("given", "withdrawn"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({ type: fc.constant("close"), value: fc.constant("avslutat") }),
      fc.record({ type: fc.constant("reopen") }),
    ),
  },
);

interface GeneratedCase {
  readonly record: CaseRecord;
  readonly events: readonly EventRecord[];
}

const arbCounty = fc
  .array(
    fc.record({
      initiating: arbUnit,
      events: fc.array(fc.tuple(arbEvent, arbDate), { maxLength: 10 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((generated): GeneratedCase[] =>
    generated.map(({ initiating, events }, i) => {
      const ref = `P-${i + 1}`;
      return {
        record: aCase({
          case_ref: ref,
          process: "sip",
          initiating_unit: initiating,
          opened_on: "2024-03-01",
        }),
        events: events.map(([body, date]) =>
          anEvent({
            case_ref: ref,
            occurred_at: date,
            step: "",
            unit_code: "",
            value: "",
            ...body,
          }),
        ),
      };
    }),
  );

const arbUser: fc.Arbitrary<Scope> = fc.record({
  sub: fc.constantFrom("anna", "bertil"),
  role: fc.oneof(
    { weight: 4, arbitrary: fc.constant<Role>("samordnare") },
    { weight: 2, arbitrary: fc.constantFrom<Role>(...roles) },
  ),
  orgs: fc.subarray(["org_a", "org_b", "org_c", "org_x"], { maxLength: 2 }),
});

describe.each(testDatabases())("case visibility property on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  /** Runs one query function and checks that it wrote exactly one audit row. */
  async function audited<T>(call: () => Promise<T>): Promise<T> {
    const before = await countAuditRows(db());
    const result = await call();
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  it("returns exactly the cases the rule allows, and nothing to other roles", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbCounty,
        fc.array(arbUser, { minLength: 2, maxLength: 4 }),
        async (county, users) => {
          await resetData(db());
          await importCounty(database(), {
            units,
            cases: county.map((c) => c.record),
            events: county.flatMap((c) => c.events),
          });
          const ids = await caseIds();
          const today = stockholmDate(Date.now());
          const expected = county.map((c) => {
            const state = stateOf(c, county, today);
            return {
              id: ids.get(c.record.case_ref) ?? 0,
              state,
              initiating: c.record.initiating_unit,
              daysOver: daysOverByRule(c, state, today),
            };
          });
          for (const user of users) await checkUser(user, expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  async function checkUser(user: Scope, cases: readonly ExpectedCase[]): Promise<void> {
    const page = await audited(() =>
      listCases(db(), user, anAuditContext(user), { limit: 500, offset: 0 }),
    );
    if (user.role !== "samordnare" && user.role !== "admin") {
      expect(page).toEqual({ ok: false, error: "forbidden" });
      const one = await audited(() => getCase(db(), user, anAuditContext(user), cases[0]?.id ?? 1));
      expect(one).toEqual({ ok: false, error: "forbidden" });
      return;
    }
    const allowed = cases.filter((c) => visibleByRule(user, c));
    expect(page.ok && page.value.total).toBe(allowed.length);
    const listed = page.ok ? page.value.items : [];
    expect(listed.map((c) => c.id).sort()).toEqual(allowed.map((c) => c.id).sort());
    const daysOverOf = new Map(cases.map((c) => [c.id, c.daysOver]));
    for (const c of listed) expect(c.daysOver, `case ${c.id}`).toBe(daysOverOf.get(c.id));
    const stuck = await audited(() =>
      listCases(db(), user, anAuditContext(user), { limit: 500, offset: 0, stuck: true }),
    );
    const stuckIds = allowed.filter((c) => c.daysOver !== null).map((c) => c.id);
    expect(stuck.ok && stuck.value.items.map((c) => c.id).sort()).toEqual(stuckIds.sort());
    for (const c of cases) {
      const detail = await audited(() => getCase(db(), user, anAuditContext(user), c.id));
      if (!visibleByRule(user, c)) {
        expect(detail).toEqual({ ok: false, error: "not_found" });
        continue;
      }
      expect(detail.ok && currentState(detail.value)).toEqual(currentState(c.state));
    }
  }

  async function caseIds(): Promise<Map<string, number>> {
    const rows = await selectRows<{ id: number; hash: string }>(
      db(),
      sql`SELECT id, encode(ref_hash, 'hex') AS hash FROM cases`,
    );
    const refs = new Map(
      Array.from({ length: 6 }, (_, i) => `P-${i + 1}`).map((ref) => [
        hashCaseRef(testSecret, ref).toString("hex"),
        ref,
      ]),
    );
    return new Map(rows.map((r) => [refs.get(r.hash) ?? "?", r.id]));
  }
});

interface ExpectedCase {
  readonly id: number;
  readonly state: CaseState;
  readonly initiating: string;
  /** Days past the current step's target today; null unless stuck. */
  readonly daysOver: number | null;
}

/** Metric 7 for one case, by the domain's reference: only open cases count as stuck. */
function daysOverByRule(c: GeneratedCase, state: CaseState, today: IsoDate): number | null {
  if (state.closed) return null;
  return caseDaysOver(domainCase(c), state, today, defaultProcessModels) ?? null;
}

/** The rule of SPEC "Roles and scope" and "Consent", stated once more, over the domain's fold. */
function visibleByRule(user: Scope, c: ExpectedCase): boolean {
  if (user.role === "admin") return true;
  if (user.role !== "samordnare") return false;
  const ours = (unit: string | null) =>
    unit !== null && user.orgs.includes(organisationOf.get(unit) ?? "");
  if (ours(c.initiating) || ours(c.state.leadUnit)) return true;
  return c.state.consent !== "withdrawn" && [...c.state.participatingUnits].some(ours);
}

/** The domain's state of a generated case: events in file order, which is recorded order. */
function stateOf(c: GeneratedCase, county: readonly GeneratedCase[], today: IsoDate): CaseState {
  const firstSeq = county.slice(0, county.indexOf(c)).reduce((n, x) => n + x.events.length, 0);
  const events = c.events.map((e, i) => domainEvent(e, firstSeq + i + 1));
  const state = deriveCaseState(domainCase(c), events, today);
  if (state === undefined) throw new Error("the generated case opens after today");
  return state;
}

function domainCase(c: GeneratedCase): Case {
  return {
    ref: c.record.case_ref,
    process: c.record.process,
    targetGroup: c.record.target_group,
    ageGroup: "vuxen",
    municipality: c.record.municipality_code,
    openedOn: c.record.opened_on as IsoDate,
    initiatingUnit: c.record.initiating_unit,
  };
}

function domainEvent(e: EventRecord, seq: number): CaseEvent {
  const base = { occurredAt: parseOccurredAt(e.occurred_at) ?? Number.NaN, seq };
  switch (e.type) {
    case "step":
      return { ...base, type: "step", step: Number(e.step) };
    case "lead":
    case "join":
    case "leave":
      return { ...base, type: e.type, unit: e.unit_code };
    case "consent":
      return { ...base, type: "consent", value: e.value === "given" ? "given" : "withdrawn" };
    case "close":
      return { ...base, type: "close", reason: e.value };
    default:
      return { ...base, type: "reopen" };
  }
}

/** The part of the state a case summary shows. */
function currentState(s: {
  leadUnit: string | null;
  currentStep: number | null;
  closed: boolean;
  consent: string | null;
}) {
  return { leadUnit: s.leadUnit, currentStep: s.currentStep, closed: s.closed, consent: s.consent };
}
