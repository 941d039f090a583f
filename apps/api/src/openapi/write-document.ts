import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { openApiDocument } from "./document";

/** `tsx src/openapi/write-document.ts <file>`: the document for redocly and openapi-typescript. */
const target = process.argv[2];
if (target === undefined) {
  console.error("usage: write-document.ts <file>");
  process.exit(2);
}
const file = resolve(target);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
