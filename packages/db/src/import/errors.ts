import {
  containsIdentifier,
  echoable,
  type ImportErrorCode,
  type ImportNoticeCode,
  type InterchangeFile,
  interchangeFileNames,
  interchangeFiles,
  type Locale,
  t,
} from "@samsyn/domain";

/**
 * One rejected row, column or file. `reason` is text from the message catalogue (Swedish unless
 * the import asked for English): the rule, the rejected `value` when there is one, and the codes
 * the column takes when it takes one of a list. `value` is the column's text as `echoable` repeats
 * it (cut at 64 characters), and absent when empty or when screening finds a personnummer or
 * samordningsnummer in it: such a value is never repeated, here or in `reason`.
 */
export interface ImportError {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); null for a missing file. */
  readonly line: number | null;
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly reason: string;
  readonly value?: string;
}

/**
 * The errors that share file, column, code and value (and so their reason), with every line they
 * were found on, in order. `lines` is complete unless the report lists more than
 * `maxListedLines` lines in all; then `count` is still right and `lines` holds the first ones.
 */
export interface ImportErrorGroup {
  readonly file: string;
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly reason: string;
  readonly value?: string;
  readonly count: number;
  readonly lines: readonly (number | null)[];
}

/** What the import read differently from SPEC's format, and how (a spreadsheet's CSV). */
export interface ImportNotice {
  readonly file: string;
  readonly code: ImportNoticeCode;
  /** Text from the message catalogue, in the import's language. */
  readonly message: string;
}

/** SPEC: report at most the first 100 errors, plus how many there were. */
export const maxReportedErrors = 100;
/**
 * Distinct groups kept; further errors with a new value join a group without the value, so
 * that a file with a million different bad dates cannot fill the memory with groups.
 */
export const maxErrorGroups = 10_000;
/** Line numbers kept across all groups (the full report a user can download). */
export const maxListedLines = 1_000_000;
/** A list of valid codes longer than this is given by a few examples and its size. */
export const maxListedCodes = 12;

export interface ErrorInput {
  readonly file: InterchangeFile;
  readonly line: number | null;
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The rejected text; screened here before it is kept (see `ImportError`). */
  readonly value?: string | null | undefined;
  /** The codes or values the column takes. */
  readonly allowed?: readonly string[] | undefined;
  /** For a step outside its case's process: the process, whose steps `allowed` are. */
  readonly process?: string | null;
}

interface Group {
  readonly file: string;
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly reason: string;
  readonly value: string | undefined;
  count: number;
  readonly lines: (number | null)[];
}

/** The report's errors, and the notices of what was tolerated. */
export class ImportErrors {
  readonly #groups = new Map<string, Group>();
  readonly #notices: ImportNotice[] = [];
  #count = 0;
  #listed = 0;

  readonly #locale: Locale;

  /** `locale`: the language of the reasons (Swedish unless the caller reads English). */
  constructor(locale: Locale = "sv") {
    this.#locale = locale;
  }

  get count(): number {
    return this.#count;
  }

  notice(file: InterchangeFile, code: ImportNoticeCode): void {
    const message = t(`import.notice.${code}`, {}, this.#locale);
    this.#notices.push({ file: interchangeFileNames[file], code, message });
  }

  /** In the order the files were read (units, cases, events). */
  notices(): ImportNotice[] {
    return [...this.#notices];
  }

  add(error: ErrorInput): void {
    this.addLines(error, [error.line]);
  }

  /** Adds one error per line of `lines`, all alike but for their line. */
  addLines(error: ErrorInput, lines: readonly (number | null)[]): void {
    if (lines.length === 0) return;
    this.#count += lines.length;
    const group = this.#groupOf(error);
    group.count += lines.length;
    const room = Math.max(0, Math.min(lines.length, maxListedLines - this.#listed));
    for (let i = 0; i < room; i++) group.lines.push(lines[i] ?? null);
    this.#listed += room;
  }

  #groupOf(error: ErrorInput): Group {
    const file = interchangeFileNames[error.file];
    const shown = shownValue(error);
    const key = JSON.stringify([file, error.column, error.code, shown]);
    const found = this.#groups.get(key);
    if (found !== undefined) return found;
    if (shown !== undefined && this.#groups.size >= maxErrorGroups) {
      return this.#groupOf({ ...error, value: null });
    }
    const group: Group = {
      file,
      column: error.column,
      code: error.code,
      reason: this.#reason(error, shown),
      value: shown,
      count: 0,
      lines: [],
    };
    this.#groups.set(key, group);
    return group;
  }

  #reason(error: ErrorInput, value: string | undefined): string {
    const locale = this.#locale;
    const parts = [t(`import.error.${error.code}`, { ...error.params }, locale)];
    if (value !== undefined) parts.push(t("import.error_value", { value }, locale));
    const allowed = error.allowed ?? [];
    if (error.process !== undefined && error.process !== null && allowed.length > 0) {
      parts.push(
        t("import.valid_steps", { process: error.process, steps: allowed.join(", ") }, locale),
      );
    } else if (allowed.length > 0) {
      parts.push(validCodes(allowed, locale));
    }
    return parts.join(" ");
  }

  /** The groups in file order (units, cases, events), then by their first line. */
  groups(): ImportErrorGroup[] {
    return [...this.#groups.values()]
      .map((g) => ({
        file: g.file,
        column: g.column,
        code: g.code,
        reason: g.reason,
        ...(g.value === undefined ? {} : { value: g.value }),
        count: g.count,
        lines: sortedLines(g.lines),
      }))
      .sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || firstLine(a) - firstLine(b));
  }

  /** The first `maxReportedErrors` errors in file order (units, cases, events), then by line. */
  list(): ImportError[] {
    const all: ImportError[] = [];
    for (const g of this.#groups.values()) {
      for (const line of g.lines) {
        all.push({
          file: g.file,
          line,
          column: g.column,
          code: g.code,
          reason: g.reason,
          ...(g.value === undefined ? {} : { value: g.value }),
        });
      }
    }
    return all
      .sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || (a.line ?? 0) - (b.line ?? 0))
      .slice(0, maxReportedErrors);
  }
}

/** The value as the report may repeat it: never an identifier, never empty, at most 64 characters. */
function shownValue(error: ErrorInput): string | undefined {
  const value = error.value;
  if (value === undefined || value === null || value === "" || error.code === "identifier") {
    return undefined;
  }
  return containsIdentifier(value) ? undefined : echoable(value);
}

/** All the valid codes when they are few, else a few of them and where to find the rest. */
export function validCodes(allowed: readonly string[], locale: Locale): string {
  if (allowed.length <= maxListedCodes)
    return t("import.valid_codes", { codes: allowed.join(", ") }, locale);
  const codes = allowed.slice(0, 5).join(", ");
  return t("import.valid_codes_some", { codes, count: allowed.length }, locale);
}

function fileOrder(name: string): number {
  return interchangeFiles.findIndex((f) => interchangeFileNames[f] === name);
}

function firstLine(group: ImportErrorGroup): number {
  return group.lines[0] ?? 0;
}

function sortedLines(lines: readonly (number | null)[]): (number | null)[] {
  return [...lines].sort((a, b) => (a ?? 0) - (b ?? 0));
}
