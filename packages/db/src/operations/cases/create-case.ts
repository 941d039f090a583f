import {
  type CaseChange,
  decide,
  type OpenCaseInput,
  type OrganisationCode,
  parseOpenCase,
  type RecordedCase,
  type Scope,
} from "@samsyn/domain";
import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { loadInterchangeCatalogue } from "../../queries/catalogues";
import { ok, type Result, refuse } from "../../queries/result";
import { detail, fieldDetails } from "../../queries/validation";
import { hashCaseRef } from "../../ref-hash";
import { cases } from "../../schema";
import { refreshCaseFacts } from "../case-facts/refresh";
import { auditOutcomes, refusalOf } from "../refusal";
import { loadRecordedCase, unitOrganisations } from "./state";

/** A new case as the API receives it. */
export type NewCase = OpenCaseInput;

/**
 * Registers a case at one of the caller's units (samordnare only): the command is parsed as an
 * imported `cases.csv` row is (stored catalogues, every field screened), `decide` judges it, and
 * the ref is stored only as `hashCaseRef(secret, ref)`. Audited as `case.create`.
 */
export function createCase(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  input: NewCase,
  secret: string,
): Promise<Result<{ id: number }>> {
  const entry = (outcome: AuditOutcome, id: number | null, hash?: Buffer): AuditEntry => ({
    action: "case.create",
    objectType: "case",
    objectId: id === null ? null : String(id),
    outcome,
    caseRefHash: hash ?? null,
  });
  return audited(db, ctx, async (tx) => {
    if (scope.role !== "samordnare") {
      return { result: refuse("forbidden"), audit: entry("denied", null) };
    }
    const catalogue = await loadInterchangeCatalogue(tx);
    const parsed = parseOpenCase(input, catalogue, { organisations: scope.orgs });
    if (!parsed.ok) {
      const details = fieldDetails(parsed.error);
      return { result: refuse("invalid", details), audit: entry("invalid", null) };
    }
    const command = parsed.value;
    const refHash = hashCaseRef(secret, command.ref);
    const organisationOf = await unitOrganisations(tx, [command.initiatingUnit]);
    // Read from `units`, so a code already.
    const organisation = organisationOf(command.initiatingUnit) as OrganisationCode | undefined;
    const recorded =
      organisation === undefined ? undefined : await caseWithRef(tx, refHash, organisation);
    const decision = decide(command, { recorded, organisationOf });
    if (!decision.ok) {
      const refusal = refusalOf<{ id: number }>(decision.error);
      // Only a conflict names the ref hash: the caller's organisation holds that case already.
      const hash = decision.error.code === "conflictingCase" ? refHash : undefined;
      return { result: refusal, audit: entry(auditOutcomes[refusal.error], null, hash) };
    }
    const [opened] = decision.value;
    if (opened?.type !== "caseOpened") throw new Error("decide opened no case");
    const id = await insertCase(tx, opened, refHash);
    if (id === undefined) {
      // Another writer took the ref since `caseWithRef` looked: the same answer as `decide`'s.
      const details = [detail("ref", "access.conflict.caseRef")];
      return { result: refuse("conflict", details), audit: entry("conflict", null, refHash) };
    }
    // A case counts in the metrics from the day it opens, events or not.
    await refreshCaseFacts((statement) => tx.execute(statement), sql`SELECT ${id}::int`);
    return { result: ok({ id }), audit: entry("ok", id, refHash) };
  });
}

/** The case that has the ref in the organisation, if any: a ref names a case only there. */
async function caseWithRef(
  db: Db,
  refHash: Buffer,
  organisation: OrganisationCode,
): Promise<RecordedCase | undefined> {
  const [found] = await db
    .select({ id: cases.id, initiating_unit: cases.initiatingUnit, process: cases.process })
    .from(cases)
    .where(and(eq(cases.refHash, refHash), eq(cases.organisationCode, organisation)));
  return found === undefined ? undefined : loadRecordedCase(db, found);
}

/** The new case's id; undefined when its ref is taken in the organisation. */
async function insertCase(
  db: Db,
  opened: Extract<CaseChange, { type: "caseOpened" }>,
  refHash: Buffer,
): Promise<number | undefined> {
  const c = opened.case;
  const [created] = await db
    .insert(cases)
    .values({
      refHash,
      process: c.process,
      targetGroup: c.targetGroup,
      ageGroup: c.ageGroup,
      municipalityCode: c.municipality,
      openedOn: c.openedOn,
      initiatingUnit: c.initiatingUnit,
      organisationCode: opened.organisation as OrganisationCode,
    })
    // Taken only within the organisation, whose cases the caller sees (its unit initiated
    // them): a ref taken elsewhere is no conflict and so reveals nothing.
    .onConflictDoNothing({ target: [cases.refHash, cases.organisationCode] })
    .returning({ id: cases.id });
  return created?.id;
}
