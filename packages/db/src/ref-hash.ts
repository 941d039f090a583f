import { createHmac } from "node:crypto";

/**
 * The stored form of a case ref: HMAC-SHA-256 with the installation secret (SPEC "Privacy").
 * Keyed, so that a leaked database cannot be matched against a list of guessed refs.
 */
export function hashCaseRef(secret: string, ref: string): Buffer {
  if (secret === "") throw new Error("the installation secret (SAMSYN_SECRET) is empty");
  return createHmac("sha256", secret).update(ref, "utf8").digest();
}

/**
 * The hash as bytea input text (`\x…`) for COPY. Events of one case usually follow each other,
 * so the last ref and its hash are remembered.
 */
export function caseRefHasher(secret: string): (ref: string) => string {
  let lastRef: string | undefined;
  let lastHash = "";
  return (ref) => {
    if (ref !== lastRef) {
      lastHash = `\\x${hashCaseRef(secret, ref).toString("hex")}`;
      lastRef = ref;
    }
    return lastHash;
  };
}
