import { access } from "node:fs/promises";
import { join } from "node:path";
import { type InterchangeFile, interchangeFileNames, interchangeFiles } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { loadInterchangeCatalogue } from "../queries/catalogues";
import { lastRecordedSeq, refreshImportedFacts } from "../queries/metrics/case-facts";
import { applyCases, applyEvents, applyUnits } from "./apply";
import { checkReferences } from "./checks";
import { type ImportError, ImportErrors } from "./errors";
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
}

export interface ImportCounts {
  readonly units: number;
  readonly cases: number;
  readonly events: number;
}

export type ImportReport =
  | {
      readonly ok: true;
      readonly importId: number;
      /** Rows that added something. */
      readonly added: ImportCounts;
      /** Rows that were already present (or repeated a row above them). */
      readonly skipped: ImportCounts;
    }
  | { readonly ok: false; readonly errors: readonly ImportError[]; readonly errorCount: number };

/** Thrown inside the transaction to roll it back when rows were rejected. */
class Rejected extends Error {}

/**
 * Imports the three interchange files in one transaction: everything or nothing (SPEC). All three
 * files must be present, even if only with their header row, so that a forgotten file is an error
 * rather than an import that silently lacks it.
 */
export async function importDirectory(
  database: Database,
  options: ImportOptions,
): Promise<ImportReport> {
  const startedAt = new Date();
  const errors = new ImportErrors();
  const paths = await presentFiles(options.dir, errors);
  if (paths === undefined) return failure(errors);
  const catalogue = await loadInterchangeCatalogue(database.db);
  const fileStagers = stagers(catalogue, options.secret);
  try {
    return await inTransaction(database, async (session) => {
      await createStaging(session);
      await useImportMemory(session, database.kind);
      const staged = await stageFiles(session, paths, fileStagers, errors, options.onProgress);
      await analyzeStaging(session);
      // Reference checks on a file that could not be read would only repeat its error.
      const readable = Object.values(staged).every((file) => file.readable);
      if (readable) await checkReferences(session, errors);
      if (errors.count > 0) throw new Rejected();
      return apply(session, staged, startedAt, options.actor ?? "cli");
    });
  } catch (error) {
    if (error instanceof Rejected) return failure(errors);
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

async function apply(
  session: BulkSession,
  staged: Readonly<Record<InterchangeFile, StagedFile>>,
  startedAt: Date,
  actor: string,
): Promise<ImportReport> {
  const [recorded] = await session.rows<{ seq: number }>(lastRecordedSeq);
  const added: ImportCounts = {
    units: await applyUnits(session),
    cases: await applyCases(session),
    events: await applyEvents(session),
  };
  // The metrics read case_facts: it changes with the events, in the same transaction.
  await refreshImportedFacts((statement) => session.run(statement), recorded?.seq ?? 0);
  const skipped: ImportCounts = {
    units: staged.units.rows - added.units,
    cases: staged.cases.rows - added.cases,
    events: staged.events.rows - added.events,
  };
  const [row] = await session.rows<{ id: number }>(sql`INSERT INTO imports
      (started_at, finished_at, status, actor, units_added, units_skipped,
       cases_added, cases_skipped, events_added, events_skipped)
    VALUES (${startedAt.toISOString()}, now(), 'succeeded', ${actor}, ${added.units},
      ${skipped.units}, ${added.cases}, ${skipped.cases}, ${added.events}, ${skipped.events})
    RETURNING id`);
  return { ok: true, importId: row?.id ?? 0, added, skipped };
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

function failure(errors: ImportErrors): ImportReport {
  return { ok: false, errors: errors.list(), errorCount: errors.count };
}
