import fc from "fast-check";
import type { Case, CaseEvent } from "../case";
import { consentValues, participationValues, sipValues } from "../case";
import type { IsoDate } from "../codes";
import { addDays, startOfStockholmDay } from "../time";
import type { BuiltCase, CaseEventBody } from "./builders";

/** A few units, so that joins, leaves and leads of the same unit meet often. */
export const testUnits = ["soc-vuxen", "beroendeenheten", "psykiatrisk-oppenvard", "bup"] as const;

export const arbEventBody: fc.Arbitrary<CaseEventBody> = fc.oneof(
  fc.record({ type: fc.constant("step" as const), step: fc.integer({ min: 1, max: 11 }) }),
  fc.record({ type: fc.constant("lead" as const), unit: fc.constantFrom(...testUnits) }),
  fc.record({ type: fc.constant("join" as const), unit: fc.constantFrom(...testUnits) }),
  fc.record({ type: fc.constant("leave" as const), unit: fc.constantFrom(...testUnits) }),
  fc.record({ type: fc.constant("consent" as const), value: fc.constantFrom(...consentValues) }),
  fc.record({ type: fc.constant("sip" as const), value: fc.constantFrom(...sipValues) }),
  fc.record({
    type: fc.constant("participation" as const),
    step: fc.integer({ min: 1, max: 11 }),
    value: fc.constantFrom(...participationValues),
  }),
  fc.record({ type: fc.constant("close" as const), reason: fc.constant("avslutat") }),
  fc.record({ type: fc.constant("reopen" as const) }),
);

/**
 * Instants on the days from `start`, at a handful of times of day, so that ties in occurredAt
 * are common and, with the default start, the spring DST change falls inside the range.
 */
export function arbInstant(start: IsoDate, days: number): fc.Arbitrary<number> {
  const minutesOfDay = [0, 0, 90, 9 * 60, 23 * 60 + 30];
  return fc
    .record({
      day: fc.integer({ min: 0, max: days }),
      minutes: fc.constantFrom(...minutesOfDay),
    })
    .map(({ day, minutes }) => startOfStockholmDay(addDays(start, day)) + minutes * 60_000);
}

export interface CaseHistoryOptions {
  readonly start?: IsoDate;
  readonly days?: number;
  readonly maxEvents?: number;
}

/** A case opened on `start` with events over the following `days`, seq = recorded order. */
export function arbCaseHistory(options: CaseHistoryOptions = {}): fc.Arbitrary<BuiltCase> {
  const start = options.start ?? ("2024-03-25" as IsoDate);
  const days = options.days ?? 14;
  return fc
    .record({
      case: arbCase(start, days),
      bodies: fc.array(fc.tuple(arbEventBody, arbInstant(start, days)), {
        maxLength: options.maxEvents ?? 25,
      }),
    })
    .map(({ case: c, bodies }) => ({
      case: c,
      events: bodies.map(
        ([body, occurredAt], i) => ({ ...body, occurredAt, seq: i + 1 }) as CaseEvent,
      ),
    }));
}

/**
 * Four printable ASCII characters to start a generated ref. The reference metrics read a case's
 * record key from the first four bytes of its ref (`referenceRecordKey`), and refs such as
 * "case-1" and "case-2" share them: every case would get the same key, and every cell key would
 * follow from its count alone, which no property about cell keys could tell from a broken one.
 */
export const arbRefPrefix: fc.Arbitrary<string> = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 4,
  maxLength: 4,
});

export interface CaseLogOptions extends CaseHistoryOptions {
  readonly minCases?: number;
  readonly maxCases?: number;
}

/**
 * Several histories with distinct refs — a random prefix (`arbRefPrefix`), then the case's
 * number — a small county for the reference metrics.
 */
export function arbCaseLog(options: CaseLogOptions = {}): fc.Arbitrary<BuiltCase[]> {
  return fc
    .array(fc.tuple(arbCaseHistory(options), arbRefPrefix), {
      minLength: options.minCases ?? 0,
      maxLength: options.maxCases ?? 30,
    })
    .map((histories) =>
      histories.map(([h, prefix], i) => ({
        case: { ...h.case, ref: `${prefix}-${i + 1}` },
        events: h.events,
      })),
    );
}

function arbCase(start: IsoDate, days: number): fc.Arbitrary<Case> {
  return fc.record({
    ref: fc.constant("case-1"),
    process: fc.constantFrom("intern_samsjuklighet", "sip"),
    targetGroup: fc.constantFrom("samsjuklighet", "missbruk_beroende", "npf_adhd"),
    ageGroup: fc.constantFrom("barn" as const, "vuxen" as const, "aldre" as const),
    municipality: fc.constantFrom("0180", "0182", "0127"),
    openedOn: fc.integer({ min: 0, max: Math.floor(days / 2) }).map((d) => addDays(start, d)),
    initiatingUnit: fc.constantFrom(...testUnits),
  });
}
