import {
  addDays,
  type Case,
  type CaseEvent,
  type CaseStatus,
  consentValues,
  type Dimension,
  deriveCaseState,
  dimensions,
  type IsoDate,
  type MetricQuery,
  type MetricRestriction,
  type PrincipalType,
  type ProcessModel,
  participationValues,
  sipValues,
  startOfStockholmDay,
} from "@samsyn/domain";
import { arbRefPrefix, type BuiltCase, type CaseEventBody } from "@samsyn/domain/testing";
import { type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import type { Db } from "../client";
import { casesWithoutFacts, refreshCaseFacts } from "../operations/case-facts/refresh";
import { selectRows } from "../queries/rows";

/**
 * A small county for holding the metric SQL to the domain's reference: units of four
 * organisations of four principal types, random cases with random event logs written straight
 * to the tables, and random queries. Test support only.
 */
export const countyUnits = [
  { code: "soc-vuxen", organisation: "stockholms_stad", principalType: "kommun" },
  { code: "beroendeenheten", organisation: "stockholms_stad", principalType: "kommun" },
  { code: "psykiatrisk-oppenvard", organisation: "region_stockholm", principalType: "region" },
  { code: "bup", organisation: "region_stockholm", principalType: "region" },
  { code: "elevhalsan", organisation: "nacka_skola", principalType: "skola" },
  { code: "fk-lokal", organisation: "forsakringskassan", principalType: "forsakringskassan" },
] as const satisfies readonly {
  code: string;
  organisation: string;
  principalType: PrincipalType;
}[];

export const countyOrganisations = [...new Set(countyUnits.map((u) => u.organisation))];
const unitCodes = countyUnits.map((u) => u.code);

export function unitPrincipal(unit: string): PrincipalType | undefined {
  return countyUnits.find((u) => u.code === unit)?.principalType;
}

function organisationOf(unit: string): string | undefined {
  return countyUnits.find((u) => u.code === unit)?.organisation;
}

/** Periods that hold a DST change (spring, autumn) or a year boundary, several months long. */
const starts = ["2024-03-20", "2024-10-15", "2024-12-10"] as const;
const periodDays = 70;

const arbUnit = fc.constantFrom(...unitCodes);

/** Mostly the first four steps, so that back-steps and repeated transitions are common. */
export const arbStep = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 11 }) },
);

/** Steps weigh most: lead times and flow need several per case, back-steps included. */
const arbEventBody: fc.Arbitrary<CaseEventBody> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant("step" as const),
      step: fc.integer({ min: 1, max: 11 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("lead" as const), unit: arbUnit }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("join" as const), unit: arbUnit }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("leave" as const), unit: arbUnit }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("consent" as const),
      value: fc.constantFrom(...consentValues),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("sip" as const),
      value: fc.constantFrom(...sipValues),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("participation" as const),
      step: fc.integer({ min: 1, max: 11 }),
      value: fc.constantFrom(...participationValues),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("close" as const), reason: fc.constant("avslutat") }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("reopen" as const) }) },
);

function arbCase(ref: string, start: IsoDate): fc.Arbitrary<Case> {
  return fc.record({
    ref: fc.constant(ref),
    process: fc.constantFrom("intern_samsjuklighet", "sip"),
    targetGroup: fc.constantFrom("samsjuklighet", "missbruk_beroende", "npf_adhd"),
    ageGroup: fc.constantFrom("barn" as const, "vuxen" as const, "aldre" as const),
    municipality: fc.constantFrom("0180", "0182", "0127"),
    openedOn: fc.integer({ min: 0, max: periodDays - 10 }).map((d) => addDays(start, d)),
    initiatingUnit: arbUnit,
  });
}

/**
 * Events on a few days of the period at a handful of times of day, so that ties in occurredAt
 * are common (recorded order decides them) and 23:30 and 00:00 sit on either side of a date;
 * sometimes before the case was opened. Recorded order `seq` = 1, 2, …
 */
function arbHistory(ref: string, start: IsoDate): fc.Arbitrary<BuiltCase> {
  const minutesOfDay = [0, 0, 90, 9 * 60, 23 * 60 + 30];
  return fc
    .record({
      case: arbCase(ref, start),
      days: fc.array(fc.integer({ min: 0, max: periodDays }), { minLength: 1, maxLength: 5 }),
      bodies: fc.array(fc.tuple(arbEventBody, fc.nat(), fc.constantFrom(...minutesOfDay)), {
        minLength: 2,
        maxLength: 24,
        size: "max",
      }),
    })
    .map(({ case: c, days, bodies }) => ({
      case: c,
      events: bodies.map(([body, day, minutes], i) => {
        const date = addDays(start, days[day % days.length] ?? 0);
        const occurredAt = startOfStockholmDay(date) + minutes * 60_000;
        return { ...body, occurredAt, seq: i + 1 } as CaseEvent;
      }),
    }));
}

