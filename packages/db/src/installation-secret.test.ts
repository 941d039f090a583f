import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { importDirectory } from "./import";
import {
  claimInstallationSecret,
  fingerprintMatches,
  SecretMismatch,
  secretFingerprint,
} from "./installation-secret";
import { migrate } from "./migrate";
import { selectRows } from "./queries/rows";
import { countSummary } from "./queries/summary";
import {
  aCase,
  aRegionUnit,
  aUnit,
  resetData,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "./testing";

const secretA = "the-secret-the-database-was-made-with-0001";
const secretB = "another-secret-after-a-careless-restore-02";

describe("secretFingerprint", () => {
  it("matches its own secret only, and holds neither the secret nor a bare hash of it", async () => {
    const fingerprint = await secretFingerprint(secretA);
    expect(await fingerprintMatches(secretA, fingerprint)).toBe(true);
    expect(await fingerprintMatches(secretB, fingerprint)).toBe(false);
    expect(fingerprint).not.toContain(secretA);
    // Salted: the same secret gives another fingerprint each time, so no table of them helps.
    expect(await secretFingerprint(secretA)).not.toBe(fingerprint);
    expect(fingerprint).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it("does not match a fingerprint it cannot read", async () => {
    expect(await fingerprintMatches(secretA, "sha256$abc")).toBe(false);
  });
});

describe.each(testDatabases())("the installation secret on $name", (target) => {
  const database = useMigratedDatabase(target);
  beforeEach(() => resetData(database().db));

  const county = () =>
    writeInterchange({
      units: [aUnit(), aRegionUnit()],
      cases: [aCase()],
      events: stepEvents("ARENDE-0001", "2024-03-01", [1, 2]),
    });

  it("is recorded by the first migrate given one, and a later migrate with another refused", async () => {
    await migrate(database(), { secret: secretA });
    const [row] = await selectRows<{ secret_fingerprint: string }>(
      database().db,
      sql`SELECT secret_fingerprint FROM installation`,
    );
    expect(await fingerprintMatches(secretA, row?.secret_fingerprint ?? "")).toBe(true);
    await expect(migrate(database(), { secret: secretB })).rejects.toThrow(SecretMismatch);
    await expect(migrate(database(), { secret: secretA })).resolves.toBeUndefined();
  });

  it("refuses an import under another secret in Swedish, storing nothing; accepts the right one", async () => {
    await migrate(database(), { secret: secretA });
    const dir = await county();
    const refused = importDirectory(database(), { dir, secret: secretB });
    await expect(refused).rejects.toThrow(SecretMismatch);
    await expect(refused).rejects.toThrow(/SAMSYN_SECRET är inte den hemlighet/);
    expect((await countSummary(database().db)).cases).toBe(0);
    const report = await importDirectory(database(), { dir, secret: secretA });
    expect(report).toMatchObject({ ok: true, added: { cases: 1 } });
    // The mistake the fingerprint exists for: the same files, under B, would have doubled this.
    await expect(importDirectory(database(), { dir, secret: secretB })).rejects.toThrow(
      SecretMismatch,
    );
    expect((await countSummary(database().db)).cases).toBe(1);
  });

  it("says the refusal in English when the import asks for English", async () => {
    await migrate(database(), { secret: secretA });
    const dir = await county();
    await expect(
      importDirectory(database(), { dir, secret: secretB, locale: "en" }),
    ).rejects.toThrow(/^SAMSYN_SECRET is not the secret this database was created with/);
  });

  it("records one fingerprint when two processes claim at once", async () => {
    await Promise.all([
      claimInstallationSecret(database().db, secretA),
      claimInstallationSecret(database().db, secretA),
    ]);
    const rows = await selectRows(database().db, sql`SELECT 1 FROM installation`);
    expect(rows).toHaveLength(1);
  });
});
