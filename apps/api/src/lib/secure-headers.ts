import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { isHttps } from "./client";
import type { AppEnv } from "./router";

/**
 * The built dashboard loads one script and one stylesheet from /assets and talks only to its own
 * origin, so everything is 'self' and nothing inline. React sets styles through the DOM, which
 * CSP allows.
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const hsts = "max-age=31536000; includeSubDomains";

/**
 * Security headers on every response. HSTS only when the request came over TLS: sent over plain
 * http on localhost it would make the browser refuse http://localhost for a year.
 */
export function securityHeaders(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  const base = secureHeaders({
    contentSecurityPolicy,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await base(c, async () => {
      await next();
      if (isHttps(c, trustProxy)) c.header("Strict-Transport-Security", hsts);
      // Answers hold data under sekretess: no shared or browser cache keeps a copy.
      if (c.req.path.startsWith("/api/")) c.header("Cache-Control", "no-store");
    });
  };
}
