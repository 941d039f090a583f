import * as oidc from "openid-client";
import type { DashboardSignInSettings } from "./config";
import type { PendingSignIn } from "./sessions";

/**
 * The dashboard's side of OpenID Connect, through openid-client: authorization code with PKCE
 * (S256), state and nonce, the ID token checked by the library, sign-out at the provider's
 * end-session endpoint. Nothing here signs or verifies by hand.
 */
export interface ProviderClient {
  /** Where to send the browser to sign in, and what the callback will need to finish. */
  begin(returnTo: string): Promise<{ url: URL; state: string; pending: PendingSignIn }>;
  /** Exchanges the callback's code for tokens; throws `SignInError` when that fails. */
  finish(
    callbackUrl: URL,
    state: string,
    pending: PendingSignIn,
  ): Promise<{ accessToken: string; idToken: string | undefined }>;
  /** The provider's end-session address (back to Samsyn afterwards), if it has one. */
  endSessionUrl(idToken: string | undefined): Promise<URL | undefined>;
}

/** Why a sign-in could not go on; the dashboard shows each with its own message. */
export class SignInError extends Error {
  constructor(
    readonly reason: "provider_unavailable" | "failed",
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

/** A provider that takes longer than this to answer is, for a person waiting, down. */
const providerTimeoutSeconds = 5;

export function createProviderClient(
  issuer: string,
  settings: DashboardSignInSettings,
): ProviderClient {
  const callbackUrl = publicAddress(settings.publicUrl, "/auth/callback");

  // Asked again at every sign-in rather than cached: it costs one request, a provider that is
  // down is noticed here (with Samsyn's own message) instead of on the provider's error page, and
  // changed endpoints or keys are picked up without a restart.
  async function discover(): Promise<oidc.Configuration> {
    try {
      return await oidc.discovery(
        new URL(issuer),
        settings.clientId,
        undefined,
        settings.clientSecret === undefined
          ? oidc.None()
          : oidc.ClientSecretPost(settings.clientSecret),
        {
          timeout: providerTimeoutSeconds,
          ...(isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      );
    } catch (err) {
      throw new SignInError(isUnreachable(err) ? "provider_unavailable" : "failed", { cause: err });
    }
  }

  return {
    async begin(returnTo) {
      const config = await discover();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url, state, pending: { codeVerifier, nonce, returnTo } };
    },
    async finish(currentUrl, state, pending) {
      const config = await discover();
      try {
        // The provider answered at our public address; behind a proxy the request's own URL
        // differs, and openid-client compares the two.
        const answered = new URL(callbackUrl);
        answered.search = currentUrl.search;
        const tokens = await oidc.authorizationCodeGrant(config, answered, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        return { accessToken: tokens.access_token, idToken: tokens.id_token };
      } catch (err) {
        throw new SignInError(isUnreachable(err) ? "provider_unavailable" : "failed", {
          cause: err,
        });
      }
    },
    async endSessionUrl(idToken) {
      let config: oidc.Configuration;
      try {
        config = await discover();
      } catch {
        // Signed out of Samsyn all the same; the provider's own session ends when it ends.
        return undefined;
      }
      if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: publicAddress(settings.publicUrl, "/"),
        client_id: settings.clientId,
        ...(idToken === undefined ? {} : { id_token_hint: idToken }),
      });
    },
  };
}

/** `SAMSYN_PUBLIC_URL` + path, whether or not the setting ends in a slash. */
export function publicAddress(publicUrl: URL, path: string): string {
  return `${publicUrl.origin}${publicUrl.pathname.replace(/\/+$/, "")}${path}`;
}

/**
 * openid-client refuses plain http; a provider on this machine (a test, a local Keycloak) is
 * reached without the network in between, so http is allowed there and nowhere else.
 */
function isLoopback(issuer: string): boolean {
  const { hostname } = new URL(issuer);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/**
 * No answer (refused, reset, timed out) or an answer that is not the provider's protocol (a
 * proxy's 502 page): the provider is down, not the user's sign-in wrong.
 */
function isUnreachable(err: unknown): boolean {
  if (err instanceof TypeError) return true;
  if (err instanceof DOMException) return err.name === "TimeoutError" || err.name === "AbortError";
  if (err instanceof oidc.ClientError) {
    if (err.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || err.code === "OAUTH_RESPONSE_IS_NOT_JSON") {
      return true;
    }
    return err.cause !== undefined && err.cause !== err && isUnreachable(err.cause);
  }
  return false;
}
