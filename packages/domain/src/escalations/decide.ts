import { type SectionKind, sectionKinds } from "../agreements/agreement";
import { sortedSet } from "../agreements/decide";
import type { IsoDate, OrganisationCode } from "../codes";
import { err, ok, type Result } from "../result";
import type {
  EscalationCommand,
  LiftEscalation,
  RaiseEscalation,
  ResolveEscalation,
} from "./commands";
import {
  type EscalationAbout,
  type EscalationLift,
  type EscalationRecord,
  isEscalationLevel,
  TOP_ESCALATION_LEVEL,
} from "./escalation";

/**
 * Why an escalation command is refused. `field` names the request field the refusal is about,
 * so a form can show the message beside it.
 */
export const escalationErrorCodes = [
  "tooFewOrganisations",
  "unknownOrganisation",
  "unknownAgreement",
  "unknownSection",
  "levelAboveTop",
  "escalationResolved",
] as const;
export type EscalationErrorCode = (typeof escalationErrorCodes)[number];

export interface EscalationError {
  readonly code: EscalationErrorCode;
  readonly field?: string;
}

/** What the operation loaded before deciding. */
export interface EscalationDecisionState {
  /** The escalation the command is about; undefined for `raiseEscalation`. */
  readonly escalation: EscalationRecord | undefined;
  /** The county's organisation codes, as stored. */
  readonly organisations: ReadonlySet<string>;
  /** For a routine naming an agreement: that agreement, if it exists. */
  readonly agreement?: { readonly id: string } | undefined;
}

/** What a decision changes; the operation writes exactly this. */
export type EscalationChange =
  | { readonly type: "escalationRaised"; readonly escalation: EscalationRecord }
  | { readonly type: "escalationLifted"; readonly lift: EscalationLift }
  | {
      readonly type: "escalationResolved";
      readonly resolvedOn: IsoDate;
      readonly resolution: string;
    };

/**
 * The escalations' decider: pure, from a command and the escalation as stored to the changes
 * to make, or the one reason not to.
 */
export function decideEscalation(
  command: EscalationCommand,
  state: EscalationDecisionState,
): Result<readonly EscalationChange[], EscalationError> {
  if (command.type === "raiseEscalation") return raise(command, state);
  const escalation = state.escalation;
  // The operation answers 404 before deciding; reaching here without one is a broken invariant.
  if (escalation === undefined) throw new Error(`${command.type} without an escalation`);
  switch (command.type) {
    case "liftEscalation":
      return lift(command, escalation);
    case "resolveEscalation":
      return resolve(command, escalation);
  }
}

function raise(
  command: RaiseEscalation,
  state: EscalationDecisionState,
): Result<readonly EscalationChange[], EscalationError> {
  const organisations = sortedSet(command.organisations) as OrganisationCode[];
  if (organisations.length < 2) return err({ code: "tooFewOrganisations", field: "organisations" });
  if (organisations.some((o) => !state.organisations.has(o)))
    return err({ code: "unknownOrganisation", field: "organisations" });
  const about = checkedAbout(command.about, state);
  if (!about.ok) return about;
  return ok([
    {
      type: "escalationRaised",
      escalation: {
        about: about.value,
        organisations,
        question: command.question,
        level: 1,
        status: "open",
        openedOn: command.on,
        resolvedOn: null,
        resolution: null,
        lifts: [],
      },
    },
  ]);
}

function checkedAbout(
  about: RaiseEscalation["about"],
  state: EscalationDecisionState,
): Result<EscalationAbout, EscalationError> {
  if (about.kind === "case") return ok({ kind: "case", caseId: about.caseId });
  const { agreementId, section } = about;
  if (agreementId !== undefined && state.agreement?.id !== agreementId)
    return err({ code: "unknownAgreement", field: "about.agreementId" });
  if (section !== undefined && !isSectionKind(section))
    return err({ code: "unknownSection", field: "about.section" });
  return ok({
    kind: "routine",
    ...(agreementId === undefined ? {} : { agreementId }),
    ...(section === undefined ? {} : { section }),
  });
}

function isSectionKind(value: string): value is SectionKind {
  return (sectionKinds as readonly string[]).includes(value);
}

/** One level up at a time; level 3 is the top, and a resolved dispute moves no more. */
function lift(
  command: LiftEscalation,
  escalation: EscalationRecord,
): Result<readonly EscalationChange[], EscalationError> {
  if (escalation.status === "resolved") return err({ code: "escalationResolved", field: "status" });
  const level = escalation.level + 1;
  if (level > TOP_ESCALATION_LEVEL || !isEscalationLevel(level))
    return err({ code: "levelAboveTop", field: "level" });
  return ok([
    { type: "escalationLifted", lift: { level, note: command.note, liftedOn: command.on } },
  ]);
}

function resolve(
  command: ResolveEscalation,
  escalation: EscalationRecord,
): Result<readonly EscalationChange[], EscalationError> {
  if (escalation.status === "resolved") return err({ code: "escalationResolved", field: "status" });
  return ok([
    { type: "escalationResolved", resolvedOn: command.on, resolution: command.resolution },
  ]);
}

/** The escalation after a change `decideEscalation` returned: how the operation's answer reads. */
export function evolveEscalation(
  escalation: EscalationRecord,
  change: EscalationChange,
): EscalationRecord {
  switch (change.type) {
    case "escalationRaised":
      return change.escalation;
    case "escalationLifted":
      return {
        ...escalation,
        level: change.lift.level,
        lifts: [...escalation.lifts, change.lift],
      };
    case "escalationResolved":
      return {
        ...escalation,
        status: "resolved",
        resolvedOn: change.resolvedOn,
        resolution: change.resolution,
      };
  }
}
