import { resolve } from "node:path";
import { z } from "zod";

/** The one place process.env is read (STYLE: create-t3-turbo). */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // 127.0.0.1 rather than "localhost": Node may resolve that to ::1 only.
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  SAMSYN_DATA_DIR: z.string().default(".samsyn/data"),
  SAMSYN_SECRET: z.string().min(32, "SAMSYN_SECRET ska vara minst 32 tecken").optional(),
  SAMSYN_DEMO_CASES: z.coerce.number().int().min(0).default(10_000),
  SAMSYN_DASHBOARD_DIR: z.string().optional(),
  // pnpm runs scripts inside the package; relative paths a user types mean the shell's folder.
  INIT_CWD: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
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
