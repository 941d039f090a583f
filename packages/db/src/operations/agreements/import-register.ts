import { randomUUID } from "node:crypto";
import {
  type Locale,
  mayWriteAgreements,
  planRegisterImport,
  type RegisterFile,
  type RegisterIssue,
  type RegisterOutcome,
  registerIssueText,
  type Scope,
  stockholmDate,
} from "@samsyn/domain";
import { eq, sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { agreementView } from "../../queries/agreements/views";
import { ok, type Result, refuse } from "../../queries/result";
import { agreements } from "../../schema";
import { insertRevision, loadAgreementCatalogue } from "./state";

export interface RegisterImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Every row of the file: its line, the agreement it is, and what the import did with it. */
  readonly rows: readonly { line: number; id: string; outcome: RegisterOutcome }[];
}

/**
 * `POST /agreements/import` (lan, admin): the register as CSV (README "The register as CSV"),
 * read by `readRegisterCsv`, all or nothing. Every row is decided before anything is written; one bad
 * row refuses the file with every problem by line and column, and stores nothing. The table is
 * locked for writes meanwhile, so that the rows are matched against the register they change.
 * One audit row for the file (`agreement.import`), in the same transaction; each agreement it
 * changes gets its revisions, as an edit through the API would.
 */
export function importRegister(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  file: RegisterFile,
  options: { readonly locale?: Locale; readonly now?: Date } = {},
): Promise<Result<RegisterImportReport>> {
  const entry = (outcome: AuditOutcome, report?: RegisterImportReport): AuditEntry => ({
    action: "agreement.import",
    objectType: "agreement",
    objectId: null,
    outcome,
    details:
      report === undefined
        ? null
        : { created: report.created, updated: report.updated, unchanged: report.unchanged },
  });
  const locale = options.locale ?? "sv";
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope)) return { result: refuse("forbidden"), audit: entry("denied") };
    if ("issues" in file) {
      return { result: refuse("invalid", details(file.issues, locale)), audit: entry("invalid") };
    }
    await tx.execute(sql`LOCK TABLE agreements IN EXCLUSIVE MODE`);
    const stored = (await tx.select().from(agreements)).map(agreementView);
    const plan = planRegisterImport(
      file.rows,
      stored,
      await loadAgreementCatalogue(tx),
      stockholmDate((options.now ?? new Date()).getTime()),
    );
    if (!plan.ok) {
      return { result: refuse("invalid", details(plan.error, locale)), audit: entry("invalid") };
    }
    const ids = plan.value.map((row) => row.id ?? randomUUID());
    // New agreements first, each as its draft: a later row's `replaced_by` may name one.
    for (const [i, row] of plan.value.entries()) {
      const [first] = row.revisions;
      if (row.outcome !== "created" || first === undefined) continue;
      const id = ids[i] ?? randomUUID();
      const [inserted] = await tx
        .insert(agreements)
        .values({ ...first.agreement, id })
        .returning();
      if (inserted === undefined) throw new Error("insert returned no agreement");
      await insertRevision(tx, agreementView(inserted), first.fields, ctx.actor);
    }
    for (const [i, row] of plan.value.entries()) {
      const id = ids[i] ?? "";
      const later = row.outcome === "created" ? row.revisions.slice(1) : row.revisions;
      for (const revision of later) {
        const [updated] = await tx
          .update(agreements)
          .set({ ...revision.agreement, updatedAt: options.now ?? new Date() })
          .where(eq(agreements.id, id))
          .returning();
        if (updated === undefined) throw new Error("the locked agreement is gone");
        await insertRevision(tx, agreementView(updated), revision.fields, ctx.actor);
      }
    }
    const rows = plan.value.map((row, i) => ({
      line: row.line,
      id: ids[i] ?? "",
      outcome: row.outcome,
    }));
    const count = (outcome: RegisterOutcome) => rows.filter((r) => r.outcome === outcome).length;
    const report = {
      created: count("created"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      rows,
    };
    return { result: ok(report), audit: entry("ok", report) };
  });
}

/** The issues as the SPEC error shape's details: the path `line:column`, the text in Swedish. */
function details(issues: readonly RegisterIssue[], locale: Locale) {
  return issues.map((issue) => ({
    path: [issue.line, issue.column].filter((x) => x !== null).join(":"),
    message: registerIssueText(issue, locale),
  }));
}
