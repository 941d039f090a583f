export type { CreateDbOptions, Database, Db, Schema } from "./client";
export { createDb } from "./client";
export * from "./import";
export { migrate, migrationsFolder, seedCatalogues } from "./migrate";
export { selectRows } from "./queries/rows";
export type { Summary } from "./queries/summary";
export { countSummary } from "./queries/summary";
export * from "./schema";
export * as schema from "./schema";
