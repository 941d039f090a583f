export * from "../schema/audit-codes";
export * from "./context";
export type { AuditEntry, AuditedWork, AuditRecord, DeniedAttempt } from "./record";
export { audited, auditRowInsert, recordAudit, recordAudits, recordDenied } from "./record";
