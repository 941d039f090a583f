import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/**
 * `pnpm --filter @samsyn/db run migrations:lint`: squawk over the committed migrations, with the
 * repository's .squawk.toml. squawk's config can only exclude a rule everywhere or a file
 * entirely, so the committed migrations that break a rule for a reason of their own are excused
 * here, rule by rule, each with its reason. An excuse that no longer matches a warning fails too:
 * the list says exactly what is tolerated.
 */
const excused: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "0001_access_and_audit.sql": {
    "constraint-missing-not-valid":
      "the CHECKs state what the API already enforced on every audit row: the one scan, inside the upgrade's transaction, cannot fail",
  },
  "0003_metric_storage_split.sql": {
    "ban-drop-column":
      "case_facts is derived storage, truncated in the same file and refilled by migrate(); nothing but Samsyn's metric queries (changed with it) reads it",
    "adding-required-field":
      "case_facts is truncated earlier in the same file: no row lacks the value",
  },
  "0004_metric_facts_column_order.sql": {
    "ban-drop-table":
      "case_facts is derived storage, recreated in the same file and refilled by migrate()",
  },
  "0005_metric_facts_network_masks.sql": {
    "ban-drop-table":
      "case_facts is derived storage, recreated in the same file and refilled by migrate()",
    "ban-drop-column":
      "case_pairs is derived storage, emptied with case_facts and refilled by migrate()",
  },
  "0006_metric_facts_narrow.sql": {
    "ban-drop-table":
      "derived metric storage, recreated in the same file and refilled by migrate()",
  },
  "0007_case_events_lean.sql": {
    "ban-drop-column":
      "case_events.id was a surrogate key nothing referenced; seq (already unique) becomes the key",
    "constraint-missing-not-valid":
      "a primary key cannot be NOT VALID; seq was already unique, so the scan finds no duplicate",
    "adding-serial-primary-key-field":
      "the lock is taken inside the migrating transaction before Samsyn serves (docs/adr/0005)",
  },
  "0008_case_events_by_case.sql": {
    "ban-drop-table":
      "case_transitions was derived storage; flow reads the consecutive pairs of case_steps instead (docs/adr/0005)",
  },
  "0010_metric_facts_coded_attributes.sql": {
    "ban-drop-table":
      "case_facts is derived storage, recreated in the same file and refilled by migrate()",
  },
  "0012_cases_ref_per_organisation.sql": {
    "adding-not-nullable-field":
      "the column is filled from units in the statement before: no row can be null",
    "constraint-missing-not-valid":
      "the new key and foreign key must hold at once: a ref is unique per organisation from this migration on",
    "adding-foreign-key-constraint":
      "every value was just copied from organisations (through units), so the check cannot fail",
    "disallowed-unique-constraint":
      "the unique key replaces cases_ref_hash_key in the same transaction; imports rely on it for ON CONFLICT",
  },
};

interface Violation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule_name: string;
  readonly message: string;
}

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const config = fileURLToPath(new URL("../../../.squawk.toml", import.meta.url));

async function lint(): Promise<number> {
  const migrations = join(packageDir, "migrations");
  const files = (await readdir(migrations))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => join("migrations", f));
  const squawk = join(packageDir, "node_modules", ".bin", "squawk");
  const violations = await runSquawk(squawk, ["--config", config, "--reporter", "json", ...files]);
  const used = new Set<string>();
  const left = violations.filter((v) => {
    const reason = excused[basename(v.file)]?.[v.rule_name];
    if (reason === undefined) return true;
    used.add(`${basename(v.file)} ${v.rule_name}`);
    return false;
  });
  for (const v of left) {
    console.error(`${v.file}:${v.line}:${v.column}: ${v.rule_name}: ${v.message}`);
  }
  const stale = Object.entries(excused).flatMap(([file, rules]) =>
    Object.keys(rules)
      .filter((rule) => !used.has(`${file} ${rule}`))
      .map((rule) => `${file}: ${rule}`),
  );
  for (const s of stale) console.error(`excused but not raised (remove the excuse): ${s}`);
  const excusedCount = violations.length - left.length;
  console.error(
    `squawk: ${files.length} migrations, ${left.length} warnings, ${excusedCount} excused (packages/db/src/migrations-lint.ts)`,
  );
  return left.length === 0 && stale.length === 0 ? 0 : 1;
}

/** squawk exits non-zero when it warns; its JSON on stdout is what counts. */
async function runSquawk(squawk: string, args: string[]): Promise<Violation[]> {
  const output = await promisify(execFile)(squawk, args, { cwd: packageDir }).catch(
    (error: { stdout?: string; stderr?: string; code?: number }) => {
      if (typeof error.stdout === "string" && error.stdout.trim().startsWith("[")) return error;
      throw new Error(`squawk failed (${error.code}): ${error.stderr ?? ""}`);
    },
  );
  return JSON.parse(output.stdout ?? "[]") as Violation[];
}

lint().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
