import { createHmac } from "node:crypto";
import { containsIdentifier, t } from "@samsyn/domain";
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { Env } from "../env";

export const devIssuer = "samsyn-dev";
export const devAudience = "samsyn";

/** How tokens are checked: signed by us with the installation secret, or by an OIDC provider. */
export type AuthConfig = DevAuthConfig | OidcAuthConfig;

/**
 * The longest a token may be valid for, counted from when it was issued: a leaked token dies
 * within a working day or so, whatever `exp` its issuer wrote (a token until 2100 is refused).
 * `samsyn token` issues 8 h; identity providers' access tokens live minutes to an hour.
 */
export const defaultMaxTokenLifetimeSeconds = 12 * 3600;

export interface DevAuthConfig {
  readonly mode: "dev";
  readonly key: Uint8Array;
  /** Default `defaultMaxTokenLifetimeSeconds`. */
  readonly maxTokenLifetimeSeconds?: number;
}

export interface OidcAuthConfig {
  readonly mode: "oidc";
  /** Default `defaultMaxTokenLifetimeSeconds`. */
  readonly maxTokenLifetimeSeconds?: number;
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  /** Claim names or dotted paths (`samsyn.role`) that carry the role and the organisations. */
  readonly roleClaim: string;
  readonly orgsClaim: string;
  /** Keys the pseudonym of a subject that is a personnummer (`subjectPseudonym`). */
  readonly subjectKey: Uint8Array;
  /** The dashboard's own sign-in; without it the API takes bearer tokens only. */
  readonly signIn?: DashboardSignInSettings;
}

/** How the dashboard signs users in at the provider (authorization code + PKCE). */
export interface DashboardSignInSettings {
  readonly clientId: string;
  /** Unset for a public client, which proves itself by PKCE alone. */
  readonly clientSecret?: string;
  /** Where users reach Samsyn; the callback is `/auth/callback` under it. */
  readonly publicUrl: URL;
  readonly scopes: string;
}

export type AuthSettings = Pick<
  Env,
  | "NODE_ENV"
  | "AUTH_MODE"
  | "OIDC_ISSUER"
  | "OIDC_AUDIENCE"
  | "OIDC_JWKS_URL"
  | "OIDC_ROLE_CLAIM"
  | "OIDC_ORGS_CLAIM"
  | "OIDC_CLIENT_ID"
  | "OIDC_CLIENT_SECRET"
  | "OIDC_SCOPES"
  | "SAMSYN_PUBLIC_URL"
>;

/** A configuration mistake: the CLI prints the (Swedish) message and exits non-zero. */
export class AuthConfigError extends Error {}

/**
 * Builds the sign-in configuration from the environment. Dev mode lets anyone with the secret
 * mint an admin token, so it refuses to run in production. `keys` replaces the remote JWKS (tests
 * sign with a local key pair and never touch the network).
 */
export function createAuthConfig(
  settings: AuthSettings,
  secret: string,
  options: { keys?: JWTVerifyGetKey } = {},
): AuthConfig {
  if (settings.AUTH_MODE === "dev") {
    assertDevModeAllowed(settings);
    return devAuthConfig(secret);
  }
  const { OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience, OIDC_JWKS_URL: jwksUrl } = settings;
  if (issuer === undefined || audience === undefined || jwksUrl === undefined) {
    const missing = [
      issuer === undefined && "OIDC_ISSUER",
      audience === undefined && "OIDC_AUDIENCE",
      jwksUrl === undefined && "OIDC_JWKS_URL",
    ].filter((name) => name !== false);
    throw new AuthConfigError(t("auth.oidc_settings_missing", { names: missing.join(", ") }));
  }
  const signIn = dashboardSignIn(settings);
  return {
    mode: "oidc",
    issuer,
    audience,
    keys: options.keys ?? createRemoteJWKSet(new URL(jwksUrl)),
    roleClaim: settings.OIDC_ROLE_CLAIM,
    orgsClaim: settings.OIDC_ORGS_CLAIM,
    subjectKey: subjectKey(secret),
    ...(signIn === undefined ? {} : { signIn }),
  };
}

/**
 * The dashboard signs in only with a client id; a client id without the public address cannot
 * name its callback, which is a mistake to stop at start rather than at the first sign-in.
 */
function dashboardSignIn(settings: AuthSettings): DashboardSignInSettings | undefined {
  const { OIDC_CLIENT_ID: clientId, SAMSYN_PUBLIC_URL: publicUrl } = settings;
  if (clientId === undefined) return undefined;
  if (publicUrl === undefined) {
    throw new AuthConfigError(t("auth.oidc_settings_missing", { names: "SAMSYN_PUBLIC_URL" }));
  }
  return {
    clientId,
    ...(settings.OIDC_CLIENT_SECRET === undefined
      ? {}
      : { clientSecret: settings.OIDC_CLIENT_SECRET }),
    publicUrl: new URL(publicUrl),
    scopes: settings.OIDC_SCOPES,
  };
}

/** Dev mode lets anyone holding the secret sign in as admin: never in production. */
export function assertDevModeAllowed(settings: Pick<Env, "NODE_ENV">): void {
  if (settings.NODE_ENV === "production") throw new AuthConfigError(t("auth.dev_in_production"));
}

/** Dev mode without the production check: for tests and for apps built without the CLI. */
export function devAuthConfig(secret: string): DevAuthConfig {
  return { mode: "dev", key: devSigningKey(secret) };
}

/**
 * The dev token key is derived from the installation secret rather than being the secret itself:
 * the secret also keys the hash of case refs, and one key should serve one purpose.
 */
export function devSigningKey(secret: string): Uint8Array {
  return new Uint8Array(createHmac("sha256", secret).update("samsyn:dev-jwt").digest());
}

/** The key of subject pseudonyms, derived from the installation secret for this one purpose. */
export function subjectKey(secret: string): Uint8Array {
  return new Uint8Array(createHmac("sha256", secret).update("samsyn:subject").digest());
}

/**
 * Some identity providers (Swedish e-legitimation behind an IdP) use the personnummer as `sub`.
 * SPEC stores no direct identifiers, and the subject is written to the audit log as the actor,
 * so such a subject is replaced by a keyed hash before anything sees it: stable for the same
 * person (audit, rate limits and import jobs still tell users apart), not reversible without the
 * secret. Other subjects are kept as the provider sent them.
 */
export function subjectPseudonym(key: Uint8Array, sub: string): string {
  if (!containsIdentifier(sub)) return sub;
  return `pseudonym:${createHmac("sha256", key).update(sub).digest("base64url").slice(0, 22)}`;
}
