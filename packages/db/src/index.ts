export * from "./audit";
export {
  type BackupKind,
  BackupRefused,
  backupKindOf,
  backupPglite,
  backupPostgres,
  findPostgresTool,
  finishRestore,
  pgliteHolders,
  restorePglite,
  restorePostgres,
  type TableProgress,
} from "./backup";
export type { CreateDbOptions, Database, Db, Schema } from "./client";
export { createDb, DataDirUnwritable } from "./client";
export * from "./import";
export {
  checkInstallationSecret,
  claimInstallationSecret,
  SecretMismatch,
} from "./installation-secret";
export * from "./instances";
export * from "./live";
export { migrate, migrationsFolder, seedCatalogues } from "./migrate";
export * from "./operations/agreements";
export { appendCaseEvent, type NewCaseEvent } from "./operations/cases/append-event";
export { createCase, type NewCase } from "./operations/cases/create-case";
export * from "./operations/escalations";
export * from "./operations/evaluations";
export * from "./operations/forums";
export { createUnit, type NewUnit } from "./operations/organisations/create-unit";
export {
  type AgendaDeviation,
  type AgreementAgendaFacts,
  agreementAgendaFacts,
  indicatorDefinition,
} from "./queries/agenda/agreement-facts";
export {
  type AgreementDetail,
  type AgreementFilter,
  getAgreement,
  listAgreements,
  listIndicatorDefinitions,
  type RevisionView,
} from "./queries/agreements/agreements";
export { type AgreementCoverage, agreementCoverage } from "./queries/agreements/coverage";
export type { AgreementView, DeviationView, IndicatorView } from "./queries/agreements/views";
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
export type {
  CaseDetail,
  CaseEventView,
  CasePage,
  CaseSummary,
  ListCasesOptions,
} from "./queries/cases";
export { getCase, listCases, maxCasePageSize } from "./queries/cases";
export {
  type CatalogueView,
  loadCatalogueView,
  loadInterchangeCatalogue,
} from "./queries/catalogues";
export * from "./queries/escalations";
export * from "./queries/evaluations";
export * from "./queries/forums";
export type { ImportCounts, ImportRecord } from "./queries/imports";
export { listImports, maxImportListSize } from "./queries/imports";
export * from "./queries/metrics";
export type { Organisation, Unit } from "./queries/organisations";
export { listOrganisations, listUnits } from "./queries/organisations";
export type { QueryError, Result, ValidationDetail } from "./queries/result";
export { selectRows } from "./queries/rows";
export type { Summary } from "./queries/summary";
export { countSummary } from "./queries/summary";
export { hashCaseRef } from "./ref-hash";
export * from "./schema";
export * as schema from "./schema";
