import { assertNever } from "@samsyn/domain/assert-never";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import {
  type ImportCounts,
  type ImportErrorGroup,
  type ImportField,
  type ImportJob,
  type ImportReport,
  importFields,
  uploadImport,
  useImportJob,
  useRecentImports,
} from "../../api/imports";
import { useSession } from "../../api/queries";
import { PageHeading } from "../../components/Controls";
import { QueryState } from "../../components/QueryState";
import { formatNumber } from "../../lib/cells";
import { download, fileName } from "../../lib/export";
import { intlLocale, t } from "../../lib/i18n";
import { hasMoreLines, linesSummary, lineText, reportCsv } from "../../lib/import-report";
import { ApiFailure } from "../../session";
import "./import.css";

/**
 * Import (samordnare, admin): choose the three interchange files, check them (nothing is saved),
 * and only when the check found no errors, import them as a job whose progress is shown until it
 * is done. Any change of a file throws the earlier report away: it no longer describes the files.
 */
type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "uploading"; readonly mode: "check" | "commit"; readonly fraction: number }
  | { readonly kind: "checked"; readonly report: ImportReport }
  | { readonly kind: "importing"; readonly jobId: string }
  | { readonly kind: "refused"; readonly message: string };

const fileLabels = {
  units: "import.file.units",
  cases: "import.file.cases",
  events: "import.file.events",
} as const;

export function Import() {
  const { token } = useSession();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Partial<Record<ImportField, File>>>({});
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [missing, setMissing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const job = useImportJob(phase.kind === "importing" ? phase.jobId : null);
  const finished = job.data !== undefined && job.data.state !== "running" ? job.data : null;
  const invalidated = useRef<string | null>(null);

  // After a successful commit every figure, catalogue and list may have changed.
  useEffect(() => {
    if (finished?.state !== "done" || invalidated.current === finished.id) return;
    invalidated.current = finished.id;
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== "import-job",
    });
  }, [finished, queryClient]);

  const chosen = (): Record<ImportField, File> | null => {
    const { units, cases, events } = files;
    return units && cases && events ? { units, cases, events } : null;
  };

  async function send(mode: "check" | "commit") {
    const all = chosen();
    setMissing(all === null);
    if (all === null) return;
    setPhase({ kind: "uploading", mode, fraction: 0 });
    const progress = (fraction: number) => setPhase({ kind: "uploading", mode, fraction });
    try {
      if (mode === "check") {
        setPhase({ kind: "checked", report: await uploadImport("check", all, token, progress) });
      } else {
        const { job: started } = await uploadImport("commit", all, token, progress);
        setPhase({ kind: "importing", jobId: started.id });
      }
    } catch (error) {
      setPhase({ kind: "refused", message: refusal(error) });
    }
  }

  function choose(field: ImportField, file: File | undefined) {
    setFiles((current) => ({ ...current, [field]: file }));
    setMissing(false);
    setPhase({ kind: "idle" });
  }

  function startOver() {
    setFiles({});
    setPhase({ kind: "idle" });
    // A file input cannot be emptied from React state: a new key gives fresh inputs.
    setFormKey((k) => k + 1);
  }

  const busy = phase.kind === "uploading" || (phase.kind === "importing" && finished === null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send("check");
  };

  return (
    <>
      <PageHeading title={t("import.heading")} intro={t("import.intro")} />
      <form key={formKey} className="import-form" onSubmit={onSubmit} noValidate>
        <fieldset disabled={busy}>
          <legend>{t("import.files_legend")}</legend>
          {importFields.map((field) => (
            <FileInput key={field} field={field} onChange={(file) => choose(field, file)} />
          ))}
        </fieldset>
        {missing && (
          <p className="import-problem" role="alert">
            {t("import.choose_all")}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("import.check")}
        </button>
      </form>
      <Status text={statusText(phase, job.data ?? null)} />
      <Outcome
        phase={phase}
        job={job.data ?? null}
        jobFailed={job.isError}
        onCommit={() => void send("commit")}
        onStartOver={startOver}
      />
      <RecentImports />
    </>
  );
}

function FileInput(props: { field: ImportField; onChange: (file: File | undefined) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t(fileLabels[props.field])}</label>
      <input
        id={id}
        name={props.field}
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => props.onChange(e.target.files?.[0])}
      />
    </div>
  );
}

/**
 * The status line: the one live region of the page, always present, so that a screen reader
 * hears each change (upload, check, every progress step, the result) exactly once.
 */
function Status(props: { text: string }) {
  return (
    <p className="import-status" role="status" aria-live="polite">
      {props.text}
    </p>
  );
}

