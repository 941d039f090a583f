import { access } from "node:fs/promises";
import { join } from "node:path";
import {
  type InterchangeFile,
  interchangeFileNames,
  interchangeFiles,
  type Locale,
} from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, auditRowInsert, recordAudit } from "../audit";
import type { Database } from "../client";
import { checkInstallationSecret, SecretMismatch } from "../installation-secret";
import {
  lastRecordedSeq,
  refreshChunkCases,
  refreshImportedFacts,
} from "../operations/case-facts/refresh";
import { loadInterchangeCatalogue } from "../queries/catalogues";
import type { ImportCounts } from "../queries/imports";
import { applyCases, applyEvents, applyUnits } from "./apply";
import { checkReferences, scopeChecks } from "./checks";
import { type ImportError, type ImportErrorGroup, ImportErrors, type ImportNotice } from "./errors";
import { resolveCases } from "./resolve-cases";
import { type BulkSession, inTransaction } from "./session";
import { type ProgressListener, type StagedFile, stageFile } from "./stage-file";
import { type Stagers, stagers } from "./stagers";
import { analyzeStaging, createStaging } from "./staging";

export interface ImportOptions {
  /** The directory holding units.csv, cases.csv and events.csv. */
  readonly dir: string;
  /** The installation secret (SAMSYN_SECRET) that case refs are hashed with. */
  readonly secret: string;
  /** Recorded in `imports`; default "cli". */
  readonly actor?: string;
  readonly onProgress?: ProgressListener;
  /**
   * Hears the steps after the files are read, silent for minutes at a county's size (a million
   * cases: about five) and for an hour at a country's: the reference checks, the inserts, and the
   * derivation of the metrics' storage, chunk by chunk.
   */
  readonly onStep?: (step: ImportStep) => void;
  /**
   * Check only: every row is staged and checked and the counts are worked out exactly as in a
   * real import, then everything is rolled back. The report has `importId: null`.
   */
  readonly dryRun?: boolean;
  /**
   * The organisations the caller acts for (a samordnare's scope): every unit row must belong to
   * one of them, every case's initiating unit and every event's unit must be one of their units,
   * and events may only go to stored cases they see. Absent: no limit (admin, the CLI).
   */
  readonly allowedOrganisations?: readonly string[];
  /** The language of the error reasons; default Swedish. */
  readonly locale?: Locale;
  /**
   * Who asked, for the audit log: a commit writes `import.commit` in its own transaction (a
   * rejected one afterwards, as `invalid`), a dry run writes `import.check`. Absent: no row
   * (the CLI, whose runs `imports` records).
   */
  readonly audit?: AuditContext;
}

/** A step of an import after its files are read (`ImportOptions.onStep`). */
export type ImportStep =
  | { readonly step: "checking" }
  | { readonly step: "storing" }
  /** `done` of `total` cases have their facts: heard with 0 first, then after every chunk. */
  | { readonly step: "deriving"; readonly done: number; readonly total: number };

export type ImportReport =
  | {
      readonly ok: true;
      /** The `imports` row; null for a dry run, which records nothing. */
      readonly importId: number | null;
      /** Rows that added something. */
      readonly added: ImportCounts;
      /** Rows that were already present (or repeated a row above them). */
      readonly skipped: ImportCounts;
      /** How files not in SPEC's format were read (semicolons, Windows-1252). */
      readonly notices: readonly ImportNotice[];
    }
  | {
      readonly ok: false;
      readonly notices: readonly ImportNotice[];
      /** The first `maxReportedErrors` errors, by file and line. */
      readonly errors: readonly ImportError[];
      readonly errorCount: number;
      /** Every error, those alike in one group with all their lines (the full report). */
      readonly groups: readonly ImportErrorGroup[];
    };

/** Thrown inside the transaction to roll it back when rows were rejected. */
class Rejected extends Error {}

/** Thrown inside the transaction to roll a dry run back, carrying the report it would give. */
class DryRunDone extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/**
 * Imports the three interchange files in one transaction: everything or nothing (SPEC). All three
 * files must be present, even if only with their header row, so that a forgotten file is an error
 * rather than an import that silently lacks it. Throws `SecretMismatch` when the database was
 * tied to another installation secret.
 */
export async function importDirectory(
  database: Database,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = await stageCheckAndApply(database, options);
  if (options.audit !== undefined && !(report.ok && !options.dryRun)) {
    // A committed import wrote its row in its own transaction; the others wrote nothing.
    await recordAudit(database.db, options.audit, auditEntry(options, report));
  }
  return report;
}

async function stageCheckAndApply(
  database: Database,
  options: ImportOptions,
): Promise<ImportReport> {
  const startedAt = new Date();
  // Under another secret every stored case would look new: the import would double them.
  if ((await checkInstallationSecret(database.db, options.secret)) === "mismatch") {
    throw new SecretMismatch(options.locale);
  }
  const errors = new ImportErrors(options.locale);
  const paths = await presentFiles(options.dir, errors);
  if (paths === undefined) return failure(errors);
  const catalogue = await loadInterchangeCatalogue(database.db);
  const fileStagers = stagers(catalogue, options.secret);
  const limits =
    options.allowedOrganisations === undefined ? [] : scopeChecks(options.allowedOrganisations);
  try {
    return await inTransaction(database, async (session) => {
      await createStaging(session);
      await useImportMemory(session, database.kind);
      const staged = await stageFiles(session, paths, fileStagers, errors, options.onProgress);
      await analyzeStaging(session);
      // Reference checks on a file that could not be read would only repeat its error.
      const readable = Object.values(staged).every((file) => file.readable);
      if (readable) {
        options.onStep?.({ step: "checking" });
        await resolveCases(session, options.allowedOrganisations);
        await checkReferences(session, errors, limits);
      }
      if (errors.count > 0) throw new Rejected();
      const [before] = await session.rows<{ seq: number }>(lastRecordedSeq);
      options.onStep?.({ step: "storing" });
      // A dry run applies too: only the inserts know what is new, after duplicates in the files.
      const added = await applyRows(session);
      const skipped = skippedRows(staged, added);
      const notices = errors.notices();
      if (options.dryRun) {
        throw new DryRunDone({ ok: true, importId: null, added, skipped, notices });
      }
      const seqBefore = before?.seq ?? 0;
      const run = { startedAt, seqBefore, added, skipped, notices, options };
      return record(database, session, run);
    });
  } catch (error) {
    if (error instanceof Rejected) return failure(errors);
    if (error instanceof DryRunDone) return error.report;
    throw error;
  }
}

