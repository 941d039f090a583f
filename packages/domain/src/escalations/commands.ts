import type { IsoDate } from "../codes";

/**
 * What the caller says an escalation is about, before the decider has checked it: the section
 * is any text until it is found among the agreements' section kinds.
 */
export type EscalationAboutInput =
  | { readonly kind: "case"; readonly caseId: number }
  | { readonly kind: "routine"; readonly agreementId?: string; readonly section?: string };

/** `POST /escalations`: a dispute raised at level 1 on `on` (today, Europe/Stockholm). */
export interface RaiseEscalation {
  readonly type: "raiseEscalation";
  readonly about: EscalationAboutInput;
  readonly organisations: readonly string[];
  readonly question: string;
  readonly on: IsoDate;
}

/** `POST /escalations/{id}/lift`: to the next management level, with why. */
export interface LiftEscalation {
  readonly type: "liftEscalation";
  readonly note: string;
  readonly on: IsoDate;
}

/** `POST /escalations/{id}/resolve`: settled, at the level it has reached. */
export interface ResolveEscalation {
  readonly type: "resolveEscalation";
  readonly resolution: string;
  readonly on: IsoDate;
}

export type EscalationCommand = RaiseEscalation | LiftEscalation | ResolveEscalation;
