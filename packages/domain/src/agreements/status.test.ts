import { describe, expect, it } from "vitest";
import { type AgreementStatus, agreementStatuses } from "./agreement";
import { canChangeStatus, completesReview, nextStatuses } from "./status";

describe("agreement status changes", () => {
  it("allows exactly SPEC's transitions and refuses every other pair", () => {
    const allowed = new Set([
      "draft→active",
      "active→under_review",
      "under_review→active",
      "active→expired",
      "under_review→expired",
      "active→replaced",
      "under_review→replaced",
    ]);
    for (const from of agreementStatuses) {
      for (const to of agreementStatuses) {
        expect(canChangeStatus(from, to), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
      }
    }
  });

  it("reaches every status from draft, and none from expired or replaced", () => {
    const seen = new Set<AgreementStatus>(["draft"]);
    const queue: AgreementStatus[] = ["draft"];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const next of nextStatuses(s)) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual([...agreementStatuses].sort());
    expect(nextStatuses("expired")).toEqual([]);
    expect(nextStatuses("replaced")).toEqual([]);
  });

  it("completes a review only when an agreement under review becomes active again", () => {
    for (const from of agreementStatuses) {
      for (const to of agreementStatuses) {
        expect(completesReview(from, to)).toBe(from === "under_review" && to === "active");
      }
    }
  });
});
