import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A hash of the source files (not tests) in `dirs`. Cached data is reused only while the code
 * that made it is unchanged: the generator for the CSV files; the migrations and the importer
 * for a loaded database (a new migration may add a table that only an import fills).
 */
export async function sourceHash(dirs: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    for (const name of await sourceFiles(dir)) {
      hash.update(name);
      hash.update(await readFile(join(dir, name)));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !/\.test\.ts$|\.test-support\.ts$/.test(e.name))
    .map((e) => join(e.parentPath.slice(dir.length), e.name))
    .sort();
}
