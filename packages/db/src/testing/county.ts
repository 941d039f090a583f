import { rm } from "node:fs/promises";
import type { Database } from "../client";
import { importDirectory } from "../import";
import { type InterchangeFiles, writeInterchange } from "./interchange-builders";

/** The installation secret of the test suites. */
export const testSecret = "test-installation-secret";

/** Imports interchange rows through the real importer; a rejected import fails the test. */
export async function importCounty(database: Database, files: InterchangeFiles): Promise<void> {
  const dir = await writeInterchange(files);
  try {
    const report = await importDirectory(database, { dir, secret: testSecret });
    if (!report.ok) {
      throw new Error(`the test county was rejected: ${JSON.stringify(report.errors)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