function statusText(phase: Phase, job: ImportJob | null): string {
  switch (phase.kind) {
    case "idle":
    case "refused":
      return "";
    case "uploading": {
      const percent = Math.round(phase.fraction * 100);
      // Once the body is sent, the server is checking: there is nothing left to count.
      return percent >= 100 && phase.mode === "check"
        ? t("import.checking")
        : t("import.uploading", { percent });
    }
    case "checked":
      return phase.report.ok
        ? t("import.check_ok", countParams(phase.report.added, phase.report.skipped))
        : t("import.errors_count", { count: formatNumber(phase.report.errorCount) });
    case "importing":
      return jobText(job);
    default:
      return assertNever(phase);
  }
}

function jobText(job: ImportJob | null): string {
  const report = job?.report;
  if (job === null || job.state === "running") {
    const { file, rows, step } = job?.progress ?? { file: null, rows: 0 };
    if (step?.step === "checking") return t("import.progress_checking");
    if (step?.step === "storing") return t("import.progress_storing");
    if (step?.step === "deriving") {
      return t("import.progress_deriving", {
        done: formatNumber(step.done),
        total: formatNumber(step.total),
      });
    }
    if (file === null) return t("import.progress_starting");
    if (job !== null && readAll(job)) return t("import.progress_saving");
    return t("import.progress_file", { file, rows: formatNumber(rows) });
  }
  if (report?.ok === true) return t("import.done", countParams(report.added, report.skipped));
  if (report?.ok === false) return t("import.failed", { count: formatNumber(report.errorCount) });
  return "";
}

/**
 * How far a running job is, for its bar: the share of the file being read, then the share of the
 * cases whose metrics' storage is derived; null (no value) while the checks and inserts run.
 */
function jobFraction(job: ImportJob | null): number | null {
  if (job === null) return null;
  const { file, bytes, totalBytes, step } = job.progress;
  if (step?.step === "deriving") return step.done / Math.max(step.total, 1);
  if (step !== undefined || file === null || readAll(job)) return null;
  return bytes / Math.max(totalBytes, 1);
}

/** The last file read in full: the rows are in, the checks and inserts are running. */
function readAll(job: ImportJob): boolean {
  const { file, bytes, totalBytes } = job.progress;
  return file === "events.csv" && bytes >= totalBytes;
}

/** What the last step left to see beside the status line: a bar, a button, the errors. */
function Outcome(props: {
  phase: Phase;
  job: ImportJob | null;
  jobFailed: boolean;
  onCommit: () => void;
  onStartOver: () => void;
}) {
  const { phase, job } = props;
  switch (phase.kind) {
    case "idle":
      return null;
    case "uploading":
      return <ProgressBar label={t("import.upload_label")} value={phase.fraction} />;
    case "refused":
      return (
        <p className="import-problem" role="alert">
          {phase.message}
        </p>
      );
    case "checked":
      return (
        <>
          <Notices notices={phase.report.notices} />
          {phase.report.ok ? (
            <button type="button" className="import-commit" onClick={props.onCommit}>
              {t("import.commit")}
            </button>
          ) : (
            <Errors report={phase.report} />
          )}
        </>
      );
    case "importing":
      if (props.jobFailed) {
        return (
          <p className="import-problem" role="alert">
            {t("import.request_failed_plain")}
          </p>
        );
      }
      if (job === null || job.state === "running") {
        return <ProgressBar label={t("import.progress_label")} value={jobFraction(job)} />;
      }
      return (
        <div className="import-result">
          {job.report !== undefined && <Notices notices={job.report.notices} />}
          {job.report?.ok === false && <Errors report={job.report} />}
          {job.report === undefined && (
            <p className="import-problem" role="alert">
              {t("import.job.failed_unexpectedly")}
            </p>
          )}
          <button type="button" onClick={props.onStartOver}>
            {t("import.start_over")}
          </button>
        </div>
      );
    default:
      return assertNever(phase);
  }
}

