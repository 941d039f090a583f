import type { AgreementStatus } from "./agreement";

/**
 * SPEC "Överenskommelser": the only status changes there are. `under_review → active` is the
 * review done; `expired` and `replaced` end an agreement for good (a new one is created instead).
 */
const transitions: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ["active"],
  active: ["under_review", "expired", "replaced"],
  under_review: ["active", "expired", "replaced"],
  expired: [],
  replaced: [],
};

export function canChangeStatus(from: AgreementStatus, to: AgreementStatus): boolean {
  return transitions[from].includes(to);
}

/** The statuses `from` can move to, in the order a form offers them. */
export function nextStatuses(from: AgreementStatus): readonly AgreementStatus[] {
  return transitions[from];
}

/** Whether the change completes a review, so that `reviewBy` moves to the next 30 November. */
export function completesReview(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === "under_review" && to === "active";
}
