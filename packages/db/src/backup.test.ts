import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupRefused, backupKindOf, findPostgresTool } from "./backup";

/**
 * Which pg_dump a backup uses, and what it says when there is none fit for the server: PATH
 * first, then Debian's /usr/lib/postgresql/<version>/bin, newest first; never one older than the
 * server, which pg_dump itself refuses with "server version mismatch".
 */
describe("findPostgresTool", () => {
  let root: string;

  /** A fake `pg_dump` that answers `--version` as version `major` does. */
  async function fakeTool(dir: string, major: number): Promise<string> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, "pg_dump");
    await writeFile(path, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${major}.3 (Debian)"\n`);
    await chmod(path, 0o755);
    return path;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "samsyn-pgtools-"));
    await fakeTool(join(root, "path-bin"), 15);
    await fakeTool(join(root, "versions", "15", "bin"), 15);
    await fakeTool(join(root, "versions", "17", "bin"), 17);
    await mkdir(join(root, "versions", "16", "bin"), { recursive: true });
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const places = () => ({ path: join(root, "path-bin"), versionsRoot: join(root, "versions") });

  it("takes PATH's when it is new enough for the server", async () => {
    expect(await findPostgresTool("pg_dump", 15, places())).toEqual({
      path: join(root, "path-bin", "pg_dump"),
      major: 15,
    });
  });

  it("passes over an older PATH for the newest installed version that fits", async () => {
    expect(await findPostgresTool("pg_dump", 16, places())).toEqual({
      path: join(root, "versions", "17", "bin", "pg_dump"),
      major: 17,
    });
  });

  it("says in Swedish which version to install when every one is older than the server", async () => {
    const found = findPostgresTool("pg_dump", 18, places());
    await expect(found).rejects.toBeInstanceOf(BackupRefused);
    await expect(found).rejects.toThrow(
      /Servern kör PostgreSQL 18, men det nyaste pg_dump som finns är version 17 \(.*versions\/17\/bin\/pg_dump\)\. .*postgresql-client-18/,
    );
  });

  it("says in Swedish where it looked when there is none at all", async () => {
    const none = { path: join(root, "nowhere"), versionsRoot: join(root, "nowhere") };
    await expect(findPostgresTool("pg_restore", 15, none)).rejects.toThrow(
      /pg_restore hittades inte \(varken i PATH eller i \/usr\/lib\/postgresql\/\*\/bin\)\. .*postgresql-client-15/,
    );
  });
});

describe("backupKindOf", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "samsyn-kind-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("tells pg_dump's custom format, a gzipped data dir and anything else apart", async () => {
    const file = async (name: string, bytes: Buffer | string) => {
      await writeFile(join(dir, name), bytes);
      return join(dir, name);
    };
    expect(await backupKindOf(await file("a.dump", "PGDMP\u0001\u000e"))).toBe("postgres");
    expect(await backupKindOf(await file("a.tgz", Buffer.from([0x1f, 0x8b, 8, 0])))).toBe("pglite");
    expect(await backupKindOf(await file("a.sql", "-- plain SQL\n"))).toBeUndefined();
    expect(await backupKindOf(await file("empty", ""))).toBeUndefined();
  });
});
