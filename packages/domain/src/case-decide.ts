import {
  type EventColumns,
  type OrganisationOf,
  type Recorder,
  refusedIncomingEvents,
} from "./access";
import { assertNever } from "./assert-never";
import type { CaseCommand, NewEvent, OpenCase, RecordEvent } from "./case-commands";
import type { ImportErrorCode } from "./interchange";
import { err, ok, type Result } from "./result";

/**
 * Why `decide` refuses a command. The importer's codes for the same rule (`import.error.<code>`),
 * so a case or an event is refused alike in a file and in a command.
 */
export const domainErrorCodes = [
  // The case does not exist, or not for the caller: the same answer, so it tells nothing.
  "unknownCase",
  "unknownUnit",
  "unitOutsideScope",
  "stepNotInProcess",
  "consentRequired",
  "conflictingCase",
] as const satisfies readonly ImportErrorCode[];
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export interface DomainError {
  readonly code: DomainErrorCode;
  /** The command's field the refusal is about (its input name), when it is about one. */
  readonly field?: string;
}

/** An event as stored: its columns and its place in recorded order. */
export type RecordedEvent = EventColumns & { readonly seq: number };

/** A case as `decide` needs it: who started it, its process's steps, its events so far. */
export interface RecordedCase {
  readonly initiatingUnit: string;
  /** The step numbers of the case's process as the county set them. */
  readonly processSteps: ReadonlySet<number>;
  readonly events: readonly RecordedEvent[];
}

/** What the operation loaded before deciding. */
export interface CaseDecisionState {
  /**
   * The case the command is about; undefined when there is none. For `openCase`, the case that
   * already has the ref in the initiating unit's organisation.
   */
  readonly recorded: RecordedCase | undefined;
  /** The organisation of every unit the case and the command name; undefined: no such unit. */
  readonly organisationOf: OrganisationOf;
}

/** What a decision changes; the operation writes exactly these. */
export type CaseChange =
  | {
      readonly type: "caseOpened";
      readonly case: Omit<OpenCase, "type" | "recorder">;
      /** The organisation (huvudman) of the initiating unit: it owns the ref. */
      readonly organisation: string;
    }
  | { readonly type: "eventRecorded"; readonly event: NewEvent };

/**
 * The decider's `decide`: pure, from a command and the case as recorded to the changes to make,
 * or the one reason not to. The operations in packages/db load the state, call this, and write.
 */
export function decide(
  command: CaseCommand,
  state: CaseDecisionState,
): Result<readonly CaseChange[], DomainError> {
  switch (command.type) {
    case "openCase":
      return openCase(command, state);
    case "recordEvent":
      return recordEvent(command, state);
    default:
      return assertNever(command);
  }
}

function openCase(
  command: OpenCase,
  state: CaseDecisionState,
): Result<readonly CaseChange[], DomainError> {
  const organisation = state.organisationOf(command.initiatingUnit);
  if (organisation === undefined) return err({ code: "unknownUnit", field: "initiatingUnit" });
  if (!actsFor(command.recorder, organisation)) {
    return err({ code: "unitOutsideScope", field: "initiatingUnit" });
  }
  // A ref names a case within its organisation: one taken elsewhere is no conflict.
  if (state.recorded !== undefined) return err({ code: "conflictingCase", field: "ref" });
  const { type: _, recorder: __, ...opened } = command;
  return ok([{ type: "caseOpened", case: opened, organisation }]);
}

/**
 * As the importer checks a row of a stored case: the unit exists, the step is in the case's
 * process, and the consent rule lets a `lead` or `join` bring the unit in, judged as of the
 * event after every recorded event (`refusedIncomingEvents`).
 */
function recordEvent(
  command: RecordEvent,
  state: CaseDecisionState,
): Result<readonly CaseChange[], DomainError> {
  const { recorded } = state;
  const { event } = command;
  if (recorded === undefined) return err({ code: "unknownCase" });
  if (event.unitCode !== null && state.organisationOf(event.unitCode) === undefined) {
    return err({ code: "unknownUnit", field: "unitCode" });
  }
  if (event.step !== null && !recorded.processSteps.has(event.step)) {
    return err({ code: "stepNotInProcess", field: "step" });
  }
  const refused = refusedIncomingEvents(
    recorded.initiatingUnit,
    recorded.events,
    [event],
    command.recorder,
    state.organisationOf,
  ).get(0);
  if (refused !== undefined) return err({ code: refused, field: "unitCode" });
  return ok([{ type: "eventRecorded", event }]);
}

function actsFor(recorder: Recorder, organisation: string): boolean {
  return recorder === "everyOrganisation" || recorder.organisations.includes(organisation);
}