/** How files not in the interchange format's own form were read (a spreadsheet's CSV). */
function Notices(props: { notices: ImportReport["notices"] }) {
  const headingId = useId();
  if (props.notices.length === 0) return null;
  return (
    <section className="import-notices" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("import.notices_heading")}</h2>
      <ul>
        {props.notices.map((notice) => (
          <li key={`${notice.file} ${notice.code}`}>
            {notice.file}: {notice.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `value` a fraction 0–1, or null while there is nothing to measure (indeterminate). */
function ProgressBar(props: { label: string; value: number | null }) {
  const id = useId();
  return (
    <div className="import-progress">
      <label htmlFor={id}>{props.label}</label>
      {props.value === null ? (
        <progress id={id} />
      ) : (
        <progress id={id} max={100} value={Math.round(props.value * 100)} />
      )}
    </div>
  );
}

/** Error lines drawn at most; the rest are in the CSV report, which holds every error. */
const maxShownGroups = 200;
/** Line numbers listed under "show all" at most; the CSV report has them all. */
const maxExpandedLines = 2_000;

function Errors(props: { report: Extract<ImportReport, { ok: false }> }) {
  const { report } = props;
  const headingId = useId();
  const captionId = useId();
  const shown = report.groups.slice(0, maxShownGroups);
  const downloadReport = () => {
    const blob = new Blob([reportCsv(report.groups)], { type: "text/csv;charset=utf-8" });
    download(blob, fileName(t("import.csv_title"), todayIso(), "csv"));
  };
  return (
    <section className="import-errors" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("import.errors_heading")}</h2>
      <p>{t("import.errors_grouped")}</p>
      {report.groups.length > shown.length && (
        <p>
          {t("import.errors_first_groups", {
            shown: formatNumber(shown.length),
            total: formatNumber(report.groups.length),
          })}
        </p>
      )}
      <button type="button" className="import-download" onClick={downloadReport}>
        {t("import.download_report", { count: formatNumber(report.errorCount) })}
      </button>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long report scrolls in its own region, which must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <table className="import-error-table">
          <caption id={captionId}>{t("import.errors_caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.col.file")}</th>
              <th scope="col">{t("import.col.line")}</th>
              <th scope="col">{t("import.col.column")}</th>
              <th scope="col">{t("import.col.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((g) => (
              <ErrorGroupRow key={`${g.file}:${g.column}:${g.code}:${g.value ?? ""}`} group={g} />
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function ErrorGroupRow({ group }: { group: ImportErrorGroup }) {
  const summary = linesSummary(group);
  const listed = group.lines.slice(0, maxExpandedLines);
  const more = group.count - listed.length;
  return (
    <tr>
      <td data-label={t("import.col.file")}>{group.file}</td>
      <td className="import-lines" data-label={t("import.col.line")}>
        {hasMoreLines(group) ? (
          <details>
            <summary>{summary}</summary>
            <p>
              {listed.map(lineText).join(", ")}
              {more > 0 && ` ${t("import.lines_more", { count: formatNumber(more) })}`}
            </p>
          </details>
        ) : (
          summary
        )}
      </td>
      <td data-label={t("import.col.column")}>{group.column ?? "–"}</td>
      <td data-label={t("import.col.reason")}>{group.message}</td>
    </tr>
  );
}

/** Today in Stockholm as YYYY-MM-DD, for the report's file name. */
function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
}

function RecentImports() {
  const { role } = useSession();
  const recent = useRecentImports();
  const headingId = useId();
  const when = new Intl.DateTimeFormat(intlLocale(), { dateStyle: "short", timeStyle: "short" });
  return (
    <section className="figure" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("import.recent_heading")}</h2>
      <p className="intro">{t(role === "admin" ? "import.recent_all" : "import.recent_mine")}</p>
      <QueryState query={recent}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="state empty">{t("import.recent_empty")}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the table scrolls sideways, which the keyboard must reach (WCAG 2.1.1)
            <section className="table-scroll" aria-label={t("import.recent_heading")} tabIndex={0}>
              <table>
                {/* The heading above says it; the caption names the table for assistive tech. */}
                <caption className="visually-hidden">{t("import.recent_heading")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("import.col.when")}</th>
                    <th scope="col">{t("import.col.actor")}</th>
                    <th scope="col" className="num">
                      {t("import.col.units")}
                    </th>
                    <th scope="col" className="num">
                      {t("import.col.cases")}
                    </th>
                    <th scope="col" className="num">
                      {t("import.col.events")}
                    </th>
                    <th scope="col" className="num">
                      {t("import.col.skipped")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td>{when.format(new Date(i.finishedAt))}</td>
                      <td>{i.actor}</td>
                      <td className="num">{formatNumber(i.added.units)}</td>
                      <td className="num">{formatNumber(i.added.cases)}</td>
                      <td className="num">{formatNumber(i.added.events)}</td>
                      <td className="num">{formatNumber(total(i.skipped))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        }
      </QueryState>
    </section>
  );
}

function countParams(added: ImportCounts, skipped: ImportCounts) {
  return {
    units: formatNumber(added.units),
    cases: formatNumber(added.cases),
    events: formatNumber(added.events),
    skipped: formatNumber(total(skipped)),
  };
}

function total(counts: ImportCounts): number {
  return counts.units + counts.cases + counts.events;
}

function refusal(error: unknown): string {
  if (error instanceof ApiFailure && error.status !== 0 && error.details !== "") {
    return t("import.request_failed", { details: error.details });
  }
  return t("import.request_failed_plain");
}
