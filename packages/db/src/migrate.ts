import { fileURLToPath } from "node:url";
import {
  defaultProcessModels,
  defaultTargetGroups,
  type ProcessModel,
  stockholmsLan,
} from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Database, Db } from "./client";
import { claimInstallationSecret } from "./installation-secret";
import { refreshCasesWithoutFacts, refreshChunkCases } from "./operations/case-facts/refresh";
import { municipalities, processModels, processSteps, targetGroups } from "./schema";

/** The committed SQL of drizzle-kit; one folder serves PostgreSQL and PGlite alike. */
export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export interface MigrateOptions {
  /** The role the application connects as; granted its privileges when it exists. */
  readonly appRole?: string;
  /**
   * The installation secret (SAMSYN_SECRET): its fingerprint is recorded by the first migrate
   * that is given one, and a later migrate with another secret throws `SecretMismatch`.
   */
  readonly secret?: string;
  /** Hears the cases given facts of those there were (`refreshCasesWithoutFacts`). */
  readonly onRefreshProgress?: (done: number, total: number) => void;
}

/** The application's role in a least-privilege setup (README "Database roles"). */
export const defaultAppRole = "samsyn_app";

/**
 * Applies the migrations that are not yet applied, seeds missing catalogue rows, and grants the
 * application role (when it exists) what it needs and no more. With a secret, ties the database
 * to it (`claimInstallationSecret`).
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<void> {
  if (database.kind === "postgres") {
    await migratePostgres(drizzlePostgres({ client: database.client }), { migrationsFolder });
  } else {
    await migratePglite(drizzlePglite({ client: database.client }), { migrationsFolder });
  }
  await seedCatalogues(database.db);
  // Derived storage for the metrics: filled for cases that have none (an upgrade, or a table
  // emptied by a later migration that changes its derivation).
  await refreshCasesWithoutFacts(database.db, refreshChunkCases, options.onRefreshProgress);
  await grantAppRole(database.db, options.appRole ?? defaultAppRole);
  if (options.secret !== undefined) await claimInstallationSecret(database.db, options.secret);
}

/**
 * The audit log's triggers refuse UPDATE, DELETE and TRUNCATE, but its owner may disable them.
 * So the application connects as a role that owns nothing: it may read and write the data, and
 * only read and append the audit log. Granted on every migrate, so tables that later migrations
 * add are covered; a role that does not exist (PGlite, a single-role installation) is skipped.
 */
export async function grantAppRole(db: Db, role: string): Promise<void> {
  // DDL takes no parameters: the name is checked, then written as an identifier.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a role name: ${role}`);
  await db.execute(
    sql.raw(`DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_log FROM ${role}, PUBLIC;
  END IF;
END $$`),
  );
}

/**
 * Inserts the domain's default catalogues where a row is missing and never updates one: counties
 * edit names and target days after installation, and a later `migrate` must keep their edits.
 */
export async function seedCatalogues(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(processModels)
      .values(defaultProcessModels.map(processModelRow))
      .onConflictDoNothing();
    await tx
      .insert(processSteps)
      .values(defaultProcessModels.flatMap(processStepRows))
      .onConflictDoNothing();
    await tx
      .insert(targetGroups)
      .values(
        defaultTargetGroups.map((g) => ({
          code: g.code,
          nameSv: g.name.sv,
          nameEn: g.name.en,
          statutory: g.statutory,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(municipalities)
      .values([...stockholmsLan])
      .onConflictDoNothing();
  });
}

function processModelRow(model: ProcessModel) {
  return { code: model.code, nameSv: model.name.sv, nameEn: model.name.en };
}

function processStepRows(model: ProcessModel) {
  return model.steps.map((step) => ({
    processCode: model.code,
    number: step.number,
    nameSv: step.name.sv,
    nameEn: step.name.en,
    targetDays: step.targetDays ?? null,
  }));
}
