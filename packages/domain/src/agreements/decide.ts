import { err, ok, type Result } from "../result";
import {
  type Agreement,
  type AgreementField,
  type AgreementFields,
  type AgreementStatus,
  agreementFieldNames,
} from "./agreement";
import {
  type AddIndicator,
  type AgreementCommand,
  type ChangeAgreementStatus,
  type CloseDeviation,
  type CreateAgreement,
  indicatorFigures,
  type LogDeviation,
  type ReviseAgreement,
} from "./commands";
import { firstReviewBy, nextReviewBy } from "./review";
import { canChangeStatus, completesReview } from "./status";

/**
 * Why an agreement command is refused. `field` names the request field the refusal is about, so
 * a form can show the message beside it.
 */
export const agreementErrorCodes = [
  "unknownOrganisation",
  "unknownTargetGroup",
  "unknownMunicipality",
  "tooFewParties",
  "validityOrder",
  "staleRevision",
  "statusTransition",
  "replacedByRequired",
  "replacedByNotAllowed",
  "unknownAgreement",
  "agreementEnded",
  "figureNotInMetric",
  "deviationClosed",
] as const;
export type AgreementErrorCode = (typeof agreementErrorCodes)[number];

export interface AgreementError {
  readonly code: AgreementErrorCode;
  readonly field?: string;
}

/** The catalogue codes an agreement may name (the county's, as stored). */
export interface AgreementCatalogue {
  readonly organisations: ReadonlySet<string>;
  readonly targetGroups: ReadonlySet<string>;
  readonly municipalities: ReadonlySet<string>;
}

/** An agreement as stored, without its id (the database gives it). */
export type AgreementRecord = Omit<Agreement, "id">;

/** What the operation loaded before deciding. */
export interface AgreementDecisionState {
  /** The agreement the command is about; undefined for `createAgreement`. */
  readonly agreement: AgreementRecord | undefined;
  readonly catalogue: AgreementCatalogue;
  /** For `replaced`: the successor named by `replacedBy`, if it exists. */
  readonly successor?: { readonly id: string } | undefined;
  /** For `closeDeviation`: the deviation, if it belongs to the agreement. */
  readonly deviation?: { readonly id: string; readonly status: "open" | "closed" } | undefined;
}

/** What a decision changes; the operation writes exactly this. */
export type AgreementChange =
  | {
      /** A new revision (the first on create): the agreement after it, and what it changed. */
      readonly type: "agreementRevised";
      readonly agreement: AgreementRecord;
      readonly fields: readonly (AgreementField | "status" | "replacedBy")[];
    }
  | { readonly type: "indicatorAdded"; readonly indicator: Omit<AddIndicator, "type"> }
  | { readonly type: "deviationLogged"; readonly deviation: Omit<LogDeviation, "type"> }
  | { readonly type: "deviationClosed"; readonly deviationId: string; readonly resolution: string };

const endedStatuses: readonly AgreementStatus[] = ["expired", "replaced"];

/**
 * The agreements' decider: pure, from a command and the agreement as stored to the changes to
 * make, or the one reason not to. No change (a PATCH that repeats what is stored) is `[]`.
 */
export function decideAgreement(
  command: AgreementCommand,
  state: AgreementDecisionState,
): Result<readonly AgreementChange[], AgreementError> {
  if (command.type === "createAgreement") return create(command, state);
  const agreement = state.agreement;
  // The operation answers 404 before deciding; reaching here without one is a broken invariant.
  if (agreement === undefined) throw new Error(`${command.type} without an agreement`);
  switch (command.type) {
    case "reviseAgreement":
      return revise(command, agreement, state.catalogue);
    case "changeAgreementStatus":
      return changeStatus(command, agreement, state);
    case "addIndicator":
      return addIndicator(command);
    case "logDeviation":
      return logDeviation(command, state.catalogue);
    case "closeDeviation":
      return closeDeviation(command, state);
  }
}

function create(
  command: CreateAgreement,
  state: AgreementDecisionState,
): Result<readonly AgreementChange[], AgreementError> {
  const f = command.fields;
  const fields: AgreementFields = normalise({
    ...f,
    reviewBy: f.reviewBy ?? firstReviewBy(f.validFrom),
    documentUrl: f.documentUrl ?? null,
  });
  const invalid = checkFields(fields, state.catalogue);
  if (invalid) return err(invalid);
  const agreement: AgreementRecord = { ...fields, status: "draft", revision: 1, replacedBy: null };
  return ok([{ type: "agreementRevised", agreement, fields: agreementFieldNames }]);
}

