export * from "./audit";
export type { CreateDbOptions, Database, Db, Schema } from "./client";
export { createDb } from "./client";
export * from "./import";
export {
  checkInstallationSecret,
  claimInstallationSecret,
  SecretMismatch,
} from "./installation-secret";
export { migrate, migrationsFolder, seedCatalogues } from "./migrate";
export type {
  AuditLogEntry,
  AuditLogFilter,
  AuditLogPage,
  AuditLogQuery,
} from "./queries/audit-log";
export {
  auditCsvColumns,
  exportAuditLogCsv,
  listAuditLog,
  maxAuditPageSize,
} from "./queries/audit-log";
export type { NewCaseEvent } from "./queries/case-events";
export { appendCaseEvent } from "./queries/case-events";
export type {
  CaseDetail,
  CaseEventView,
  CasePage,
  CaseSummary,
  ListCasesOptions,
  NewCase,
} from "./queries/cases";
export { createCase, getCase, listCases, maxCasePageSize } from "./queries/cases";
export { type CatalogueView, loadCatalogueView } from "./queries/catalogue-view";
export { loadInterchangeCatalogue } from "./queries/catalogues";
export type { ImportRecord } from "./queries/imports";
export { listImports, maxImportListSize } from "./queries/imports";
export * from "./queries/metrics";
export type { NewUnit, Organisation, Unit } from "./queries/organisations";
export { createUnit, listOrganisations, listUnits } from "./queries/organisations";
export type { QueryError, Result, ValidationDetail } from "./queries/result";
export { selectRows } from "./queries/rows";
export type { Summary } from "./queries/summary";
export { countSummary } from "./queries/summary";
export * from "./schema";
export * as schema from "./schema";