export interface County {
  readonly start: IsoDate;
  readonly cases: readonly BuiltCase[];
  /** Target days per process and step as the county set them (null: no target). */
  readonly targets: readonly { process: string; step: number; targetDays: number | null }[];
}

export function arbCounty(processModels: readonly ProcessModel[]): fc.Arbitrary<County> {
  const steps = processModels.flatMap((m) =>
    m.steps.map((s) => ({ process: m.code, step: s.number })),
  );
  return fc.constantFrom(...starts).chain((start) =>
    fc.record({
      start: fc.constant(start as IsoDate),
      cases: fc.integer({ min: 0, max: 16 }).chain((n) =>
        // Refs are stored as their own hash, so their first four bytes are the record key:
        // a random prefix gives every case its own, and the cell keys something to check.
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            arbRefPrefix.chain((prefix) => arbHistory(`${prefix}-${i + 1}`, start as IsoDate)),
          ),
        ),
      ),
      targets: fc.tuple(
        ...steps.map((s) =>
          fc
            .option(fc.integer({ min: 0, max: 30 }), { nil: null })
            .map((targetDays) => ({ ...s, targetDays })),
        ),
      ),
    }),
  );
}

export interface QueryOptions {
  readonly dimensions?: readonly Dimension[];
  /** Flow and network take no groupBy. */
  readonly grouped?: boolean;
}

/** Random common parameters around the county's period, some of them reaching outside it. */
export function arbQuery(start: IsoDate, options: QueryOptions = {}): fc.Arbitrary<MetricQuery> {
  const arbDate = fc.integer({ min: -5, max: periodDays + 15 }).map((d) => addDays(start, d));
  const arbAsOf = fc
    .oneof(
      fc.integer({ min: -5, max: periodDays + 15 }),
      fc.integer({ min: periodDays / 2, max: periodDays + 15 }),
    )
    .map((d) => addDays(start, d));
  // Mostly absent, so that populations are seldom empty; present often enough to be tested.
  const optional = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
  return fc
    .record({
      from: optional(arbDate),
      to: optional(arbDate),
      asOf: arbAsOf,
      status: optional(fc.constantFrom<CaseStatus>("open", "closed", "all")),
      municipality: optional(fc.subarray(["0180", "0182", "0127", "0114"])),
      targetGroup: optional(fc.subarray(["samsjuklighet", "missbruk_beroende", "npf_adhd"])),
      ageGroup: optional(fc.subarray(["barn", "vuxen", "aldre"] as const)),
      process: optional(fc.subarray(["intern_samsjuklighet", "sip"])),
      leadPrincipal: optional(fc.subarray(["kommun", "region", "skola", "privat"] as const)),
      groupBy:
        options.grouped === false
          ? fc.constant(undefined)
          : fc.shuffledSubarray([...(options.dimensions ?? dimensions)], { maxLength: 3 }),
    })
    .map((query) => withoutUndefined(query) as MetricQuery);
}

export const arbRestriction: fc.Arbitrary<MetricRestriction | undefined> = fc.option(
  fc.record({ organisations: fc.subarray(countyOrganisations) }),
  { nil: undefined },
);

/** exactOptionalPropertyTypes: an absent parameter is left out, not set to undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The cases the reference sees under a restriction, decided here over the domain's fold: the
 * initiating unit or a unit that took part before asOf belongs to one of the organisations.
 */
export function restrictCases(
  built: readonly BuiltCase[],
  asOf: IsoDate,
  restriction: MetricRestriction | undefined,
): BuiltCase[] {
  if (restriction === undefined) return [...built];
  const ours = (unit: string) => restriction.organisations.includes(organisationOf(unit) ?? "");
  return built.filter((b) => {
    const state = deriveCaseState(b.case, b.events, asOf);
    return ours(b.case.initiatingUnit) || [...(state?.unitsThatTookPart ?? [])].some(ours);
  });
}

/**
 * Writes cases and their events straight to the tables (faster than an import) with the units
 * of `countyUnits` and, when given, the county's target days; then derives the facts as every
 * writer does.
 */
