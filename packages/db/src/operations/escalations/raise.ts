import {
  decideEscalation,
  isPartyToRaise,
  mayRaiseAbout,
  type RaiseEscalation,
  type Scope,
  stockholmDate,
} from "@samsyn/domain";
import { type AuditContext, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { selectVisibleCase } from "../../queries/cases";
import type { EscalationView } from "../../queries/escalations/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { escalations } from "../../schema";
import { loadOrganisationCodes } from "../organisation-codes";
import { auditOutcomes } from "../refusal";
import { escalationRefusal } from "./refusal";
import { escalationEntry, escalationRecord, loadAgreementId } from "./state";

export type NewEscalation = Omit<RaiseEscalation, "type" | "on">;

/**
 * `POST /escalations`: a dispute raised at level 1 today (Europe/Stockholm, as of `now`). About
 * a case: samordnare, the case in their scope (else 404, as if absent). About a routine:
 * ledning, lan, admin. ledning and samordnare name their own organisation among those in
 * dispute (else 403). Audited as `escalation.create`, refusals too, with the case's ref hash.
 */
export function raiseEscalation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  input: NewEscalation,
  now: Date = new Date(),
): Promise<Result<EscalationView>> {
  const { about } = input;
  let caseRefHashHex: string | null = null;
  const entry = (outcome: AuditOutcome, id: string | null = null) =>
    escalationEntry("escalation.create", id, caseRefHashHex)(outcome, { about: about.kind });
  return audited(db, ctx, async (tx) => {
    if (!mayRaiseAbout(scope, about.kind))
      return { result: refuse("forbidden"), audit: entry("denied") };
    if (about.kind === "case") {
      // Scope before content: an answer about the content would tell that the case exists.
      const found = await selectVisibleCase(tx, scope, about.caseId);
      caseRefHashHex = found?.row.ref_hash_hex ?? null;
      if (found === undefined || !found.visible)
        return { result: refuse("not_found"), audit: entry("not_found") };
    }
    if (!isPartyToRaise(scope, input.organisations))
      return { result: refuse("forbidden"), audit: entry("denied") };
    const screened = screenFields({ question: input.question });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const agreement =
      about.kind === "routine" && about.agreementId !== undefined
        ? await loadAgreementId(tx, about.agreementId)
        : undefined;
    const decision = decideEscalation(
      { type: "raiseEscalation", ...input, on: stockholmDate(now.getTime()) },
      { escalation: undefined, organisations: await loadOrganisationCodes(tx), agreement },
    );
    if (!decision.ok) {
      const refusal = escalationRefusal<EscalationView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "escalationRaised") throw new Error("decide raised no escalation");
    const raised = change.escalation;
    const [row] = await tx
      .insert(escalations)
      .values({
        aboutKind: raised.about.kind,
        caseId: raised.about.kind === "case" ? raised.about.caseId : null,
        agreementId: raised.about.kind === "routine" ? (raised.about.agreementId ?? null) : null,
        section: raised.about.kind === "routine" ? (raised.about.section ?? null) : null,
        organisations: [...raised.organisations],
        question: raised.question,
        level: raised.level,
        status: raised.status,
        openedOn: raised.openedOn,
        createdAt: now,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no escalation");
    const view = await escalationRecord(tx, row, raised.openedOn);
    return { result: ok(view), audit: entry("ok", row.id) };
  });
}
