import type { SectionKind } from "../agreements/agreement";
import type { IsoDate, OrganisationCode } from "../codes";
import { daysBetween } from "../time";

/**
 * Eskalering (SPEC "Ledningsforum and eskalering"): a dispute about responsibility, usually
 * between huvudmän, lifted one management level at a time until resolved. Level 1 is
 * enhetschef, 2 verksamhetschef, 3 förvaltningschef or ledningsforum, where it ends.
 */
export const escalationLevels = [1, 2, 3] as const;
export type EscalationLevel = (typeof escalationLevels)[number];
export const TOP_ESCALATION_LEVEL = 3 satisfies EscalationLevel;

export const escalationStatuses = ["open", "resolved"] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];

export const escalationAboutKinds = ["case", "routine"] as const;
export type EscalationAboutKind = (typeof escalationAboutKinds)[number];

/**
 * What the dispute is about: a case, by its internal id (pseudonymous: never its ref), or a
 * routine — optionally the agreement and the section of it that the routine is written in.
 */
export type EscalationAbout =
  | { readonly kind: "case"; readonly caseId: number }
  | {
      readonly kind: "routine";
      readonly agreementId?: string;
      readonly section?: SectionKind;
    };

/** A lift to the next level, with why (the note the lifting manager wrote). */
export interface EscalationLift {
  /** The level it was lifted to: 2 or 3. */
  readonly level: EscalationLevel;
  readonly note: string;
  readonly liftedOn: IsoDate;
}

/** An escalation as stored, without its id (the database gives it). */
export interface EscalationRecord {
  readonly about: EscalationAbout;
  /** The organisations in dispute: at least two, sorted, each once. */
  readonly organisations: readonly OrganisationCode[];
  readonly question: string;
  readonly level: EscalationLevel;
  readonly status: EscalationStatus;
  readonly openedOn: IsoDate;
  readonly resolvedOn: IsoDate | null;
  readonly resolution: string | null;
  /** Oldest first: the escalation's way up. */
  readonly lifts: readonly EscalationLift[];
}

export function isEscalationLevel(value: number): value is EscalationLevel {
  return (escalationLevels as readonly number[]).includes(value);
}

/** Days open: from the day it was raised to the day it was resolved, or to today while open. */
export function escalationAgeDays(
  escalation: Pick<EscalationRecord, "openedOn" | "resolvedOn">,
  today: IsoDate,
): number {
  return daysBetween(escalation.openedOn, escalation.resolvedOn ?? today);
}
