import {
  type Disclosure,
  defaultProcessModels,
  disclosureModes,
  type MetricAccess,
  type MetricQuery,
  networkLevels,
  trendDimensions,
  trendMeasures,
} from "@samsyn/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resetData, testDatabases, useMigratedDatabase } from "../../testing";
import {
  arbCounty,
  arbQuery,
  arbRestriction,
  arbStep,
  writeCounty,
} from "../../testing/reference-county";
import { caseCounts } from "./case-counts";
import { type Metric, type MetricName, metricNames, publishMetric } from "./publish";

/** The numbers of each metric's cells that count cases (the others are statistics). */
const countFields: Readonly<Record<MetricName, readonly string[]>> = {
  caseCounts: ["count"],
  leadTimes: ["n", "pending"],
  flow: ["count"],
  trend: ["count"],
  sipConsent: ["consentGiven", "consentDeclined", "consentWithdrawn", "sipEstablished"],
  network: ["count"],
  stuck: ["count"],
  // Counts escalations, not cases: its property is in queries/escalations/metric.test.ts.
  escalations: ["open", "resolved"],
  // Counts evaluation items: its property is in domain/src/evaluations/themes.test.ts.
  evaluationThemes: ["workedWell", "improve"],
};

const arbProcess = fc.constantFrom("intern_samsjuklighet", "sip");

/** One of each metric, with random parameters. */
const arbMetrics: fc.Arbitrary<Metric[]> = fc.tuple(
  fc.constant({ name: "caseCounts" as const }),
  fc.record({
    name: fc.constant("leadTimes" as const),
    process: arbProcess,
    fromStep: arbStep,
    toStep: arbStep,
  }),
  fc.record({ name: fc.constant("flow" as const), process: arbProcess }),
  fc.record({ name: fc.constant("trend" as const), measure: fc.constantFrom(...trendMeasures) }),
  fc.constant({ name: "sipConsent" as const }),
  fc.record({ name: fc.constant("network" as const), level: fc.constantFrom(...networkLevels) }),
  fc.constant({ name: "stuck" as const }),
);

const arbDisclosure: fc.Arbitrary<Disclosure> = fc.record({
  mode: fc.constantFrom(...disclosureModes),
  k: fc.integer({ min: 3, max: 6 }),
});

/** The grouping each metric takes: trend only its own dimensions, flow and network none. */
function queryFor(metric: Metric, grouped: MetricQuery, trendGrouped: MetricQuery): MetricQuery {
  if (metric.name === "trend") return trendGrouped;
  if (metric.name === "flow" || metric.name === "network") return { ...grouped, groupBy: [] };
  return grouped;
}

/** Every count a publication holds: its cells' counts, and case counts' total. */
function publishedCounts(name: MetricName, published: unknown): (number | null)[] {
  const cells = Array.isArray(published)
    ? published
    : (published as { cells: readonly unknown[] }).cells;
  const counts = cells.flatMap((cell) =>
    countFields[name].map((field) => (cell as Record<string, number | null>)[field] ?? null),
  );
  if (!Array.isArray(published)) counts.push((published as { total: number | null }).total);
  return counts;
}

describe.each(testDatabases())("publishMetric on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  it("never publishes a count from 1 to k−1, for any metric in either mode, and tells the audit", async () => {
    let smallTruths = 0;
    const scenario = arbCounty(defaultProcessModels).chain((county) =>
      fc.tuple(
        fc.constant(county),
        arbQuery(county.start),
        arbQuery(county.start, { dimensions: trendDimensions }),
        arbMetrics,
        arbRestriction,
        arbDisclosure,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        scenario,
        async ([county, grouped, trendGrouped, metrics, restriction, disclosure]) => {
          await resetData(db());
          await writeCounty(db(), county.cases, county.targets);
          const access: MetricAccess = { view: restriction ? "own" : "county", restriction };
          const audited: MetricName[] = [];
          const audit = { published: (metric: MetricName) => audited.push(metric) };
          for (const metric of metrics) {
            const query = queryFor(metric, grouped, trendGrouped);
            const published = await publishMetric(db(), metric, query, access, {
              disclosure,
              audit,
            });
            for (const count of publishedCounts(metric.name, published)) {
              expect(count === null || count === 0 || count >= disclosure.k, metric.name).toBe(
                true,
              );
            }
          }
          expect(audited).toEqual(metricNames);
          // The property has teeth only where the truth holds small counts: note how often.
          const truth = await caseCounts(db(), grouped, access);
          if (truth.cells.some((c) => c.count > 0 && c.count < disclosure.k)) smallTruths += 1;
        },
      ),
      // Any counterexample is a disclosure: the first is enough, and shrinking it through a
      // database reset per step would take many minutes.
      { numRuns: 25, endOnFailure: true },
    );
    expect(smallTruths).toBeGreaterThan(0);
  });
});
