import { fileURLToPath } from "node:url";
import {
  defaultProcessModels,
  defaultTargetGroups,
  type ProcessModel,
  stockholmsLan,
} from "@samsyn/domain";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Database, Db } from "./client";
import { casesWithoutFacts, refreshCaseFacts } from "./queries/metrics/case-facts";
import { municipalities, processModels, processSteps, targetGroups } from "./schema";

/** The committed SQL of drizzle-kit; one folder serves PostgreSQL and PGlite alike. */
export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies the migrations that are not yet applied, then seeds missing catalogue rows. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === "postgres") {
    await migratePostgres(drizzlePostgres({ client: database.client }), { migrationsFolder });
  } else {
    await migratePglite(drizzlePglite({ client: database.client }), { migrationsFolder });
  }
  await seedCatalogues(database.db);
  // Derived storage for the metrics: filled for cases that have none (an upgrade, or a table
  // emptied by a later migration that changes its derivation).
  await refreshCaseFacts((statement) => database.db.execute(statement), casesWithoutFacts);
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
