import { importDirectory } from "@samsyn/db";
import { testDatabases, useMigratedDatabase, writeInterchange } from "@samsyn/db/testing";
import { type Role, roles, seesCaseLevel } from "@samsyn/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { authed, testApp, testScope, testSecret } from "../testing";

/**
 * For random users and random objects: no response carries data of an organisation outside the
 * user's scope, and no case-level response reaches a role other than samordnare/admin.
 * The county is random too (fixed seed, so a failure replays); users and requests vary per run.
 */
const organisations = ["org_a", "org_b", "org_c", "org_d"] as const;
const unitsOf = (org: string) => [`${org}_u1`, `${org}_u2`];
const allUnits = organisations.flatMap(unitsOf);
const organisationOf = (unit: string) => unit.replace(/_u\d$/, "");

interface CaseStory {
  readonly initiating: string;
  readonly lead: string;
  readonly joins: readonly string[];
  readonly leaves: readonly string[];
  readonly withdrawn: boolean;
}

const caseStory = fc.record({
  initiating: fc.constantFrom(...allUnits),
  lead: fc.constantFrom(...allUnits),
  joins: fc.uniqueArray(fc.constantFrom(...allUnits), { maxLength: 3 }),
  leaves: fc.uniqueArray(fc.constantFrom(...allUnits), { maxLength: 2 }),
  withdrawn: fc.boolean(),
});

const stories: CaseStory[] =
  fc.sample(fc.array(caseStory, { minLength: 12, maxLength: 12 }), {
    seed: 4711,
    numRuns: 1,
  })[0] ?? [];

/** The organisations that may see a case (the visibility rule, restated from the README). */
function organisationsSeeing(story: CaseStory): Set<string> {
  const owners = [story.initiating, story.lead].map(organisationOf);
  const participating = story.joins.filter((u) => !story.leaves.includes(u)).map(organisationOf);
  return new Set(story.withdrawn ? owners : [...owners, ...participating]);
}

function countyFiles() {
  const units = allUnits.map((code) => ({
    unit_code: code,
    unit_name: `Enhet ${code}`,
    organisation_code: organisationOf(code),
    organisation_name: `Organisation ${organisationOf(code)}`,
    principal_type: "kommun",
    municipality_code: "0180",
  }));
  const cases = stories.map((s, i) => ({
    case_ref: `P-${i}`,
    process: "sip",
    target_group: "samsjuklighet",
    age_group: "vuxen",
    municipality_code: "0180",
    opened_on: "2024-01-10",
    initiating_unit: s.initiating,
  }));
  const event = (ref: string, day: string, type: string, unit = "", value = "", step = "") => ({
    case_ref: ref,
    occurred_at: day,
    type,
    step,
    unit_code: unit,
    value,
  });
  const events = stories.flatMap((s, i) => [
    event(`P-${i}`, "2024-01-10", "step", "", "", "1"),
    event(`P-${i}`, "2024-01-11", "lead", s.lead),
    event(`P-${i}`, "2024-01-11", "consent", "", "given"),
    ...s.joins.map((u) => event(`P-${i}`, "2024-01-12", "join", u)),
    ...s.leaves
      .filter((u) => s.joins.includes(u))
      .map((u) => event(`P-${i}`, "2024-01-13", "leave", u)),
    ...(s.withdrawn ? [event(`P-${i}`, "2024-01-14", "consent", "", "withdrawn")] : []),
  ]);
  return { units, cases, events };
}

describe.each(testDatabases())("scope as a property of every response on $name", (target) => {
  const database = useMigratedDatabase(target);
  /** Case id → the organisations that may see it. */
  const seers = new Map<number, Set<string>>();

  beforeAll(async () => {
    const dir = await writeInterchange(countyFiles());
    const report = await importDirectory(database(), { dir, secret: testSecret });
    if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report.errors)}`);
    const res = await authed(testApp(database()), "/api/v1/cases?limit=100");
    const page = (await res.json()) as { items: { id: number; refHashPrefix: string }[] };
    // Cases were imported in file order: ids follow the stories.
    const ids = page.items.map((c) => c.id).sort((a, b) => a - b);
    ids.forEach((id, i) => {
      const story = stories[i];
      if (story !== undefined) seers.set(id, organisationsSeeing(story));
    });
  });

  const user = fc.record({
    role: fc.constantFrom<Role>(...roles),
    orgs: fc.uniqueArray(fc.constantFrom(...organisations), { minLength: 1, maxLength: 2 }),
  });

  it("never lists a case outside the user's scope, and lists every case inside it", async () => {
    await fc.assert(
      fc.asyncProperty(user, async ({ role, orgs }) => {
        const res = await authed(
          testApp(database()),
          "/api/v1/cases?limit=100",
          {},
          testScope(role, orgs),
        );
        if (!seesCaseLevel(role)) {
          expect(res.status).toBe(403);
          expect(await res.text()).not.toMatch(/refHashPrefix|initiatingUnit/);
          return;
        }
        expect(res.status).toBe(200);
        const ids = ((await res.json()) as { items: { id: number }[] }).items
          .map((c) => c.id)
          .sort();
        const expected = [...seers]
          .filter(([, who]) => role === "admin" || orgs.some((o) => who.has(o)))
          .map(([id]) => id)
          .sort();
        expect(ids).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("answers a single case only to those who may see it, 404 to other samordnare", async () => {
    const caseIds = [...seers.keys()];
    await fc.assert(
      fc.asyncProperty(user, fc.constantFrom(...caseIds), async ({ role, orgs }, id) => {
        const res = await authed(
          testApp(database()),
          `/api/v1/cases/${id}`,
          {},
          testScope(role, orgs),
        );
        const who = seers.get(id) ?? new Set();
        const expected = !seesCaseLevel(role)
          ? 403
          : role === "admin" || orgs.some((o) => who.has(o))
            ? 200
            : 404;
        expect(res.status).toBe(expected);
        if (expected !== 200) expect(await res.text()).not.toMatch(/events|initiatingUnit/);
      }),
      { numRuns: 40 },
    );
  });

  it("lists only the units of the user's organisations, unless admin or länsgrupp", async () => {
    await fc.assert(
      fc.asyncProperty(user, async ({ role, orgs }) => {
        const res = await authed(testApp(database()), "/api/v1/units", {}, testScope(role, orgs));
        expect(res.status).toBe(200);
        const units = ((await res.json()) as { items: { organisation: string }[] }).items;
        const outside = units.filter((u) => !(orgs as readonly string[]).includes(u.organisation));
        if (role === "admin" || role === "lan") expect(units).toHaveLength(allUnits.length);
        else expect(outside).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
