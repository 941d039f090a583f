import type { EventColumns, Recorder } from "./access";
import type {
  AgeGroup,
  IsoDate,
  MunicipalityCode,
  ProcessCode,
  TargetGroupCode,
  UnitCode,
} from "./codes";
import {
  commandEventShapes,
  isRejection,
  member,
  municipalityIn,
  type Parser,
  parsers,
  type Rejection,
  readText,
  required,
} from "./fields";
import type { ImportErrorCode, InterchangeCatalogue } from "./interchange";
import { err, ok, type Result } from "./result";
import { containsIdentifier } from "./screen-identifiers";

/**
 * What a caller asks of a case. Commands are parsed at the edge (`parseOpenCase`,
 * `parseRecordEvent`): every field is screened and typed by then, and `decide` judges them
 * against the case as recorded.
 */
export type CaseCommand = OpenCase | RecordEvent;

/** Register a case at one of the recorder's units. */
export interface OpenCase {
  readonly type: "openCase";
  readonly recorder: Recorder;
  /** The source system's ref: stored only as its keyed hash, never as given. */
  readonly ref: string;
  readonly process: ProcessCode;
  readonly targetGroup: TargetGroupCode;
  readonly ageGroup: AgeGroup;
  readonly municipality: MunicipalityCode;
  readonly openedOn: IsoDate;
  readonly initiatingUnit: UnitCode;
}

/** Record one event of a case, after every event recorded so far. */
export interface RecordEvent {
  readonly type: "recordEvent";
  readonly recorder: Recorder;
  readonly event: NewEvent;
}

/** An event's columns as a command carries them: its unit a parsed code. */
export interface NewEvent extends EventColumns {
  readonly unitCode: UnitCode | null;
}

/** A new case as a caller sends it (the API's JSON): text, not yet checked. */
export interface OpenCaseInput {
  readonly ref: string;
  readonly process: string;
  readonly targetGroup: string;
  readonly ageGroup: string;
  readonly municipality: string;
  readonly openedOn: string;
  readonly initiatingUnit: string;
}

/** An event as a caller sends it; which fields a type needs is SPEC's table. */
export interface RecordEventInput {
  /** `YYYY-MM-DD` (00:00 Europe/Stockholm), ISO 8601, or a local date-time read as Stockholm. */
  readonly occurredAt: string;
  readonly type: string;
  readonly step?: number;
  readonly unitCode?: string;
  readonly value?: string;
}

/**
 * One rejected field of a command's input, by its input name. The codes and `params` are the
 * importer's (`import.error.<code>`), so a field is refused alike in a file and in a command;
 * neither ever holds the rejected value.
 */
export interface FieldIssue {
  readonly field: string;
  readonly code: ImportErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * A new case checked as an imported `cases.csv` row is: codes against the stored catalogues,
 * every field screened for identifiers. Issues in field order.
 */
export function parseOpenCase(
  input: OpenCaseInput,
  catalogue: InterchangeCatalogue,
  recorder: Recorder,
): Result<OpenCase, readonly FieldIssue[]> {
  const { issues, read } = fieldReader();
  const ref = read("ref", readText(input.ref, parsers.caseRef));
  const process = read(
    "process",
    readText(input.process, required(member(catalogue.processSteps) as Parser<ProcessCode>)),
  );
  const targetGroup = read(
    "targetGroup",
    readText(
      input.targetGroup,
      required(member(catalogue.targetGroups) as Parser<TargetGroupCode>),
    ),
  );
  const ageGroup = read("ageGroup", readText(input.ageGroup, parsers.ageGroup));
  const municipality = read(
    "municipality",
    readText(input.municipality, required(municipalityIn(catalogue.municipalities))),
  );
  const openedOn = read("openedOn", readText(input.openedOn, parsers.date));
  const initiatingUnit = read("initiatingUnit", readText(input.initiatingUnit, parsers.unitCode));
  if (
    ref === undefined ||
    process === undefined ||
    targetGroup === undefined ||
    ageGroup === undefined ||
    municipality === undefined ||
    openedOn === undefined ||
    initiatingUnit === undefined
  ) {
    return err(issues);
  }
  return ok({
    type: "openCase",
    recorder,
    ref,
    process,
    targetGroup,
    ageGroup,
    municipality,
    openedOn,
    initiatingUnit,
  });
}

/**
 * An event checked as an imported `events.csv` row is: the fields its type carries are required,
 * the others must be absent (an empty text counts as absent), every text screened. Issues in
 * field order, the type first: the other fields are read by its shape.
 */
export function parseRecordEvent(
  input: RecordEventInput,
  recorder: Recorder,
): Result<RecordEvent, readonly FieldIssue[]> {
  const { issues, read } = fieldReader();
  const type = read("type", readText(input.type, parsers.eventType));
  const shape = type === undefined ? undefined : commandEventShapes[type];
  const occurredAt = read("occurredAt", readText(input.occurredAt, parsers.occurredAt));
  const step = shape === undefined ? null : read("step", readStep(input.step, shape.step));
  const unitCode =
    shape === undefined ? null : read("unitCode", readText(input.unitCode ?? "", shape.unitCode));
  const value =
    shape === undefined ? null : read("value", readText(input.value ?? "", shape.value));
  if (
    type === undefined ||
    occurredAt === undefined ||
    step === undefined ||
    unitCode === undefined ||
    value === undefined
  ) {
    return err(issues);
  }
  return ok({ type: "recordEvent", recorder, event: { type, occurredAt, step, unitCode, value } });
}

/**
 * A step is a number, but its digits are screened too: ten of them can be a personnummer, and
 * such a number is refused as one, as the same digits in a CSV row are.
 */
function readStep<T>(step: number | undefined, parse: Parser<T, number>): T | Rejection {
  if (step !== undefined && containsIdentifier(String(step))) return { reject: "identifier" };
  return parse(step);
}

/** Collects one issue per rejected field; a rejected field reads as undefined. */
function fieldReader() {
  const issues: FieldIssue[] = [];
  function read<T>(field: string, result: T | Rejection): T | undefined {
    if (!isRejection(result)) return result;
    issues.push({ field, code: result.reject, params: result.params ?? {} });
    return undefined;
  }
  return { issues, read };
}