function revise(
  command: ReviseAgreement,
  agreement: AgreementRecord,
  catalogue: AgreementCatalogue,
): Result<readonly AgreementChange[], AgreementError> {
  if (command.expectedRevision !== agreement.revision)
    return err({ code: "staleRevision", field: "expectedRevision" });
  if (endedStatuses.includes(agreement.status)) return err({ code: "agreementEnded" });
  const current = fieldsOf(agreement);
  const next = normalise({ ...current, ...command.changes });
  // The review date follows validFrom while it is still the default the user never chose.
  if (
    command.changes.reviewBy === undefined &&
    next.validFrom !== current.validFrom &&
    current.reviewBy === firstReviewBy(current.validFrom)
  ) {
    next.reviewBy = firstReviewBy(next.validFrom);
  }
  const invalid = checkFields(next, catalogue);
  if (invalid) return err(invalid);
  const changed = agreementFieldNames.filter((name) => !same(current[name], next[name]));
  if (changed.length === 0) return ok([]);
  return ok([
    {
      type: "agreementRevised",
      agreement: { ...agreement, ...next, revision: agreement.revision + 1 },
      fields: changed,
    },
  ]);
}

function changeStatus(
  command: ChangeAgreementStatus,
  agreement: AgreementRecord,
  state: AgreementDecisionState,
): Result<readonly AgreementChange[], AgreementError> {
  const { status } = command;
  if (!canChangeStatus(agreement.status, status))
    return err({ code: "statusTransition", field: "status" });
  let replacedBy: string | null = null;
  if (status === "replaced") {
    if (command.replacedBy === undefined)
      return err({ code: "replacedByRequired", field: "replacedBy" });
    if (state.successor === undefined || state.successor.id !== command.replacedBy) {
      return err({ code: "unknownAgreement", field: "replacedBy" });
    }
    replacedBy = command.replacedBy;
  } else if (command.replacedBy !== undefined) {
    return err({ code: "replacedByNotAllowed", field: "replacedBy" });
  }
  const reviewBy = completesReview(agreement.status, status)
    ? nextReviewBy(agreement.reviewBy, command.on)
    : agreement.reviewBy;
  const fields: ("status" | "replacedBy" | "reviewBy")[] = ["status"];
  if (replacedBy !== null) fields.push("replacedBy");
  if (reviewBy !== agreement.reviewBy) fields.push("reviewBy");
  return ok([
    {
      type: "agreementRevised",
      agreement: { ...agreement, status, replacedBy, reviewBy, revision: agreement.revision + 1 },
      fields,
    },
  ]);
}

function addIndicator(command: AddIndicator): Result<readonly AgreementChange[], AgreementError> {
  const figures: readonly string[] = indicatorFigures[command.metric];
  if (!figures.includes(command.figure)) return err({ code: "figureNotInMetric", field: "figure" });
  const { type: _, ...indicator } = command;
  return ok([{ type: "indicatorAdded", indicator }]);
}

function logDeviation(
  command: LogDeviation,
  catalogue: AgreementCatalogue,
): Result<readonly AgreementChange[], AgreementError> {
  if (command.organisations.some((o) => !catalogue.organisations.has(o))) {
    return err({ code: "unknownOrganisation", field: "organisations" });
  }
  const { type: _, ...deviation } = command;
  return ok([
    {
      type: "deviationLogged",
      deviation: { ...deviation, organisations: sortedSet(deviation.organisations) },
    },
  ]);
}

function closeDeviation(
  command: CloseDeviation,
  state: AgreementDecisionState,
): Result<readonly AgreementChange[], AgreementError> {
  // The operation answers 404 for a deviation of another agreement before deciding.
  if (state.deviation === undefined) throw new Error("closeDeviation without a deviation");
  if (state.deviation.status === "closed") return err({ code: "deviationClosed", field: "status" });
  return ok([
    { type: "deviationClosed", deviationId: command.deviationId, resolution: command.resolution },
  ]);
}

function checkFields(
  f: AgreementFields,
  catalogue: AgreementCatalogue,
): AgreementError | undefined {
  if (f.parties.length < 2) return { code: "tooFewParties", field: "parties" };
  if (f.parties.some((p) => !catalogue.organisations.has(p))) {
    return { code: "unknownOrganisation", field: "parties" };
  }
  if (f.targetGroups.some((g) => !catalogue.targetGroups.has(g))) {
    return { code: "unknownTargetGroup", field: "targetGroups" };
  }
  if (f.municipalities.some((m) => !catalogue.municipalities.has(m))) {
    return { code: "unknownMunicipality", field: "municipalities" };
  }
  if (f.validTo !== null && f.validTo < f.validFrom)
    return { code: "validityOrder", field: "validTo" };
  return undefined;
}

function fieldsOf(agreement: AgreementRecord): AgreementFields {
  const { status: _s, revision: _r, replacedBy: _b, ...fields } = agreement;
  return fields;
}

/** Parties, target groups and municipalities are sets: sorted and without repeats when stored. */
function normalise(f: AgreementFields): {
  -readonly [K in keyof AgreementFields]: AgreementFields[K];
} {
  return {
    ...f,
    parties: sortedSet(f.parties),
    targetGroups: sortedSet(f.targetGroups),
    municipalities: sortedSet(f.municipalities),
  };
}

/** Each value once, sorted: how lists of codes are stored and compared. */
export function sortedSet<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
