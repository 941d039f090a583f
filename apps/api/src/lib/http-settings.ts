import type { Env } from "../env";

/** The HTTP guards' numbers (SPEC "HTTP API", issue 4). */
export interface HttpSettings {
  readonly bodyLimitBytes: number;
  /** The body of an upload (the interchange files of an import), streamed to disk. */
  readonly importMaxBytes: number;
  readonly rateLimitPerMinutePerToken: number;
  readonly rateLimitPerMinutePerIp: number;
  /**
   * Metric reads per minute per user, below the general limit: an attacker who averages many
   * perturbed answers needs many reads, and each one is audited (SPEC "Differencing").
   */
  readonly metricRateLimitPerMinutePerUser: number;
  /** Believe X-Forwarded-For and X-Forwarded-Proto (only behind our own reverse proxy). */
  readonly trustProxy: boolean;
}

export const defaultHttpSettings: HttpSettings = {
  bodyLimitBytes: 1_048_576,
  importMaxBytes: 536_870_912,
  rateLimitPerMinutePerToken: 600,
  // Several people behind one office NAT share an address.
  rateLimitPerMinutePerIp: 1_200,
  // A dashboard page asks for a handful of metrics: 300 a minute is a page every second.
  metricRateLimitPerMinutePerUser: 300,
  trustProxy: false,
};

export function httpSettingsFromEnv(env: Env): HttpSettings {
  return {
    bodyLimitBytes: env.SAMSYN_BODY_LIMIT_BYTES,
    importMaxBytes: env.SAMSYN_IMPORT_MAX_BYTES,
    rateLimitPerMinutePerToken: env.SAMSYN_RATE_LIMIT_PER_MINUTE,
    rateLimitPerMinutePerIp:
      env.SAMSYN_IP_RATE_LIMIT_PER_MINUTE ?? 2 * env.SAMSYN_RATE_LIMIT_PER_MINUTE,
    metricRateLimitPerMinutePerUser: Math.max(1, Math.floor(env.SAMSYN_RATE_LIMIT_PER_MINUTE / 2)),
    trustProxy: env.SAMSYN_TRUST_PROXY,
  };
}
