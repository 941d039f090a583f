import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { repoRoot } from "./paths";

/**
 * A hash of the source files (not tests) in `dirs`. Cached data is reused only while the code
 * that made it is unchanged: here, the generator of the CSV files.
 */
export async function sourceHash(dirs: readonly string[]): Promise<string> {
  const files = (await Promise.all(dirs.map(sourceFiles))).flat();
  return hashFiles(files);
}

/**
 * A hash of `entry` and every module it imports by a relative path, transitively: for a loaded
 * database, the importer and whatever it calls to fill derived tables (a per-case facts table
 * lives beside the metric queries, not in the import folder).
 */
export async function moduleClosureHash(entry: string): Promise<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...(await relativeImports(file)));
  }
  return hashFiles([...seen].sort());
}

async function relativeImports(file: string): Promise<string[]> {
  const text = await readFile(file, "utf8");
  const specifiers = [...text.matchAll(/from\s+"(\.{1,2}\/[^"]*)"/g)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
  return Promise.all(specifiers.map((s) => resolveModule(resolve(dirname(file), s))));
}

/** Imports carry no extension (moduleResolution Bundler): a file `x.ts` or a folder's index. */
async function resolveModule(base: string): Promise<string> {
  const candidates = [base, `${base}.ts`, join(base, "index.ts")];
  for (const candidate of candidates) {
    if (
      /\.ts$/.test(candidate) &&
      (await readFile(candidate).then(
        () => true,
        () => false,
      ))
    ) {
      return candidate;
    }
  }
  throw new Error(`cannot resolve ${base}`);
}

/** Paths enter the hash relative to the repository, so that another checkout hashes alike. */
async function hashFiles(files: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(relative(repoRoot, file));
    hash.update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter(
      (e) =>
        e.isFile() && !/\.test\.ts$/.test(e.name) && !isTestSupport(relative(dir, e.parentPath)),
    )
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Test support (a `testing/` folder) writes no data: changing it must not regenerate any. */
function isTestSupport(folder: string): boolean {
  return folder.split(sep).includes("testing");
}
