import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The installation secret keys the HMAC of case refs. Production must set SAMSYN_SECRET; in
 * development it is generated once and kept in the data dir, so that re-imports hash refs alike.
 * It is never stored in the database: a dump alone must not allow guessing refs.
 */
export function resolveSecret(options: {
  secret?: string | undefined;
  dataDir: string;
  production: boolean;
}): string {
  if (options.secret !== undefined) return options.secret;
  if (options.production) {
    throw new Error("SAMSYN_SECRET krävs i produktion / SAMSYN_SECRET is required in production");
  }
  const file = join(options.dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
