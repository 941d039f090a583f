import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWTPayload,
  type JWTVerifyGetKey,
  SignJWT,
} from "jose";

export interface TestIdentityProvider {
  readonly issuer: string;
  readonly audience: string;
  /** Stands in for the remote JWKS: the provider's public key, no network. */
  readonly keys: JWTVerifyGetKey;
  /** A token signed by this provider; `claims` are merged over sub, iss, aud, iat and exp. */
  sign(claims: JWTPayload, options?: { alg?: string; expiresIn?: string }): Promise<string>;
}

/** An OIDC provider in memory: an ES256 key pair and its one-key JWKS. */
export async function createTestIdentityProvider(
  issuer = "https://idp.test.example",
  audience = "samsyn-api",
): Promise<TestIdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const kid = "test-key-1";
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  return {
    issuer,
    audience,
    keys: createLocalJWKSet({ keys: [jwk] }),
    sign: (claims, options = {}) =>
      new SignJWT({ sub: "oidc-user", ...claims })
        .setProtectedHeader({ alg: options.alg ?? "ES256", kid, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? "10m")
        .sign(privateKey),
  };
}
