import { existsSync } from "node:fs";
import type { Scope } from "@samsyn/domain";
import type { Context, MiddlewareHandler } from "hono";
import {
  type AuthConfig,
  authenticate,
  type DashboardSignIn,
  dashboardSignIn,
  devAuthConfig,
  signInRoutes,
} from "./auth";
import { respondError } from "./errors";
import { limitBody, refuseNulBytes, requireJsonBody } from "./lib/body";
import { clientAddress } from "./lib/client";
import { mountDashboard } from "./lib/dashboard";
import { handleErrors } from "./lib/error-handler";
import { defaultHttpSettings, type HttpSettings } from "./lib/http-settings";
import { assignRequestId, type Logger, logRequests, silentLogger } from "./lib/logging";
import { createSharedWindowLimiter, createSlidingWindowLimiter, rateLimit } from "./lib/rate-limit";
import { type AppDeps, type AppEnv, createRouter, type Router } from "./lib/router";
import { securityHeaders } from "./lib/secure-headers";
import { apiRoutes } from "./routes";
import { devRoutes, devSignInPath } from "./routes/dev/dev.handlers";
import {
  type AuditBuffer,
  auditMetricReads,
  createAuditBuffer,
} from "./routes/metrics/metric-audit";

export type { AppDeps, AppEnv } from "./lib/router";

export interface AppOptions {
  /** The built dashboard (apps/dashboard/dist); served at / with the SPA fallback. */
  readonly dashboardDir?: string;
  /**
   * How tokens are checked. Default: dev mode keyed by `deps.secret`, for tests. The CLI passes
   * the configuration built from the environment, which refuses dev mode in production.
   */
  readonly auth?: AuthConfig;
  /** One JSON line per request, and errors. Default: silent. */
  readonly logger?: Logger;
  readonly http?: Partial<HttpSettings>;
  /**
   * Where the audit rows of metric reads wait for their batch. The CLI passes its own and closes
   * it before the database; default: one of the app's own, which writes within 200 ms.
   */
  readonly auditBuffer?: AuditBuffer;
  /**
   * Count the per-user rate limits in PostgreSQL (`deps.database`), so that the instances on one
   * database together allow each limit once. `samsyn serve` does on PostgreSQL; default: each
   * app counts in its own memory (the per-IP limit always does).
   */
  readonly sharedRateLimits?: boolean;
  /** Routes only a test needs (a handler that throws, a strict body), beside the resource routes. */
  readonly extraRoutes?: (api: Router) => void;
}

/** Paths that answer without a token: health always; the dev sign-in only exists in dev mode. */
export const healthPath = "/api/v1/health";
/**
 * Public too: it describes no data, and generators and linters (openapi-typescript, redocly)
 * fetch it without a token. The per-IP rate limit still counts it.
 */
export const openApiPath = "/api/v1/openapi.json";

/**
 * Builds the Hono app: request ids, logging, security headers and the guards of /api (rate
 * limits, sign-in, JSON only, body size), then the API under /api/v1 and, when built, the
 * dashboard. Routes live one folder per resource.
 */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const auth = options.auth ?? devAuthConfig(deps.secret);
  const logger = options.logger ?? silentLogger();
  const app = createRouter();
  const auditBuffer = options.auditBuffer ?? createAuditBuffer(deps.database, logger);
  const dashboard = dashboardSignIn(auth, { database: deps.database, secret: deps.secret });
  useGuards(
    app,
    deps,
    auth,
    dashboard,
    logger,
    auditBuffer,
    { ...defaultHttpSettings, ...options.http },
    options.sharedRateLimits === true,
  );

  const api = apiRoutes();
  // Beside the typed routes, not in their chain: no client may count on either (the dev
  // sign-in exists only in dev mode, extra routes only in tests).
  if (auth.mode === "dev") api.route("/", devRoutes());
  if (options.extraRoutes !== undefined) {
    const extra = createRouter();
    options.extraRoutes(extra);
    api.route("/", extra);
  }
  // `routed` is `app` itself, typed with every route of `api`: what `AppType` is made of.
  const routed = app.route("/api/v1", api);
  documentApi(app);

  app.all("/api/*", (c) => respondError(c, "not_found"));
  // The browser's sign-in at the identity provider (ADR 0009); before the dashboard's fallback.
  app.route("/auth", signInRoutes(auth, dashboard));
  if (options.dashboardDir !== undefined && existsSync(options.dashboardDir)) {
    mountDashboard(app, options.dashboardDir);
  }
  app.notFound((c) => respondError(c, "not_found"));
  app.onError(handleErrors(logger));
  return routed;
}

export type App = ReturnType<typeof createApp>;

/**
 * Every read that publishes figures — the metric endpoints, an agreement's indicators, a
 * meeting's suggested agenda and an action's "did it work" —
 * audited per read and rate limited per user on top of the rest. POST on the indicators path
 * adds one, a write with an audit of its own.
 */
function onFigureReads(app: Router, guard: MiddlewareHandler<AppEnv>): void {
  app.use("/api/v1/metrics/*", guard);
  app.use("/api/v1/agreements/:id/indicators", (c, next) =>
    c.req.method === "GET" ? guard(c, next) : next(),
  );
  app.use("/api/v1/forums/:id/meetings/:mid/suggested-agenda", guard);
  app.use("/api/v1/forums/:id/actions/:aid/effect", guard);
  app.use("/api/v1/evaluations/themes", guard);
  app.use("/api/v1/evaluations/:id/figures", guard);
}

