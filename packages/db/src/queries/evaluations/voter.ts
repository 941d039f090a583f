import { createHmac } from "node:crypto";

/**
 * A participant's voter key in one session: HMAC-SHA-256 under the installation secret of the
 * session and the subject. It limits votes per participant without storing who they are, and a
 * leaked database cannot be matched against guessed subjects without the secret; the session in
 * the input keeps one person's votes in two sessions from being linked.
 */
export function voterKey(secret: string, evaluationId: string, subject: string): string {
  if (secret === "") throw new Error("the installation secret (SAMSYN_SECRET) is empty");
  return createHmac("sha256", secret)
    .update(`evaluation-voter:${evaluationId}:${subject}`, "utf8")
    .digest("hex");
}
