export * from "./codes";
export * from "./context";
export type { AuditEntry, AuditedWork, DeniedAttempt } from "./record";
export { audited, auditRowInsert, recordAudit, recordDenied } from "./record";
