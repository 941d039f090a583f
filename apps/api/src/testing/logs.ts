import { createLogger, type Logger } from "../lib/logging";

export interface CapturedLogs {
  readonly logger: Logger;
  /** Every line written so far, as written. */
  text(): string;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A real logger whose JSON lines land in memory instead of stdout. */
export function captureLogs(): CapturedLogs {
  const written: string[] = [];
  const logger = createLogger({ write: (line: string) => written.push(line) });
  return {
    logger,
    text: () => written.join(""),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
