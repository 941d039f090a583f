import {
  defaultProcessModels,
  type MetricAccess,
  type MetricQuery,
  networkLevels,
  referenceCaseCounts,
  referenceFlow,
  referenceLeadTimes,
  referenceNetwork,
  referenceSipConsent,
  referenceStuck,
  referenceTrend,
  trendDimensions,
  trendMeasures,
} from "@samsyn/domain";
import { caseLog } from "@samsyn/domain/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "../../client";
import { resetData, testDatabases, useMigratedDatabase } from "../../testing";
import {
  arbCounty,
  arbQuery,
  arbRestriction,
  arbStep,
  type County,
  modelsWithTargets,
  type QueryOptions,
  restrictCases,
  unitPrincipal,
  writeCounty,
} from "../../testing/reference-county";
import { caseCounts } from "./case-counts";
import { flow } from "./flow";
import { leadTimes } from "./lead-times";
import { network } from "./network";
import { sipConsent } from "./sip-consent";
import { stuck } from "./stuck";
import { trend } from "./trend";

/**
 * SPEC "Metrics" is checked from outside against an independent implementation, so each metric's
 * SQL is held to the domain's reference: for random small counties (ties, date-only and
 * timestamp events, back-steps, close/reopen, lead and consent changes, DST weeks) and random
 * queries, the SQL's unsuppressed cells equal the reference's cells exactly.
 */
const numRuns = 40;

/** One metric under test: its extra parameters, its SQL and its reference, over one county. */
interface Metric<P> {
  readonly parameters: fc.Arbitrary<P>;
  readonly queryOptions?: QueryOptions;
  sql(db: Db, query: MetricQuery, parameters: P, access: MetricAccess): Promise<readonly object[]>;
  reference(
    county: County,
    built: County["cases"],
    query: MetricQuery,
    parameters: P,
  ): readonly object[];
}

describe.each(testDatabases())("metric SQL equals the domain reference on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  async function holdsToReference<P>(metric: Metric<P>): Promise<void> {
    const scenario = arbCounty(defaultProcessModels).chain((county) =>
      fc.tuple(
        fc.constant(county),
        fc.array(
          fc.tuple(arbQuery(county.start, metric.queryOptions), metric.parameters, arbRestriction),
          { minLength: 1, maxLength: 4 },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ([county, queries]) => {
        await resetData(db());
        await writeCounty(db(), county.cases, county.targets);
        for (const [query, parameters, restriction] of queries) {
          const built = restrictCases(county.cases, query.asOf, restriction);
          const expected = metric.reference(county, built, query, parameters);
          const access: MetricAccess = { view: restriction ? "own" : "county", restriction };
          const actual = await metric.sql(db(), query, parameters, access);
          expect(comparable(actual)).toEqual(comparable(expected));
        }
      }),
      { numRuns },
    );
  }

  it("case counts", () =>
    holdsToReference({
      parameters: fc.constant(null),
      sql: async (db, query, _, access) => {
        const counts = await caseCounts(db, query, access);
        return [...counts.cells, { total: counts.total }];
      },
      reference: (_, built, query) => {
        const { cases, eventsByCase } = caseLog(built);
        const counts = referenceCaseCounts(cases, eventsByCase, query, unitPrincipal);
        return [...counts.cells, { total: counts.total }];
      },
    }));

  it("lead times", () =>
    holdsToReference({
      parameters: fc.record({
        process: fc.constantFrom("intern_samsjuklighet", "sip"),
        fromStep: arbStep,
        toStep: arbStep,
      }),
      sql: leadTimes,
      reference: (_, built, query, steps) => {
        const { cases, eventsByCase } = caseLog(built);
        return referenceLeadTimes(cases, eventsByCase, query, steps, unitPrincipal);
      },
    }));

  it("flow", () =>
    holdsToReference({
      parameters: fc.record({ process: fc.constantFrom("intern_samsjuklighet", "sip") }),
      queryOptions: { grouped: false },
      sql: flow,
      reference: (_, built, query, parameters) => {
        const { cases, eventsByCase } = caseLog(built);
        return referenceFlow(cases, eventsByCase, query, parameters, unitPrincipal);
      },
    }));

  it("trend", () =>
    holdsToReference({
      parameters: fc.record({ measure: fc.constantFrom(...trendMeasures) }),
      queryOptions: { dimensions: trendDimensions },
      sql: trend,
      reference: (_, built, query, parameters) => {
        const { cases, eventsByCase } = caseLog(built);
        return referenceTrend(cases, eventsByCase, query, parameters, unitPrincipal);
      },
    }));

  it("SIP and consent", () =>
    holdsToReference({
      parameters: fc.constant(null),
      sql: (db, query, _, access) => sipConsent(db, query, access),
      reference: (_, built, query) => {
        const { cases, eventsByCase } = caseLog(built);
        return referenceSipConsent(cases, eventsByCase, query, unitPrincipal);
      },
    }));

  it("collaboration network", () =>
    holdsToReference({
      parameters: fc.record({ level: fc.constantFrom(...networkLevels) }),
      queryOptions: { grouped: false },
      sql: network,
      reference: (_, built, query, parameters) => {
        const { cases, eventsByCase } = caseLog(built);
        return referenceNetwork(cases, eventsByCase, query, parameters, unitPrincipal);
      },
    }));

  it("stuck cases, with the county's target days", () =>
    holdsToReference({
      parameters: fc.constant(null),
      sql: (db, query, _, access) => stuck(db, query, access),
      reference: (county, built, query) => {
        const { cases, eventsByCase } = caseLog(built);
        const processModels = modelsWithTargets(defaultProcessModels, county);
        return referenceStuck(cases, eventsByCase, query, { processModels }, unitPrincipal);
      },
    }));
});

/**
 * Cells in a canonical order, with percentiles rounded far below what anyone reads: the SQL and
 * the reference do the same arithmetic, but an order-insensitive comparison should not hinge on
 * the last bit of a double.
 */
function comparable(cells: readonly object[]): string[] {
  return cells
    .map((cell) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(cell)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([key, value]) => [
              key,
              typeof value === "number" && !Number.isInteger(value)
                ? Math.round(value * 1e9) / 1e9
                : value,
            ]),
        ),
      ),
    )
    .sort();
}
