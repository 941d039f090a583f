import type { Db } from "../client";
import { caseEvents, cases, organisations, units } from "../schema";

export interface Summary {
  readonly organisations: number;
  readonly units: number;
  readonly cases: number;
  readonly events: number;
}

/** What is loaded, for `/api/v1/health` and the CLI. Exact counts: a full scan of the events. */
export async function countSummary(db: Db): Promise<Summary> {
  // $count maps the driver's bigint text to a number on both drivers.
  const [organisationCount, unitCount, caseCount, eventCount] = await Promise.all([
    db.$count(organisations),
    db.$count(units),
    db.$count(cases),
    db.$count(caseEvents),
  ]);
  return {
    organisations: organisationCount,
    units: unitCount,
    cases: caseCount,
    events: eventCount,
  };
}
