import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Database, MetricReadAudit } from "@samsyn/db";
import type { DisclosureMode, Scope } from "@samsyn/domain";
import { containsIdentifier, echoable, t } from "@samsyn/domain";
import type { Context } from "hono";
import { respondError } from "../errors";

export interface AppDeps {
  /** The primary: every write, every audit row, and the reads that must see a write just made. */
  readonly database: Database;
  /**
   * A streaming replica for reads that may lag (DATABASE_READ_URL): metric and page reads. Its
   * figures are as of its last replayed transaction. Default: `database`.
   */
  readonly readDatabase?: Database;
  /** The installation secret: keys the HMAC of case refs (and, in dev mode, signs tokens). */
  readonly secret: string;
  /** SPEC: counts 1..k−1 never leave the API; k ≥ 3, default 5 (SAMSYN_K). */
  readonly k?: number;
  /** SPEC "Privacy and disclosure control": `cellkey` (the default) or `suppression`. */
  readonly disclosure?: DisclosureMode;
}

/**
 * `scope` is set by the auth middleware for every route but /health: who is asking (sub, role,
 * organisations). Handlers pass it to the query functions of packages/db, which enforce it.
 * `metricRead` is set by the metric-read audit on the routes that publish figures.
 */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    scope: Scope;
    metricRead: MetricReadAudit;
    /**
     * Set by a route whose writer must stay unnamed (a participant's write to an evaluation
     * board, which may be anonymous): the request's log line then leaves the subject out.
     */
    withholdSubject?: boolean;
  };
};

/**
 * The database a read-only handler reads from: the replica when there is one. Only for reads
 * that may be a little behind (docs/scaling.md "Read replicas"); a read that must see the
 * caller's own write (a board after a write, an import job's state) reads `deps.database`.
 */
export function readDatabase(c: Context<AppEnv>): Database {
  const deps = c.get("deps");
  return deps.readDatabase ?? deps.database;
}

/** A router whose zod failures become 400 in the SPEC error shape, one detail per bad parameter. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map(issueDetail);
        return respondError(c, "bad_request", t("error.bad_request"), details);
      }
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

/**
 * A zod issue as a detail. What the client sent is repeated only as `echoable` allows: the names
 * of unknown keys (which zod's own text would list), a path through keys the client chose, and
 * any other text of zod's that might quote the input.
 */
function issueDetail(issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = echoable(issue.path.join("."));
  if (issue.code === "unrecognized_keys") {
    const fields = issue.keys.map((key) => echoable(key)).join(", ");
    return { path, message: t("error.unknown_fields", { fields }) };
  }
  return { path, message: issueMessage(issue) };
}

const kinds = ["string", "number", "boolean", "array", "object"] as const;

/**
 * Zod's own text is English and speaks of its types; a user reads these details beside a form's
 * fields, so the common refusals are said from the catalogue. A message the schema set itself
 * (a refine's, a pattern's) is already ours, and stays — unless it could quote an identifier.
 */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const kind = kinds.find((k) => k === issue.expected) ?? "other";
      return t("error.field.expected", { expected: t(`error.field.kind.${kind}`) });
    }
    case "too_small":
    case "too_big": {
      const n = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const bound = issue.code === "too_small" ? "min" : "max";
      if (issue.origin === "string")
        return n === 1 && bound === "min"
          ? t("error.field.empty")
          : t(`error.field.${bound}_length`, { n });
      if (issue.origin === "array") return t(`error.field.${bound}_items`, { n });
      return t(`error.field.${bound}`, { n });
    }
    case "invalid_value":
      return t("error.field.one_of", { values: issue.values.map(String).join(", ") });
    case "invalid_format":
      // The date pattern's own words; a pattern with a message of ours keeps it.
      if (issue.format === "regex" && String(issue.pattern).includes("\\d{4}-\\d{2}-\\d{2}"))
        return t("error.field.date");
      return issue.message.startsWith("Invalid") ? t("error.field.format") : ours(issue.message);
    default:
      return ours(issue.message);
  }
}

function ours(message: string): string {
  return containsIdentifier(message) ? t("error.bad_request") : message;
}
