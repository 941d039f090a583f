import type { Role, Scope } from "@samsyn/domain";
import { base64url, SignJWT } from "jose";
import { devAudience, devIssuer, devSigningKey } from "../auth/config";
import { createToken } from "../auth/tokens";

/** The installation secret of every test app (at least 32 characters, as in production). */
export const testSecret = "a-test-secret-that-is-at-least-32-characters";

/** A scope for tests; `sub` defaults to `test-<role>`. */
export function testScope(role: Role, orgs: readonly string[] = [], sub = `test-${role}`): Scope {
  return { sub, role, orgs };
}

export const adminScope: Scope = testScope("admin");

/** A valid dev token for `scope`, signed like the app under test signs (testSecret). */
export function tokenFor(
  scope: Scope,
  options: { secret?: string; expiresIn?: string } = {},
): Promise<string> {
  const request = { sub: scope.sub, role: scope.role, orgs: scope.orgs };
  return createToken(
    options.secret ?? testSecret,
    options.expiresIn === undefined ? request : { ...request, expiresIn: options.expiresIn },
  );
}

/** Correctly signed, but its `exp` passed an hour ago. */
export function expiredTokenFor(scope: Scope, secret = testSecret): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: scope.role, orgs: [...scope.orgs] })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(scope.sub)
    .setIssuer(devIssuer)
    .setAudience(devAudience)
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(devSigningKey(secret));
}

/** Well-formed and unexpired, but signed with another installation's secret. */
export function tokenSignedElsewhere(scope: Scope): Promise<string> {
  return tokenFor(scope, { secret: "another-installation-secret-of-32-characters" });
}

/** `alg: none`: the claims of a valid token with no signature at all. */
export function unsignedTokenFor(scope: Scope): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "none", typ: "JWT" };
  const payload = {
    sub: scope.sub,
    role: scope.role,
    orgs: scope.orgs,
    iss: devIssuer,
    aud: devAudience,
    iat: now,
    exp: now + 3600,
  };
  return `${encodeJson(header)}.${encodeJson(payload)}.`;
}

function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}