/** Units first, then cases, then events: the order the checks read them in. */
async function stageFiles(
  session: BulkSession,
  paths: Readonly<Record<InterchangeFile, string>>,
  fileStagers: Stagers,
  errors: ImportErrors,
  onProgress: ProgressListener | undefined,
): Promise<Record<InterchangeFile, StagedFile>> {
  return {
    units: await stageFile(session, paths.units, fileStagers.units, errors, onProgress),
    cases: await stageFile(session, paths.cases, fileStagers.cases, errors, onProgress),
    events: await stageFile(session, paths.events, fileStagers.events, errors, onProgress),
  };
}

/** Inserts the checked rows; what each insert added is what the file brought that was new. */
async function applyRows(session: BulkSession): Promise<ImportCounts> {
  return {
    units: await applyUnits(session),
    cases: await applyCases(session),
    events: await applyEvents(session),
  };
}

function skippedRows(
  staged: Readonly<Record<InterchangeFile, StagedFile>>,
  added: ImportCounts,
): ImportCounts {
  return {
    units: staged.units.rows - added.units,
    cases: staged.cases.rows - added.cases,
    events: staged.events.rows - added.events,
  };
}

/** The committing import's bookkeeping: case facts, its `imports` row and its audit row. */
async function record(
  database: Database,
  session: BulkSession,
  run: {
    readonly startedAt: Date;
    /** The largest event seq before this import's inserts. */
    readonly seqBefore: number;
    readonly added: ImportCounts;
    readonly skipped: ImportCounts;
    readonly notices: readonly ImportNotice[];
    readonly options: ImportOptions;
  },
): Promise<ImportReport> {
  const { startedAt, added, skipped, notices, options } = run;
  // The metrics read case_facts: it changes with the events, in the same transaction.
  const onStep = options.onStep;
  await refreshImportedFacts(
    session,
    run.seqBefore,
    refreshChunkCases,
    onStep && ((done, total) => onStep({ step: "deriving", done, total })),
  );
  const [row] = await session.rows<{ id: number }>(sql`INSERT INTO imports
      (started_at, finished_at, status, actor, units_added, units_skipped,
       cases_added, cases_skipped, events_added, events_skipped)
    VALUES (${startedAt.toISOString()}, now(), 'succeeded', ${options.actor ?? "cli"},
      ${added.units}, ${skipped.units}, ${added.cases}, ${skipped.cases}, ${added.events},
      ${skipped.events})
    RETURNING id`);
  const report: ImportReport = { ok: true, importId: row?.id ?? 0, added, skipped, notices };
  if (options.audit !== undefined) {
    await session.run(auditRowInsert(database.db, options.audit, auditEntry(options, report)));
  }
  return report;
}

/**
 * The checks and the event insert sort and hash every staged row; PostgreSQL's default 4 MB
 * spills them to disk. PGlite's memory is the Node process's own, so it gets less.
 */
async function useImportMemory(session: BulkSession, kind: Database["kind"]): Promise<void> {
  const workMem = kind === "postgres" ? "256MB" : "64MB";
  await session.run(sql.raw(`SET LOCAL work_mem = '${workMem}'`));
}

async function presentFiles(
  dir: string,
  errors: ImportErrors,
): Promise<Record<InterchangeFile, string> | undefined> {
  const paths: Record<InterchangeFile, string> = {
    units: join(dir, interchangeFileNames.units),
    cases: join(dir, interchangeFileNames.cases),
    events: join(dir, interchangeFileNames.events),
  };
  for (const file of interchangeFiles) {
    const present = await access(paths[file]).then(
      () => true,
      () => false,
    );
    if (!present) errors.add({ file, line: null, column: null, code: "missingFile" });
  }
  return errors.count > 0 ? undefined : paths;
}

/** Codes and counts only: an audit row never holds a file's contents or a reason's text. */
function auditEntry(options: ImportOptions, report: ImportReport): AuditEntry {
  const action = options.dryRun ? "import.check" : "import.commit";
  if (!report.ok) {
    return {
      action,
      objectType: "import",
      objectId: null,
      outcome: "invalid",
      details: { errorCount: report.errorCount },
    };
  }
  const { added, skipped } = report;
  return {
    action,
    objectType: "import",
    objectId: report.importId === null ? null : String(report.importId),
    outcome: "ok",
    details: {
      unitsAdded: added.units,
      casesAdded: added.cases,
      eventsAdded: added.events,
      unitsSkipped: skipped.units,
      casesSkipped: skipped.cases,
      eventsSkipped: skipped.events,
    },
  };
}

function failure(errors: ImportErrors): ImportReport {
  return {
    ok: false,
    errors: errors.list(),
    errorCount: errors.count,
    groups: errors.groups(),
    notices: errors.notices(),
  };
}
