import { registersFor, type Scope } from "@samsyn/domain";
import { type AuditContext, recordDenied } from "../audit";
import type { Database } from "../client";
import { ok, type Result, refuse } from "../queries/result";
import { type ImportOptions, type ImportReport, importDirectory } from "./import-directory";

/** What a signed-in user chooses; who they are and what they may touch comes from the scope. */
export type UserImportOptions = Omit<ImportOptions, "actor" | "allowedOrganisations" | "audit">;

/**
 * An import on behalf of a signed-in user (the API). Admin imports anything; a samordnare only
 * units, cases and events of their own organisations (per-row errors otherwise); other roles are
 * refused. The user's subject is the import's actor, and every run is audited: `import.check`
 * for a dry run, `import.commit` otherwise, refusals as `denied`.
 */
export async function importAs(
  database: Database,
  scope: Scope,
  ctx: AuditContext,
  options: UserImportOptions,
): Promise<Result<ImportReport>> {
  const recorder = registersFor(scope);
  if (recorder === undefined) {
    await recordDenied(database.db, ctx, {
      action: options.dryRun ? "import.check" : "import.commit",
      objectType: "import",
      objectId: null,
      outcome: "denied",
    });
    return refuse("forbidden");
  }
  const limit =
    recorder === "everyOrganisation" ? {} : { allowedOrganisations: recorder.organisations };
  return ok(
    await importDirectory(database, { ...options, ...limit, actor: scope.sub, audit: ctx }),
  );
}