export async function writeCounty(
  db: Db,
  built: readonly BuiltCase[],
  targets: County["targets"] = [],
): Promise<void> {
  await db.execute(
    sql`INSERT INTO organisations (code, name, principal_type) VALUES ${rows(
      countyOrganisations.map((code) => [code, code, principalTypeOf(code)]),
    )}`,
  );
  await db.execute(
    sql`INSERT INTO units (code, name, organisation_code) VALUES ${rows(
      countyUnits.map((u) => [u.code, u.code, u.organisation]),
    )}`,
  );
  if (targets.length > 0) await writeTargets(db, targets);
  if (built.length > 0) await writeCases(db, built);
  await refreshCaseFacts((statement) => db.execute(statement), casesWithoutFacts);
}

async function writeTargets(db: Db, targets: County["targets"]): Promise<void> {
  await db.execute(sql`UPDATE process_steps ps SET target_days = t.target_days::int
    FROM (VALUES ${rows(targets.map((t) => [t.process, t.step, t.targetDays]))})
      AS t (process_code, number, target_days)
    WHERE ps.process_code = t.process_code AND ps.number = t.number::smallint`);
}

async function writeCases(db: Db, built: readonly BuiltCase[]): Promise<void> {
  const inserted = await selectRows<{ id: number; ref: string }>(
    db,
    sql`INSERT INTO cases (ref_hash, process, target_group, age_group, municipality_code,
        opened_on, initiating_unit, organisation_code)
      VALUES ${sql.join(
        built.map(
          (b) =>
            sql`(${sql.join(
              caseRow(b.case).map((v) => sql`${v}`),
              sql`, `,
            )}, (SELECT organisation_code FROM units WHERE code = ${b.case.initiatingUnit}))`,
        ),
        sql`, `,
      )}
      RETURNING id, convert_from(ref_hash, 'UTF8') AS ref`,
  );
  const ids = new Map(inserted.map((row) => [row.ref, row.id]));
  const events = built.flatMap((b) => eventRows(ids.get(b.case.ref) ?? 0, b.events));
  if (events.length === 0) return;
  await db.execute(sql`INSERT INTO case_events
      (seq, case_id, occurred_at, type, step, unit_code, value, occurrence)
    VALUES ${rows(events.map((e, i) => [i + 1, ...e]))}`);
}

type Value = string | number | null | Buffer;

function rows(values: readonly (readonly Value[])[]): SQL {
  return sql.join(
    values.map(
      (row) =>
        sql`(${sql.join(
          row.map((v) => sql`${v}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
}

function principalTypeOf(organisation: string): PrincipalType {
  return countyUnits.find((u) => u.organisation === organisation)?.principalType ?? "privat";
}

function caseRow(c: Case): Value[] {
  return [
    Buffer.from(c.ref),
    c.process,
    c.targetGroup,
    c.ageGroup,
    c.municipality,
    c.openedOn,
    c.initiatingUnit,
  ];
}

/**
 * A case's events in recorded order as rows (case_id, occurred_at, type, step, unit_code, value,
 * occurrence), identical rows numbered by occurrence as SPEC's event identity asks.
 */
function eventRows(caseId: number, events: readonly CaseEvent[]): Value[][] {
  const seen = new Map<string, number>();
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const columns = eventColumns(e);
      const key = JSON.stringify([e.occurredAt, e.type, columns]);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return [caseId, new Date(e.occurredAt).toISOString(), e.type, ...columns, occurrence];
    });
}

/** step, unit_code, value of an event, as the interchange format fills them per type. */
function eventColumns(e: CaseEvent): [number | null, string | null, string | null] {
  switch (e.type) {
    case "step":
      return [e.step, null, null];
    case "lead":
    case "join":
    case "leave":
      return [null, e.unit, null];
    case "consent":
    case "sip":
      return [null, null, e.value];
    case "participation":
      return [e.step, null, e.value];
    case "close":
      return [null, null, e.reason];
    case "reopen":
      return [null, null, null];
  }
}

/** The process models with the county's target days, for the reference of metric 7. */
export function modelsWithTargets(models: readonly ProcessModel[], county: County): ProcessModel[] {
  return models.map((m) => ({
    ...m,
    steps: m.steps.map((s) => {
      const target = county.targets.find((t) => t.process === m.code && t.step === s.number);
      const { targetDays: _, ...rest } = s;
      const targetDays = target === undefined ? s.targetDays : target.targetDays;
      return targetDays === null || targetDays === undefined ? rest : { ...rest, targetDays };
    }),
  }));
}
