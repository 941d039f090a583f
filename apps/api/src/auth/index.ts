export { claimAt, devSubject, needsOrganisations, scopeClaims, scopeFromClaims } from "./claims";
export {
  type AuthConfig,
  AuthConfigError,
  type AuthSettings,
  assertDevModeAllowed,
  createAuthConfig,
  type DevAuthConfig,
  devAudience,
  devAuthConfig,
  devIssuer,
  devSigningKey,
  type OidcAuthConfig,
} from "./config";
export { authenticate } from "./middleware";
export { csrfHeader } from "./sessions";
export { type DashboardSignIn, dashboardSignIn, signInRoutes } from "./sign-in-routes";
export { type CommandResult, runTokenCommand } from "./token-command";
export {
  AuthUnavailableError,
  createToken,
  type DevTokenRequest,
  devTokenLifetime,
  verifyToken,
} from "./tokens";
