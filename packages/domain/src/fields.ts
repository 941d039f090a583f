import { z } from "zod";
import { consentValues, type EventType, eventTypes, participationValues, sipValues } from "./case";
import {
  ageGroup,
  type IsoDate,
  type MunicipalityCode,
  organisationCode,
  principalType,
  type UnitCode,
  unitCode,
} from "./codes";
import type { ImportErrorCode } from "./import-error-codes";
import { containsIdentifier } from "./screen-identifiers";
import { isRealDate, parseOccurredAt } from "./time";

/**
 * The field parsers an interchange row and a case command share, so that a case or an event is
 * checked alike whether it arrives in a CSV file or as a command: the same codes, the same limits,
 * the same screening. Internal to the domain: `interchange.ts` and `case-commands.ts` use it.
 */

export interface Rejection {
  readonly reject: ImportErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The codes or values the field takes, when it is one of a list. */
  readonly allowed?: readonly string[];
}

/** Parses one non-empty, already screened field; `undefined` when the field is absent. */
export type Parser<T, I = string> = (input: I | undefined) => T | Rejection;

export function isRejection(x: unknown): x is Rejection {
  return typeof x === "object" && x !== null && "reject" in x;
}

/**
 * One text field as every row and command reads it: screened for personnummer and
 * samordningsnummer before anything else looks at it (SPEC "Privacy"), empty as absent.
 */
export function readText<T>(text: string, parse: Parser<T>): T | Rejection {
  if (containsIdentifier(text)) return { reject: "identifier" };
  // U+FFFD stands for text lost before the file reached Samsyn; it is never stored.
  if (text.includes("\uFFFD")) return { reject: "replacementCharacter" };
  return parse(text === "" ? undefined : text);
}

/** Built once: a schema parses a million rows, and building parsers per row is what costs. */
export const parsers = {
  unitCode: required(code(unitCode)),
  organisationCode: required(code(organisationCode)),
  name: required(text(200)),
  caseRef: required(text(128)),
  principalType: required(oneOf(principalType)),
  ageGroup: required(oneOf(ageGroup)),
  eventType: required(oneOf(z.enum(eventTypes))),
  date: required(date),
  occurredAt: required(timestamp),
};

/** Which of `step`, `unitCode` and `value` an event type carries; the others must be absent. */
export interface EventShape<StepInput> {
  readonly step: Parser<number | null, StepInput>;
  readonly unitCode: Parser<UnitCode | null>;
  readonly value: Parser<string | null>;
}

/**
 * SPEC's table of the fields each event type carries, for a step given as `StepInput` (text in
 * a CSV row, a number in a command). Absent fields must stay absent, so that the same event
 * always has the same identity on re-import.
 */
function eventShapesOf<I>(
  stepNumber: Parser<number, I>,
): Readonly<Record<EventType, EventShape<I>>> {
  const step = required(stepNumber);
  const noStep = empty<I>();
  const none = empty();
  return {
    step: { step, unitCode: none, value: none },
    lead: { step: noStep, unitCode: parsers.unitCode, value: none },
    join: { step: noStep, unitCode: parsers.unitCode, value: none },
    leave: { step: noStep, unitCode: parsers.unitCode, value: none },
    consent: { step: noStep, unitCode: none, value: required(oneOfValues(consentValues)) },
    sip: { step: noStep, unitCode: none, value: required(oneOfValues(sipValues)) },
    participation: { step, unitCode: none, value: required(oneOfValues(participationValues)) },
    // A close reason is free text: any non-empty text, screened like every other.
    close: { step: noStep, unitCode: none, value: required(text(500)) },
    reopen: { step: noStep, unitCode: none, value: none },
  };
}

/** Step numbers are stored as smallint. */
function stepValue(n = 0): number | Rejection {
  return Number.isInteger(n) && n >= 1 && n <= 32767 ? n : { reject: "badStep" };
}

function stepText(value = ""): number | Rejection {
  return stepValue(/^\d{1,5}$/.test(value) ? Number(value) : 0);
}

/** The event shapes of an interchange row, whose step is text. */
export const rowEventShapes = eventShapesOf(stepText);

/** The event shapes of a command, whose step is a number. */
export const commandEventShapes = eventShapesOf(stepValue);

export function required<T, I>(parse: Parser<T, I>): Parser<T, I> {
  return (input) => (input === undefined ? { reject: "required" } : parse(input));
}

export function optional<T>(parse: Parser<T>): Parser<T | null> {
  return (text) => (text === undefined ? null : parse(text));
}

function empty<I = string>(): Parser<null, I> {
  return (input) => (input === undefined ? null : { reject: "mustBeEmpty" });
}

function text(max: number): Parser<string> {
  return (value = "") => {
    if (value.trim() === "") return { reject: "required" };
    if (value.length > max) return { reject: "tooLong", params: { max } };
    // PostgreSQL text cannot hold NUL; reject it here rather than fail the whole import later.
    return value.includes("\u0000") ? { reject: "badValue" } : value;
  };
}

/** What `code` and `oneOf` need of a zod schema; keeps a branded output type in inference. */
interface SafeParser<T> {
  safeParse(value: string): z.ZodSafeParseResult<T>;
}

function code<T>(schema: SafeParser<T>): Parser<T> {
  return (value = "") => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : { reject: "badCode" };
  };
}

function oneOf<T>(schema: SafeParser<T> & { readonly options: readonly string[] }): Parser<T> {
  const rejection: Rejection = { reject: "unknownCode", allowed: schema.options };
  return (value = "") => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : rejection;
  };
}

/** One of a catalogue's codes (what is stored: counties edit them). */
export function member(codes: ReadonlySet<string> | ReadonlyMap<string, unknown>): Parser<string> {
  const rejection: Rejection = { reject: "unknownCode", allowed: [...codes.keys()].sort() };
  return (value = "") => (codes.has(value) ? value : rejection);
}

/**
 * Kommunkoder have four digits, and those of Stockholms län and five other län begin with 0: a
 * spreadsheet that took the column for numbers wrote 0180 as 180. Such a code is refused, naming
 * the code it most likely was, rather than accepted: the import stores what the file says.
 */
export function municipalityIn(municipalities: ReadonlySet<string>): Parser<MunicipalityCode> {
  const known = member(municipalities) as Parser<MunicipalityCode>;
  return (value = "") => {
    const padded = `0${value}`;
    if (/^\d{3}$/.test(value) && municipalities.has(padded)) {
      return { reject: "missingLeadingZero", params: { code: padded } };
    }
    return known(value);
  };
}

function oneOfValues(values: readonly string[]): Parser<string> {
  const rejection: Rejection = { reject: "badValue", allowed: values };
  return (value = "") => (values.includes(value) ? value : rejection);
}

function date(value = ""): IsoDate | Rejection {
  return isRealDate(value) ? (value as IsoDate) : { reject: "badDate" };
}

/**
 * Date-only values repeat across a file (a few thousand days in millions of rows), and their
 * Stockholm midnight is the costly case to compute, so those are remembered, within bounds.
 */
const midnights = new Map<string, number | undefined>();

function timestamp(value = ""): number | Rejection {
  let instant: number | undefined;
  if (value.length === 10) {
    instant = midnights.has(value) ? midnights.get(value) : parseOccurredAt(value);
    if (midnights.size > 20_000) midnights.clear();
    midnights.set(value, instant);
  } else {
    instant = parseOccurredAt(value);
  }
  return instant ?? { reject: "badTimestamp" };
}
