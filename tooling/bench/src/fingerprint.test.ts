import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moduleClosureHash, sourceHash } from "./fingerprint";

describe("moduleClosureHash", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "samsyn-fingerprint-"));
    await mkdir(join(dir, "facts"));
    await writeFile(join(dir, "entry.ts"), 'import { b } from "./b";\nexport const a = b;\n');
    await writeFile(join(dir, "b.ts"), 'export { c as b } from "./facts";\n');
    await writeFile(join(dir, "facts", "index.ts"), "export const c = 1;\n");
    await writeFile(join(dir, "unrelated.ts"), "export const d = 1;\n");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("changes when a module imported indirectly changes", async () => {
    const before = await moduleClosureHash(join(dir, "entry.ts"));
    await writeFile(join(dir, "facts", "index.ts"), "export const c = 2;\n");
    expect(await moduleClosureHash(join(dir, "entry.ts"))).not.toBe(before);
  });

  it("stays the same when a module outside the imports changes", async () => {
    const before = await moduleClosureHash(join(dir, "entry.ts"));
    await writeFile(join(dir, "unrelated.ts"), "export const d = 2;\n");
    expect(await moduleClosureHash(join(dir, "entry.ts"))).toBe(before);
  });
});

describe("sourceHash", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "samsyn-source-hash-"));
    await mkdir(join(dir, "testing"));
    await writeFile(join(dir, "generator.ts"), "export const a = 1;\n");
    await writeFile(join(dir, "generator.test.ts"), "// a test\n");
    await writeFile(join(dir, "testing", "reader.ts"), "export const r = 1;\n");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("changes when a source file changes", async () => {
    const before = await sourceHash([dir]);
    await writeFile(join(dir, "generator.ts"), "export const a = 2;\n");
    expect(await sourceHash([dir])).not.toBe(before);
  });

  it("stays the same when only tests or test support change: they write no data", async () => {
    const before = await sourceHash([dir]);
    await writeFile(join(dir, "generator.test.ts"), "// another test\n");
    await writeFile(join(dir, "testing", "reader.ts"), "export const r = 2;\n");
    expect(await sourceHash([dir])).toBe(before);
  });
});
