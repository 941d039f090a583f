import {
  type Disclosure,
  type EscalationFact,
  escalationFigures,
  type IsoDate,
  type MetricAccess,
  publishEscalationFigures,
  type Scope,
} from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { liftEscalation, raiseEscalation, resolveEscalation } from "../../operations/escalations";
import {
  anAuditContext,
  aScope,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../../testing";
import { type MetricName, publishMetric } from "../metrics/publish";
import { escalationFacts, escalationRecordKey } from "./facts";

const lan = aScope("lan", []);
const secret = "escalation-metric-test-secret";
const at = (date: string) => new Date(`${date}T10:00:00Z`);

/** An escalation's way: raised, lifted, resolved on these days, between these organisations. */
interface Story {
  readonly organisations: readonly string[];
  readonly openedOn: string;
  readonly lifts: readonly string[];
  readonly resolvedOn: string | null;
}

const stockholm = ["stockholms_stad", "region_stockholm"];
const solna = ["solna_stad", "region_stockholm"];
const stories: Story[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    organisations: stockholm,
    openedOn: "2026-01-05",
    lifts: [],
    resolvedOn: `2026-02-1${i}`,
  })),
  {
    organisations: stockholm,
    openedOn: "2026-01-10",
    lifts: ["2026-01-20"],
    resolvedOn: "2026-03-01",
  },
  {
    organisations: solna,
    openedOn: "2026-01-10",
    lifts: ["2026-01-20", "2026-02-01"],
    resolvedOn: null,
  },
  // Lifted after the period: at level 1 as of its end.
  { organisations: solna, openedOn: "2026-02-01", lifts: ["2026-04-02"], resolvedOn: null },
  // Raised after the period: not counted at all.
  { organisations: stockholm, openedOn: "2026-04-05", lifts: [], resolvedOn: null },
];

describe.each(testDatabases())("the escalation metric on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;
  const ids: string[] = [];

  beforeAll(async () => {
    await resetData(db());
    await importExampleCounty(database());
    ids.length = 0;
    for (const story of stories) {
      const ctx = () => anAuditContext(lan);
      const raised = await raiseEscalation(
        db(),
        lan,
        ctx(),
        {
          about: { kind: "routine" },
          organisations: story.organisations,
          question: "Vem ansvarar?",
        },
        at(story.openedOn),
      );
      if (!raised.ok) throw new Error("not raised");
      for (const day of story.lifts)
        await liftEscalation(db(), lan, ctx(), raised.value.id, { note: "Lyfts." }, at(day));
      if (story.resolvedOn !== null)
        await resolveEscalation(
          db(),
          lan,
          ctx(),
          raised.value.id,
          { resolution: "Löst." },
          at(story.resolvedOn),
        );
      ids.push(raised.value.id);
    }
  });

  /** The facts of the stories that `keep` allows, as the domain expects them. */
  function expectedFacts(keep: (story: Story) => boolean, to: string): EscalationFact[] {
    return stories.flatMap((story, i) =>
      keep(story) && story.openedOn <= to
        ? [
            {
              recordKey: escalationRecordKey(secret, ids[i] ?? ""),
              openedOn: story.openedOn as IsoDate,
              liftedOn: story.lifts as IsoDate[],
              resolvedOn: story.resolvedOn as IsoDate | null,
            },
          ]
        : [],
    );
  }

  const sorted = (facts: EscalationFact[]) => [...facts].sort((a, b) => a.recordKey - b.recordKey);

  it("loads every escalation raised by `to`, with its lifts, for whom the access allows", async () => {
    const county: MetricAccess = { view: "county", restriction: undefined };
    const solnaOnly: MetricAccess = { view: "own", restriction: { organisations: ["solna_stad"] } };
    const to = "2026-03-31" as IsoDate;
    expect(sorted(await escalationFacts(db(), county, secret, to))).toEqual(
      sorted(expectedFacts(() => true, to)),
    );
    expect(sorted(await escalationFacts(db(), solnaOnly, secret, to))).toEqual(
      sorted(expectedFacts((s) => s.organisations.includes("solna_stad"), to)),
    );
    const nobody: MetricAccess = { view: "own", restriction: { organisations: [] } };
    expect(await escalationFacts(db(), nobody, secret, to)).toEqual([]);
  });

  it("keys each escalation by a keyed hash of its id: another secret, other keys", () => {
    const id = ids[0] ?? "";
    expect(escalationRecordKey(secret, id)).toBe(escalationRecordKey(secret, id));
    expect(escalationRecordKey(secret, id)).not.toBe(escalationRecordKey(`${secret}-2`, id));
    expect(() => escalationRecordKey("", id)).toThrow();
  });

  it.each(["cellkey", "suppression"] as const)(
    "publishes the domain's figures of the loaded facts in the %s mode, and tells the audit",
    async (mode) => {
      const disclosure: Disclosure = { mode, k: 5 };
      const published: MetricName[] = [];
      const scope: Scope = aScope("ledning", ["stockholms_stad"]);
      const access: MetricAccess = { view: "own", restriction: { organisations: scope.orgs } };
      const answer = await publishMetric(
        db(),
        { name: "escalations", byLevel: true, recordKeySecret: secret },
        {
          from: "2026-01-01" as IsoDate,
          to: "2026-03-31" as IsoDate,
          asOf: "2026-03-31" as IsoDate,
        },
        access,
        { disclosure, audit: { published: (metric) => published.push(metric) } },
      );
      const facts = expectedFacts((s) => s.organisations.includes("stockholms_stad"), "2026-03-31");
      const period = { from: "2026-01-01" as IsoDate, to: "2026-03-31" as IsoDate };
      expect(answer).toEqual(
        publishEscalationFigures(escalationFigures(facts, period), true, disclosure),
      );
      expect(published).toEqual(["escalations"]);
      // Six resolved at level 1 and one at level 2: the lone one is withheld in both modes.
      expect(answer.cells.find((c) => c.level === 2)?.resolved).toBeNull();
      expect(answer.total.resolved === null || answer.total.resolved >= 5).toBe(true);
    },
  );
});
