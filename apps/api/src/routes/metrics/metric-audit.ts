import {
  type AuditEntry,
  type AuditOutcome,
  type AuditRecord,
  auditContext,
  type Database,
  type MetricName,
  type MetricReadAudit,
  type PublishOptions,
  recordAudits,
} from "@samsyn/db";
import { containsIdentifier, type Disclosure, type Scope } from "@samsyn/domain";
import type { Context, MiddlewareHandler } from "hono";
import { isDatabaseUnavailable } from "../../lib/error-handler";
import { type Logger, maskIdentifiers } from "../../lib/logging";
import type { AppEnv } from "../../lib/router";

/**
 * Audit rows written shortly after the answers they record, in batches: a metric read must not
 * wait for an INSERT of its own (SPEC: metric reads are audited so that a differencing attack is
 * visible, not slower for everyone).
 */
export interface AuditBuffer {
  add(record: AuditRecord): void;
  /** Writes what waits now; resolves once every write begun so far has ended. */
  flush(): Promise<void>;
  /** Flushes, and from then on writes each row at once: call before the database closes. */
  close(): Promise<void>;
}

export interface AuditBufferOptions {
  /** The longest a row waits for its batch. */
  readonly flushMs?: number;
  /** A batch this large is written at once. */
  readonly maxRows?: number;
}

export function createAuditBuffer(
  database: Database,
  logger: Logger,
  options: AuditBufferOptions = {},
): AuditBuffer {
  const flushMs = options.flushMs ?? 200;
  const maxRows = options.maxRows ?? 100;
  let waiting: AuditRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const writing = new Set<Promise<void>>();

  function writeWaiting(): void {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    const write = writeBatch(database, logger, batch).finally(() => writing.delete(write));
    writing.add(write);
  }

  async function flush(): Promise<void> {
    writeWaiting();
    await Promise.all(writing);
  }

  return {
    add(record) {
      waiting.push(record);
      if (closed || waiting.length >= maxRows) writeWaiting();
      else if (timer === undefined) {
        timer = setTimeout(writeWaiting, flushMs);
        // A test's app or a process that is done must not be kept alive by a pending batch.
        timer.unref();
      }
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}

/**
 * One INSERT per batch. When it fails, each row is tried alone, so that a row the database
 * refuses cannot take the others with it — unless the database is unreachable, when each row
 * would only fail again. What is lost is logged. The reads were answered already, so there is
 * nothing left to fail closed; the log is where the gap shows.
 */
async function writeBatch(
  database: Database,
  logger: Logger,
  batch: readonly AuditRecord[],
): Promise<void> {
  let reason: unknown;
  try {
    await recordAudits(database.db, batch);
    return;
  } catch (err) {
    reason = err;
  }
  const lost: string[] = [];
  const unreachable = reason instanceof Error && isDatabaseUnavailable(reason);
  for (const record of unreachable ? [] : batch) {
    try {
      await recordAudits(database.db, [record]);
    } catch (err) {
      lost.push(record.ctx.requestId);
      reason = err;
    }
  }
  if (unreachable) lost.push(...batch.map((record) => record.ctx.requestId));
  if (lost.length === 0) return;
  logger.error(
    {
      action: batch[0]?.entry.action,
      rows: lost.length,
      requestIds: lost,
      error: maskIdentifiers(messageOf(reason)),
    },
    "audit rows could not be written",
  );
}

/** drizzle wraps the driver's error: the database's own words are on the cause. */
function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? err.cause.message : err.message;
}

/**
 * Records every metric request of a signed-in caller once it is answered: who (the token's
 * subject and scope), which metric with which parameters, when, the status it got and which
 * metrics were published for it. Mounted before the rate limits, so a refused burst is on the
 * record too. The row is written here, at the edge, rather than by `publishMetric`: only here are
 * the refused requests (400, 429) seen, and a batch costs a read no INSERT of its own; the
 * publisher requires the `MetricReadAudit` this sets, so a route without this audit cannot
 * publish a figure.
 */
export function auditMetricReads(buffer: AuditBuffer): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const at = new Date();
    const published: MetricName[] = [];
    c.set("metricRead", { published: (metric) => published.push(metric) });
    await next();
    const scope = c.get("scope") as Scope | undefined;
    // Without a valid token there was no read: sign-in answered 401 and wrote its own row.
    if (scope === undefined) return;
    const params = new URL(c.req.url).searchParams;
    const entry = metricReadEntry(c.req.path, params, c.res.status, at, published);
    buffer.add({ ctx: auditContext(scope, c.get("requestId")), entry });
  };
}

/**
 * How this request publishes its figures: the installation's disclosure, the read's audit, and
 * the request's signal, so that a queued computation nobody waits for any more is dropped.
 */
export function publishOptions(c: Context<AppEnv>, disclosure: Disclosure): PublishOptions {
  return { disclosure, audit: metricReadAudit(c), signal: c.req.raw.signal };
}

/** The read's audit, for `publishMetric`; refuses (500) on a route that does not audit reads. */
function metricReadAudit(c: Context<AppEnv>): MetricReadAudit {
  const audit = c.get("metricRead") as MetricReadAudit | undefined;
  if (audit === undefined) throw new Error(`figures published unaudited on ${c.req.path}`);
  return audit;
}

/** What stands in the log for a path or parameter that holds an identifier. */
const withheld = "[borttaget: identitetsnummer]";
const maxLength = 200;
/** The metrics take about a dozen parameters; a request with hundreds is kept in part. */
const maxParams = 40;

/**
 * The audit row of one metric request. The parameters are normalised so that the same question
 * reads the same however it was written: `name=value` strings, each once, sorted (the order of
 * repeated filters does not change the answer). Screened like every text the log keeps.
 */
export function metricReadEntry(
  path: string,
  query: URLSearchParams,
  status: number,
  at: Date,
  published: readonly MetricName[] = [],
): AuditEntry {
  const params = [...new Set([...query].map(([name, value]) => `${name}=${value}`))].sort();
  return {
    action: "metric.read",
    objectType: "metric",
    objectId: screened(path),
    outcome: outcomeOf(status),
    at,
    details: {
      status,
      params: params.slice(0, maxParams).map(screenedParam),
      ...(params.length > maxParams ? { paramsCut: true } : {}),
      ...(published.length > 0 ? { published: [...published] } : {}),
    },
  };
}

/** Cut to `maxLength`, and checked whole and cut: a cut can end a longer number as a valid one. */
function screened(text: string): string {
  const cut = text.slice(0, maxLength);
  return containsIdentifier(text) || containsIdentifier(cut) ? withheld : cut;
}

function screenedParam(param: string): string {
  const kept = screened(param);
  if (kept !== withheld) return kept;
  const name = param.slice(0, param.indexOf("="));
  return screened(name) === withheld ? withheld : `${name}=${withheld}`;
}

/**
 * The log's outcome for an HTTP status; the status itself is in the details. The log has no
 * outcome for a server error (its CHECK lists the codes), so a 5xx reads `invalid` there.
 */
function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return "ok";
  if (status === 401) return "unauthenticated";
  if (status === 403 || status === 429) return "denied";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  return "invalid";
}
