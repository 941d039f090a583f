import { administers, mayRegisterCases, type Scope } from "@samsyn/domain";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { imports } from "../schema";
import { ok, type Result, refuse } from "./result";

/** Rows of each interchange file that an import added, or skipped as already present. */
export interface ImportCounts {
  readonly units: number;
  readonly cases: number;
  readonly events: number;
}

/** One committed import as `imports` recorded it (a rejected import leaves no row). */
export interface ImportRecord {
  readonly id: number;
  /** ISO 8601 in UTC. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** A user's subject, or "cli". */
  readonly actor: string;
  readonly added: ImportCounts;
  readonly skipped: ImportCounts;
}

export const maxImportListSize = 100;

/**
 * The most recent imports, newest first. `imports` records who ran an import but not for which
 * organisations, so admin sees every import and a samordnare only the ones they ran themselves;
 * other roles import nothing and see none. Not audited: counts and user ids, no case data.
 */
export async function listImports(
  db: Db,
  scope: Scope,
  options: { readonly limit: number },
): Promise<Result<readonly ImportRecord[]>> {
  if (!mayRegisterCases(scope.role)) return refuse("forbidden");
  const rows = await db
    .select()
    .from(imports)
    .where(administers(scope.role) ? undefined : eq(imports.actor, scope.sub))
    .orderBy(desc(imports.id))
    .limit(Math.min(Math.max(options.limit, 1), maxImportListSize));
  return ok(
    rows.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt.toISOString(),
      actor: r.actor,
      added: { units: r.unitsAdded, cases: r.casesAdded, events: r.eventsAdded },
      skipped: { units: r.unitsSkipped, cases: r.casesSkipped, events: r.eventsSkipped },
    })),
  );
}