/**
 * The order matters: the IP limit counts every caller, signed in or not; a request without a
 * valid token learns nothing else (401 before 404, 415 or 413); a metric read is audited
 * before the limits, so that refused reads are on the record too; the token limit counts per
 * user, and metric reads have a lower one of their own.
 */
function useGuards(
  app: Router,
  deps: AppDeps,
  auth: AuthConfig,
  dashboard: DashboardSignIn | undefined,
  logger: Logger,
  auditBuffer: AuditBuffer,
  http: HttpSettings,
  sharedRateLimits: boolean,
): void {
  const publicPaths = new Set(
    auth.mode === "dev" ? [healthPath, openApiPath, devSignInPath] : [healthPath, openApiPath],
  );
  const perIp = createSlidingWindowLimiter({ limit: http.rateLimitPerMinutePerIp });
  const perUser = (limiter: string, limit: number) =>
    sharedRateLimits && deps.database.kind === "postgres"
      ? createSharedWindowLimiter(deps.database.db, { limiter, limit })
      : createSlidingWindowLimiter({ limit });
  const perToken = perUser("token", http.rateLimitPerMinutePerToken);
  const metricsPerUser = perUser("metrics", http.metricRateLimitPerMinutePerUser);
  const subject = (c: Context<AppEnv>) => (c.get("scope") as Scope | undefined)?.sub;

  app.use("*", assignRequestId());
  app.use("*", logRequests(logger));
  app.use("*", securityHeaders(http.trustProxy));
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use(
    "/api/*",
    rateLimit(perIp, (c) => clientAddress(c, http.trustProxy)),
  );
  // Each sign-in asks the provider: without a limit, anyone could make Samsyn flood it.
  app.use(
    "/auth/*",
    rateLimit(perIp, (c) => clientAddress(c, http.trustProxy)),
  );
  app.use("/api/*", authenticate(auth, publicPaths, dashboard));
  app.use("/api/*", refuseNulBytes());
  onFigureReads(app, auditMetricReads(auditBuffer));
  app.use("/api/*", rateLimit(perToken, subject));
  onFigureReads(app, rateLimit(metricsPerUser, subject));
  app.use("/api/*", requireJsonBody());
  app.use("/api/*", limitBody(http.bodyLimitBytes, http.importMaxBytes));
}

/** What each group of routes is for, as a client generator shows it. */
const apiTags = [
  { name: "health", description: "Whether Samsyn and its database answer (no token)." },
  { name: "me", description: "Who the token says the caller is." },
  { name: "organisations", description: "Organisations and units of the county." },
  { name: "catalogues", description: "Process models, target groups and the other catalogues." },
  {
    name: "cases",
    description: "Collaboration cases and their events, within the caller's scope; audited.",
  },
  {
    name: "metrics",
    description:
      "The seven metrics, under the installation's disclosure control (SAMSYN_DISCLOSURE: cellkey or suppression); every read audited.",
  },
  { name: "imports", description: "The CSV interchange files: checked, then all or nothing." },
  { name: "audit", description: "The audit log (admin)." },
  {
    name: "agreements",
    description:
      "Överenskommelser: the county's agreement register — revisions, status and the annual review (30 November), coverage of kommun × statutory målgrupp, deviations, indicators published as the metrics are, CSV/XLSX export and CSV import. lan and admin write; ledning and samordnare read their organisations' agreements.",
  },
  {
    name: "forums",
    description:
      "Ledningsforum: forums of member organisations, their meetings (planned → held → justerat, a justerat protocol locked), agenda, decisions and actions; open actions carry over to every later meeting until done; follow-up per quarter with completion rate (exact counts: actions are not people). lan and admin set forums up; ledning of a member, lan and admin write meetings; samordnare read their organisations' forums.",
  },
  {
    name: "escalations",
    description:
      "Eskalering: disputes about responsibility between huvudmän, about a case or a routine, lifted one management level at a time (1 enhetschef, 2 verksamhetschef, 3 förvaltningschef/ledningsforum) until resolved; every write and every list audited. The metric GET /metrics/escalations (open and resolved by level, median days to resolution, share resolved at level 1) is published and audited like every metric. lan and admin see all; ledning and samordnare the escalations their organisations are in dispute in.",
  },
  {
    name: "evaluations",
    description:
      "Utvärdering, \"vad fungerade bra\": retrospective sessions of organisations for a period, optionally a process's steps; phases collect → group → vote → discuss → closed, forward only; items (worked_well / improve) with a theme and step, screened; groups; votes per participant (a keyed hash of session and user, never the user), totals hidden until discuss; anonymous sessions store no author anywhere (audit rows name the session). Improvements become forum actions, linked both ways; a session opens with its predecessors' actions. Theme trends and the figures beside a board are published and audited as metric reads. samordnare, ledning and admin hold sessions; their organisations' users and admin read them.",
  },
  { name: "dev", description: "Developer sign-in (AUTH_MODE=dev only)." },
];

/** SPEC "HTTP API": every request needs a bearer token; health and dev sign-in say otherwise. */
function documentApi(app: Router): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc31(openApiPath, {
    openapi: "3.1.0",
    info: {
      title: "Samsyn API",
      version: "1.0.0",
      description: "Samverkan i siffror.",
      license: {
        name: "EUPL-1.2",
        url: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
      },
    },
    // Relative: the paths start with /api/v1 on whichever host serves this document.
    servers: [
      {
        url: "/",
        description: "Installationen som serverar dokumentet / the installation serving it",
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: apiTags,
  });
}
