import { resolve } from "node:path";
import { z } from "zod";

/** Case metrics computed at once per database unless SAMSYN_METRIC_CONCURRENCY says otherwise. */
export const defaultMetricConcurrency = 6;

/** The one place process.env is read (STYLE: create-t3-turbo). */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // 127.0.0.1 rather than "localhost": Node may resolve that to ::1 only.
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  // A streaming replica of DATABASE_URL for reads that may lag (docs/scaling.md).
  DATABASE_READ_URL: z.string().url().optional(),
  SAMSYN_DATA_DIR: z.string().default(".samsyn/data"),
  SAMSYN_SECRET: z.string().min(32, "SAMSYN_SECRET ska vara minst 32 tecken").optional(),
  SAMSYN_K: z.coerce.number().int().min(3, "SAMSYN_K kan inte vara mindre än 3").default(5),
  // SPEC "Privacy and disclosure control": perturbed counts (cellkey) or exact with suppression.
  SAMSYN_DISCLOSURE: z.enum(["cellkey", "suppression"]).default("cellkey"),
  SAMSYN_DEMO_CASES: z.coerce.number().int().min(0).default(10_000),
  SAMSYN_DASHBOARD_DIR: z.string().optional(),
  // Sign-in (SPEC "Roles and scope"): dev signs with the installation secret, oidc trusts an IdP.
  AUTH_MODE: z.enum(["dev", "oidc"]).default("dev"),
  OIDC_ISSUER: z.string().min(1).optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: z.string().url().optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).default("role"),
  OIDC_ORGS_CLAIM: z.string().min(1).default("orgs"),
  // The dashboard's own sign-in (authorization code + PKCE); without a client id, bearer only.
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  // Unset for a public client (PKCE alone); set for a confidential one.
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // Space-separated, as the provider wants them: some need an API scope for OIDC_AUDIENCE.
  OIDC_SCOPES: z.string().min(1).default("openid"),
  // Where users reach Samsyn: redirects come back to SAMSYN_PUBLIC_URL/auth/callback.
  SAMSYN_PUBLIC_URL: z.string().url().optional(),
  // HTTP guards: requests per minute per token (the IP limit defaults to twice this), body bytes.
  SAMSYN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SAMSYN_IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  // Metric reads per user and minute (default half the per-token limit): differencing is slow.
  SAMSYN_METRIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  // Case metrics computed at once per database, 6 unless told; `off`, no limit. Measured at 1 M
  // under `pnpm bench:load`, a queue of 6 answered as many metric reads as none, and pages and
  // writes in about a second instead of 3–9 s (docs/scaling.md, "The metric queue").
  SAMSYN_METRIC_CONCURRENCY: z
    .union([
      z.literal("off"),
      z.coerce
        .number()
        .int()
        .min(1, "SAMSYN_METRIC_CONCURRENCY ska vara minst 1 (eller off)")
        .max(
          8,
          "SAMSYN_METRIC_CONCURRENCY kan vara högst 8 (databasens pool har tio anslutningar)",
        ),
    ])
    .default(defaultMetricConcurrency)
    .transform((limit) => (limit === "off" ? undefined : limit)),
  SAMSYN_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // The three interchange files of an upload together (POST /imports): 512 MiB.
  SAMSYN_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(536_870_912),
  // Only behind a reverse proxy that sets them may X-Forwarded-For/-Proto be believed.
  SAMSYN_TRUST_PROXY: z
    .enum(["0", "1", "false", "true"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  // pnpm runs scripts inside the package; relative paths a user types mean the shell's folder.
  INIT_CWD: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** PGlite lives in one process's files: it has no replica to read from. */
const replicaNeedsPostgres = envSchema.refine(
  (env) => env.DATABASE_READ_URL === undefined || env.DATABASE_URL !== undefined,
  {
    path: ["DATABASE_READ_URL"],
    message: "DATABASE_READ_URL kräver DATABASE_URL (en replik av PostgreSQL, inte PGlite)",
  },
);

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = replicaNeedsPostgres.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ogiltig konfiguration / invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Resolves a path the user gave (flag or variable) against the folder the user ran pnpm in. */
export function userPath(env: Env, path: string): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}
