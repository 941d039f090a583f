import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type BackupKind,
  backupKindOf,
  backupPglite,
  backupPostgres,
  createDb,
  finishRestore,
  restorePglite,
  restorePostgres,
  type TableProgress,
} from "@samsyn/db";
import { t } from "@samsyn/domain";
import { type Env, userPath } from "../env";
import { resolveSecret } from "../secret";
import { formatCount, formatSeconds } from "./progress";

/** `samsyn backup --out FILE` (README "Säkerhetskopiering"). */
export async function backupCommand(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  if (values.out === undefined) return usageError("out");
  const out = userPath(env, values.out);
  const startedAt = Date.now();
  console.error(t("backup.started", { kind: kindOf(env), file: out }));
  const progress = createTableProgress();
  if (env.DATABASE_URL !== undefined) {
    await backupPostgres(env.DATABASE_URL, out, { onProgress: progress.update });
  } else {
    await backupPglite(dataDir(env), out);
  }
  progress.done();
  const { size } = await stat(out);
  console.error(
    t("backup.written", {
      file: out,
      size: formatBytes(size),
      seconds: formatSeconds(Date.now() - startedAt),
    }),
  );
  console.error(t("backup.keep_secret"));
  const secretFile = join(dataDir(env), "secret");
  if (env.SAMSYN_SECRET === undefined && existsSync(secretFile)) {
    console.error(t("backup.secret_file", { file: secretFile }));
  }
  return 0;
}

/** `samsyn restore FILE`: into an empty database of the kind the backup is of, then migrated. */
export async function restoreCommand(env: Env, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [given] = positionals;
  if (given === undefined) return usageError("file");
  const file = userPath(env, given);
  const backup = await backupKindOf(file);
  if (backup === undefined) throw new Error(t("backup.not_a_backup", { file }));
  const kind = kindOf(env);
  if (backup !== kind) {
    const hint = t(`backup.wrong_kind_hint_${backup}`);
    throw new Error(t("backup.wrong_kind", { file, backup, kind, hint }));
  }
  const secret = restoreSecret(env);
  const startedAt = Date.now();
  console.error(t("backup.restore_started", { file, kind }));
  const progress = createTableProgress();
  if (env.DATABASE_URL !== undefined) {
    await restorePostgres(env.DATABASE_URL, file, { secret, onProgress: progress.update });
  } else {
    await restorePglite(dataDir(env), file, { secret });
  }
  progress.done();
  const database = await createDb(
    env.DATABASE_URL !== undefined ? { databaseUrl: env.DATABASE_URL } : { dataDir: dataDir(env) },
  );
  try {
    const restored = await finishRestore(database, secret);
    console.error(
      t("backup.restored", {
        tables: formatCount(restored.tables),
        cases: formatCount(restored.cases),
        seconds: formatSeconds(Date.now() - startedAt),
      }),
    );
  } finally {
    await database.close();
  }
  return 0;
}

function kindOf(env: Env): BackupKind {
  return env.DATABASE_URL !== undefined ? "postgres" : "pglite";
}

function dataDir(env: Env): string {
  return userPath(env, env.SAMSYN_DATA_DIR);
}

/**
 * The secret the backup must have been made under. Unlike the other commands, restore never
 * generates one: a new secret is certain to be the wrong one.
 */
function restoreSecret(env: Env): string {
  if (env.SAMSYN_SECRET !== undefined || env.NODE_ENV === "production") {
    return resolveSecret({
      secret: env.SAMSYN_SECRET,
      dataDir: dataDir(env),
      production: env.NODE_ENV === "production",
    });
  }
  const file = join(dataDir(env), "secret");
  if (!existsSync(file)) throw new Error(t("backup.secret_needed", { dir: dataDir(env) }));
  return readFileSync(file, "utf8").trim();
}

function usageError(option: string): number {
  console.error(t("cli.failed", { message: t("cli.missing_option", { option }) }));
  console.error(t("cli.usage"));
  return 2;
}

const megabytes = new Intl.NumberFormat("sv-SE", {
  style: "unit",
  unit: "megabyte",
  maximumFractionDigits: 1,
});

/** "12,3 MB": decimal megabytes, as `ls -h --si` and file managers show them. */
export function formatBytes(bytes: number): string {
  return megabytes.format(bytes / 1_000_000);
}

/**
 * "3 av 40 tabeller (public.cases)": on a terminal one line rewritten in place, otherwise a line
 * every few seconds, as the import's progress does.
 */
function createTableProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs = 2_000) {
  const tty = stream.isTTY === true;
  let lastPrinted = 0;
  let printed = false;
  return {
    update(progress: TableProgress): void {
      const now = Date.now();
      if (now - lastPrinted < (tty ? 100 : intervalMs)) return;
      const line = t("backup.progress_tables", {
        done: formatCount(progress.done),
        total: formatCount(progress.total),
        table: progress.table,
      });
      stream.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
      lastPrinted = now;
      printed = true;
    },
    done(): void {
      if (tty && printed) stream.write("\n");
    },
  };
}
