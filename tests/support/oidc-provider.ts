import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1 for the sign-in tests: one
 * confidential client for Samsyn and accounts whose role and organisation claims the test picks.
 * Its development login form takes any account name and password; the account's claims decide
 * what Samsyn sees. Access tokens are RS256 JWTs for `audience`, as the region's provider issues
 * them for an API, carrying `role` and `orgs`.
 */
export interface TestAccount {
  readonly role?: string;
  readonly orgs?: readonly string[];
}

export interface RunningProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /**
   * Registers Samsyn's callback and post-logout addresses: Samsyn needs the issuer to start,
   * and the provider needs Samsyn's address, so the provider listens first and learns it here.
   */
  registerSamsyn(samsynUrl: string): void;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: {
  readonly accounts: Readonly<Record<string, TestAccount>>;
  /** Seconds an access token lives; default 300. */
  readonly accessTokenSeconds?: number;
}): Promise<RunningProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const audience = "https://samsyn.test/api";
  const clientId = "samsyn-dashboard";
  const clientSecret = "a-test-client-secret-that-is-long-enough";
  const claimsOf = (id: string) => {
    const account = options.accounts[id];
    return account === undefined ? {} : { role: account.role, orgs: account.orgs };
  };

  const configuration = (samsynUrl: string): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${samsynUrl}/auth/callback`],
        post_logout_redirect_uris: [`${samsynUrl}/`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    findAccount: (_ctx, id) =>
      options.accounts[id] === undefined
        ? undefined
        : { accountId: id, claims: () => ({ sub: id }) },
    // A first-party client: the test's user is not asked to consent.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (client === undefined || session?.accountId === undefined) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing !== undefined) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope("openid");
      grant.addResourceScope(audience, "samsyn");
      await grant.save();
      return grant;
    },
    extraTokenClaims: (_ctx, token) =>
      token.kind === "AccessToken" && token.accountId !== undefined
        ? claimsOf(token.accountId)
        : undefined,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: "samsyn",
          audience,
          accessTokenFormat: "jwt",
          accessTokenTTL: options.accessTokenSeconds ?? 300,
          jwt: { sign: { alg: "RS256" } },
        }),
      },
    },
  });

  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (handle === undefined) {
      res.writeHead(503).end();
      return;
    }
    handle(req, res);
  });
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience,
    clientId,
    clientSecret,
    registerSamsyn(samsynUrl) {
      const provider = new Provider(issuer, configuration(samsynUrl));
      provider.on("server_error", (_ctx, err) => console.error("oidc-provider:", err));
      handle = provider.callback();
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
