import { type Role, role, type Scope } from "@samsyn/domain";
import { decodeJwt, errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { claimAt, devSubject, scopeClaims, scopeFromClaims } from "./claims";
import {
  type AuthConfig,
  type DevAuthConfig,
  defaultMaxTokenLifetimeSeconds,
  devAudience,
  devIssuer,
  devSigningKey,
  type OidcAuthConfig,
  subjectPseudonym,
} from "./config";

/** A working day: long enough for a dev session, short enough that a leaked one soon dies. */
export const devTokenLifetime = "8h";

/**
 * Only asymmetric algorithms from an identity provider: with HS256 allowed, anyone holding the
 * public key could sign tokens (algorithm confusion). `none` is never accepted by jose's verify.
 */
const oidcAlgorithms = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];

/** Providers' clocks drift a little from ours; our own dev tokens share our clock. */
const oidcClockToleranceSeconds = 30;

export interface DevTokenRequest {
  readonly sub: string;
  readonly role: Role;
  readonly orgs: readonly string[];
  /** A jose time span such as "8h" or "15m". */
  readonly expiresIn?: string;
}

/**
 * Signs a dev-mode token (HS256 with the key derived from the installation secret). A lifetime
 * over the verifier's default maximum is refused here too: such a token would never be accepted.
 */
export async function createToken(secret: string, request: DevTokenRequest): Promise<string> {
  const claims = scopeClaims.parse({
    sub: devSubject.parse(request.sub),
    role: request.role,
    orgs: [...request.orgs],
  });
  const token = await new SignJWT({ role: claims.role, orgs: claims.orgs })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(devIssuer)
    .setAudience(devAudience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? devTokenLifetime)
    .sign(devSigningKey(secret));
  if (!withinMaxLifetime(decodeJwt(token), defaultMaxTokenLifetimeSeconds)) {
    throw new RangeError(`a token may be valid for at most ${defaultMaxTokenLifetimeSeconds} s`);
  }
  return token;
}

/** The identity provider could not be asked (its key set timed out or is unreachable). */
export class AuthUnavailableError extends Error {}

/**
 * The scope a valid token yields, or undefined for any token that is not: expired, wrongly
 * signed, unsigned, for another issuer or audience, malformed, or with missing or bad claims.
 * Which check failed is deliberately not returned.
 */
export async function verifyToken(config: AuthConfig, token: string): Promise<Scope | undefined> {
  const payload = await verifiedPayload(config, token);
  return payload === undefined ? undefined : scopeOf(config, payload);
}

/** Why an access token from the dashboard's sign-in gives no session: each has its own message. */
export type SignInRefusal = "invalid" | "no_role" | "no_organisation";

export type SignInVerdict =
  | { readonly ok: true; readonly scope: Scope }
  | { readonly ok: false; readonly refusal: SignInRefusal };

/**
 * The access token the provider handed the dashboard's sign-in, checked exactly as a bearer token
 * is. Unlike a bearer call, the user is told what is wrong with a valid token's claims: they have
 * just signed in at their own provider, and "no role" is what their administrator must fix.
 */
export async function verifySignIn(config: OidcAuthConfig, token: string): Promise<SignInVerdict> {
  const payload = await verifiedPayload(config, token);
  if (payload === undefined) return { ok: false, refusal: "invalid" };
  const scope = scopeOf(config, payload);
  if (scope !== undefined) return { ok: true, scope };
  if (!role.safeParse(claimAt(payload, config.roleClaim)).success) {
    return { ok: false, refusal: "no_role" };
  }
  const orgs = claimAt(payload, config.orgsClaim);
  const noOrgs = orgs === undefined || (Array.isArray(orgs) && orgs.length === 0);
  return { ok: false, refusal: noOrgs ? "no_organisation" : "invalid" };
}

/** The payload of a valid token within its maximum lifetime; undefined for any other token. */
async function verifiedPayload(config: AuthConfig, token: string): Promise<JWTPayload | undefined> {
  try {
    const payload =
      config.mode === "dev" ? await verifyDev(config, token) : await verifyOidc(config, token);
    const maxLifetime = config.maxTokenLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds;
    return withinMaxLifetime(payload, maxLifetime) ? payload : undefined;
  } catch (err) {
    if (isUnreachableKeySet(config, err)) {
      throw new AuthUnavailableError("the identity provider's key set is unavailable", {
        cause: err,
      });
    }
    if (err instanceof errors.JOSEError) return undefined;
    throw err;
  }
}

function scopeOf(config: AuthConfig, payload: JWTPayload): Scope | undefined {
  const roleClaim = config.mode === "dev" ? "role" : config.roleClaim;
  const orgsClaim = config.mode === "dev" ? "orgs" : config.orgsClaim;
  return scopeFromClaims({
    sub: subjectOf(config, payload.sub),
    role: claimAt(payload, roleClaim),
    orgs: claimAt(payload, orgsClaim),
  });
}

/**
 * The subject as Samsyn keeps it (it becomes the audit actor and the log's `sub`). An OIDC
 * subject that is a personnummer becomes its keyed pseudonym: the provider decides, and the
 * person must still be able to sign in. A dev subject is held to what dev tokens are minted with
 * (`devSubject`): a token signed some other way with the secret and an identifier as subject is
 * refused like any other bad claim.
 */
function subjectOf(config: AuthConfig, sub: unknown): unknown {
  if (config.mode === "oidc") {
    return typeof sub === "string" ? subjectPseudonym(config.subjectKey, sub) : sub;
  }
  return devSubject.safeParse(sub).success ? sub : undefined;
}

/**
 * A token is valid for `exp − iat` at most; without `iat`, or with one in the future, from now:
 * a token cannot lengthen its life by saying it was issued later than it is used.
 */
function withinMaxLifetime(payload: JWTPayload, maxSeconds: number): boolean {
  const now = Math.floor(Date.now() / 1000);
  const issued = typeof payload.iat === "number" ? Math.min(payload.iat, now) : now;
  return typeof payload.exp === "number" && payload.exp - issued <= maxSeconds;
}

/** A timeout or a failed fetch of the remote key set: the provider's fault, not the token's. */
function isUnreachableKeySet(config: AuthConfig, err: unknown): boolean {
  if (config.mode !== "oidc") return false;
  return err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError);
}

async function verifyDev(config: DevAuthConfig, token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, config.key, {
    algorithms: ["HS256"],
    issuer: devIssuer,
    audience: devAudience,
    requiredClaims: ["sub", "exp"],
  });
  return payload;
}

async function verifyOidc(config: OidcAuthConfig, token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, config.keys, {
    algorithms: oidcAlgorithms,
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ["sub", "exp"],
    clockTolerance: oidcClockToleranceSeconds,
  });
  return payload;
}
