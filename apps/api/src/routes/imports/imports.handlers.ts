import {
  checkInstallationSecret,
  type ImportReport,
  importAs,
  listImports,
  recordAudit,
  recordDenied,
  type UserImportOptions,
} from "@samsyn/db";
import { type Locale, mayRegisterCases, t } from "@samsyn/domain";
import type { Context } from "hono";
import { ApiError, type ErrorCode } from "../../errors";
import { auditOf, orRefuse } from "../../lib/respond";
import { type AppEnv, createRouter } from "../../lib/router";
import { getImportJobRoute, listImportsRoute, postImportRoute } from "./imports.routes";
import {
  type ImportJob,
  ImportJobs,
  type JobFailure,
  readSharedImportJob,
  SharedImportJob,
} from "./jobs";
import { receiveInterchangeFiles } from "./upload";

/** The report as the API words it: `message` like every other error text of the API. */
type ReportBody =
  | (Omit<Exclude<ImportReport, { ok: false }>, "notices"> & { notices: ImportNotice[] })
  | {
      ok: false;
      errorCount: number;
      errors: {
        file: string;
        line: number | null;
        column: string | null;
        code: ImportErrorCode;
        message: string;
        value?: string;
      }[];
      groups: {
        file: string;
        column: string | null;
        code: ImportErrorCode;
        message: string;
        value?: string;
        count: number;
        lines: (number | null)[];
      }[];
      notices: ImportNotice[];
    };
type ImportErrorCode = Extract<ImportReport, { ok: false }>["errors"][number]["code"];
type ImportNotice = ImportReport["notices"][number];

/**
 * Imports through the API: the upload is streamed to a private temporary directory, checked or
 * imported by the same importer as the CLI (`importAs` limits a samordnare to their own
 * organisations and audits every run), and the directory is removed when the run is over.
 * Jobs live in this app's memory, one store per app, and on PostgreSQL in `import_jobs` too.
 */
export function importRoutes() {
  const jobs = new ImportJobs<ReportBody>();
  return createRouter()
    .openapi(postImportRoute, async (c) => {
      const { mode } = c.req.valid("query");
      const action = mode === "check" ? "import.check" : "import.commit";
      await refuseWhoMayNotImport(c, action);
      await refuseUnderAnotherSecret(c, action);
      const { database, secret } = c.get("deps");
      const scope = c.get("scope");
      const ctx = auditOf(c);
      const locale = requestLocale(c);
      const upload = await receiveInterchangeFiles(c.req.raw);
      const run = (options: Partial<UserImportOptions>) =>
        importAs(database, scope, ctx, { dir: upload.dir, secret, locale, ...options });
      if (mode === "check") {
        try {
          return c.json(reportBody(orRefuse(await run({ dryRun: true }))), 200);
        } finally {
          await upload.remove();
        }
      }
      // On PostgreSQL the job is shared, so that a poll may reach any instance.
      const shared =
        database.kind === "postgres" ? new SharedImportJob<ReportBody>(database.db) : undefined;
      const job = jobs.start(
        scope.sub,
        async (onProgress, onStep) => {
          try {
            const report = reportBody(orRefuse(await run({ onProgress, onStep })));
            return { state: report.ok ? "done" : "failed", report };
          } finally {
            await upload.remove();
          }
        },
        shared,
      );
      await shared?.begin(job);
      return c.json({ job: jobBody(job, locale) }, 202);
    })
    .openapi(getImportJobRoute, async (c) => {
      const scope = c.get("scope");
      if (!mayRegisterCases(scope.role)) throw forbidden();
      const { id } = c.req.valid("param");
      // This instance's own jobs from memory; another instance's from the primary (never the
      // replica: a poll must see the state its instance just wrote).
      const { database } = c.get("deps");
      // Another user's job is as absent as one that never existed: its id tells nothing.
      // Job ids are UUIDs, as `import_jobs.id` is: anything else (`-1`) is no job, not a query
      // PostgreSQL refuses (a 500 the fuzzer found).
      const job =
        jobs.get(id, scope.sub) ??
        (database.kind === "postgres" && uuidPattern.test(id)
          ? await readSharedImportJob<ReportBody>(database.db, id, scope.sub)
          : undefined);
      if (job === undefined) throw new ApiError("not_found");
      return c.json(jobBody(job, requestLocale(c)), 200);
    })
    .openapi(listImportsRoute, async (c) => {
      const { database } = c.get("deps");
      const items = orRefuse(await listImports(database.db, c.get("scope"), c.req.valid("query")));
      return c.json({ items: items.map((i) => ({ ...i })) }, 200);
    });
}

/** A role that may not import is refused before a byte of its upload is read, and audited. */
async function refuseWhoMayNotImport(
  c: Context<AppEnv>,
  action: "import.check" | "import.commit",
): Promise<void> {
  if (mayRegisterCases(c.get("scope").role)) return;
  await recordDenied(c.get("deps").database.db, auditOf(c), {
    action,
    objectType: "import",
    objectId: null,
    outcome: "denied",
  });
  throw forbidden();
}

/**
 * A database restored under another SAMSYN_SECRET than its own (start-up refuses that, but a
 * restore may swap the database under a running server): every stored case would look new, and
 * the import would add them again. Refused before the upload is read, and audited.
 */
async function refuseUnderAnotherSecret(
  c: Context<AppEnv>,
  action: "import.check" | "import.commit",
): Promise<void> {
  const { database, secret } = c.get("deps");
  if ((await checkInstallationSecret(database.db, secret)) !== "mismatch") return;
  await recordAudit(database.db, auditOf(c), {
    action,
    objectType: "import",
    objectId: null,
    outcome: "conflict",
  });
  const locale = requestLocale(c);
  throw new ApiError("conflict", t("installation.secret_mismatch", {}, locale));
}

function forbidden(): ApiError {
  return new ApiError("forbidden");
}

function reportBody(report: ImportReport): ReportBody {
  if (report.ok) return { ...report, notices: [...report.notices] };
  return {
    ok: false,
    errorCount: report.errorCount,
    errors: report.errors.map(({ reason, ...where }) => ({ ...where, message: reason })),
    groups: report.groups.map(({ reason, lines, ...group }) => ({
      ...group,
      message: reason,
      lines: [...lines],
    })),
    notices: [...report.notices],
  };
}

function jobBody(job: ImportJob<ReportBody>, locale: Locale) {
  return {
    id: job.id,
    state: job.state,
    progress: { ...job.progress },
    ...(job.report === undefined ? {} : { report: job.report }),
    ...(job.failure === undefined ? {} : { error: jobError(job.failure, locale) }),
  };
}

function jobError(failure: JobFailure, locale: Locale) {
  // Either way the import's transaction was rolled back: nothing of it was stored.
  const message =
    failure === "database_unavailable"
      ? t("error.database_unavailable", {}, locale)
      : t("import.job.failed_unexpectedly", {}, locale);
  const code: ErrorCode = failure === "unexpected" ? "internal" : failure;
  return { code, message, details: [] };
}

/** English when the client prefers it (Accept-Language), Swedish otherwise. */
export function requestLocale(c: Context): Locale {
  return preferredLocale(c.req.header("accept-language"));
}

export function preferredLocale(header: string | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.split("-")[0] ?? "", q: q === undefined ? 1 : Number(q.slice(2)) };
    })
    .filter((r) => (r.language === "sv" || r.language === "en") && r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.language === "en" ? "en" : "sv";
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
