import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type IsoDate, isRealDate, t } from "@samsyn/domain";
import { dayOf } from "./calendar";
import { caseRef, drawCase } from "./case-profile";
import { buildDemoCounty, type DemoCounty } from "./county";
import { type CsvFile, openCsvFile } from "./csv-file";
import { createRandom, deriveSeed } from "./prng";
import { caseRow, casesHeader, eventRows, eventsHeader, unitRow, unitsHeader } from "./rows";
import { simulateCase } from "./simulate";

export interface DemoCountyOptions {
  readonly outDir: string;
  readonly seed?: number;
  readonly cases?: number;
  /** The last day with events; fixed by default so the output does not depend on today. */
  readonly asOf?: IsoDate;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoCountySummary {
  readonly units: number;
  readonly cases: number;
  readonly events: number;
}

/**
 * The seed `samsyn start` loads into an empty database, and the one `demo-data` writes unless told
 * otherwise. They differ, so that a new user who imports `demo-data`'s files into the started
 * demo adds a second set of cases instead of colliding with the first: a case ref holds its seed.
 */
export const PRELOADED_DEMO_SEED = 1;
export const DEFAULT_DEMO_SEED = 2;
export const DEFAULT_DEMO_CASES = 10_000;
export const DEFAULT_DEMO_AS_OF = "2025-06-30" as IsoDate;
/** Keeps every case ref's digit runs short (see `caseRef`). */
export const MAX_DEMO_CASES = 10_000_000;
const PROGRESS_EVERY = 1_000;

/**
 * Writes a synthetic Stockholms län in the interchange format (`units.csv`, `cases.csv`,
 * `events.csv` in `outDir`): the same bytes for the same seed, cases and asOf.
 */
export async function generateDemoCounty(options: DemoCountyOptions): Promise<DemoCountySummary> {
  const { seed, cases, asOf } = validOptions(options);
  await mkdir(options.outDir, { recursive: true });
  const county = buildDemoCounty();
  await writeUnits(join(options.outDir, "units.csv"), county);
  const casesFile = openCsvFile(join(options.outDir, "cases.csv"), casesHeader);
  const eventsFile = openCsvFile(join(options.outDir, "events.csv"), eventsHeader);
  try {
    const events = await writeCases(casesFile, eventsFile, {
      county,
      seed,
      cases,
      asOfDay: dayOf(asOf),
      onProgress: options.onProgress,
    });
    return { units: county.units.length, cases, events };
  } finally {
    await Promise.all([casesFile.close(), eventsFile.close()]);
  }
}

function validOptions(options: DemoCountyOptions): { seed: number; cases: number; asOf: IsoDate } {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const cases = options.cases ?? DEFAULT_DEMO_CASES;
  const asOf = options.asOf ?? DEFAULT_DEMO_AS_OF;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(t("demo.invalid_seed", { max: 0xffff_ffff }));
  }
  if (!Number.isInteger(cases) || cases < 0 || cases > MAX_DEMO_CASES) {
    throw new RangeError(t("demo.invalid_cases", { max: MAX_DEMO_CASES }));
  }
  if (!isRealDate(asOf)) throw new RangeError(t("demo.invalid_as_of"));
  return { seed, cases, asOf };
}

async function writeUnits(path: string, county: DemoCounty): Promise<void> {
  const file = openCsvFile(path, unitsHeader);
  for (const unit of county.units) file.add(unitRow(unit));
  await file.close();
}

interface CaseRun {
  readonly county: DemoCounty;
  readonly seed: number;
  readonly cases: number;
  readonly asOfDay: number;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/** Each case draws from its own seeded stream, so a smaller run is a prefix of a larger one. */
async function writeCases(casesFile: CsvFile, eventsFile: CsvFile, run: CaseRun): Promise<number> {
  let events = 0;
  for (let n = 1; n <= run.cases; n++) {
    const random = createRandom(deriveSeed(run.seed, n));
    const demoCase = drawCase(random, run.county, caseRef(run.seed, n), run.asOfDay);
    const caseEvents = simulateCase(random, demoCase, run.asOfDay);
    casesFile.add(caseRow(demoCase));
    eventsFile.add(eventRows(demoCase.ref, caseEvents, random));
    events += caseEvents.length;
    if (n % PROGRESS_EVERY === 0 || n === run.cases) {
      await Promise.all([casesFile.ready(), eventsFile.ready()]);
      run.onProgress?.(n, run.cases);
    }
  }
  return events;
}
