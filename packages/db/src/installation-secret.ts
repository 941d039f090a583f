import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { type Locale, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { selectRows } from "./queries/rows";

/**
 * A database is tied to the SAMSYN_SECRET its case refs were hashed with (`hashCaseRef`): under
 * another secret every imported case looks new, and a re-import doubles the database. So the
 * first `migrate` records a fingerprint of the secret, and start-up and imports compare it.
 *
 * The fingerprint is scrypt with a random salt, so that a database dump (which holds it) does not
 * make a weak secret cheap to guess: each guess costs what scrypt costs.
 */
export class SecretMismatch extends Error {
  constructor(locale: Locale = "sv") {
    super(t("installation.secret_mismatch", {}, locale));
  }
}

/** scrypt's parameters, stored with each fingerprint so that later versions may raise them. */
const cost = { N: 2 ** 14, r: 8, p: 1 } as const;
const keyLength = 32;

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function secretFingerprint(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join(
    "$",
  );
}

export async function fingerprintMatches(secret: string, fingerprint: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = fingerprint.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(secret, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  secret: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keyLength, params, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Whether `secret` is the database's: "unrecorded" before the first `migrate` with a secret. */
export async function checkInstallationSecret(
  db: Db,
  secret: string,
): Promise<"match" | "mismatch" | "unrecorded"> {
  const fingerprint = await storedFingerprint(db);
  if (fingerprint === undefined) return "unrecorded";
  return (await fingerprintMatches(secret, fingerprint)) ? "match" : "mismatch";
}

/**
 * Records the fingerprint of `secret` when none is recorded, and throws `SecretMismatch` when
 * the recorded one is another secret's. Two processes starting at once record one fingerprint:
 * the second one's insert does nothing and its secret is compared with the first one's.
 */
export async function claimInstallationSecret(db: Db, secret: string): Promise<void> {
  if ((await storedFingerprint(db)) === undefined) {
    const fingerprint = await secretFingerprint(secret);
    await db.execute(
      sql`INSERT INTO installation (id, secret_fingerprint) VALUES (1, ${fingerprint})
          ON CONFLICT (id) DO NOTHING`,
    );
  }
  if ((await checkInstallationSecret(db, secret)) === "mismatch") throw new SecretMismatch();
}

async function storedFingerprint(db: Db): Promise<string | undefined> {
  const [row] = await selectRows<{ secret_fingerprint: string }>(
    db,
    sql`SELECT secret_fingerprint FROM installation WHERE id = 1`,
  );
  return row?.secret_fingerprint;
}
