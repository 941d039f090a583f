import {
  type ImportErrorCode,
  type InterchangeFile,
  interchangeFileNames,
  interchangeFiles,
  type Locale,
  t,
} from "@samsyn/domain";

/**
 * One rejected row, column or file. `reason` is text from the message catalogue (Swedish unless
 * the import asked for English) and, like every other field here, never holds the rejected value
 * (it may be a personnummer).
 */
export interface ImportError {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); null for a missing file. */
  readonly line: number | null;
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly reason: string;
}

/** SPEC: report at most the first 100 errors, plus how many there were. */
export const maxReportedErrors = 100;

export interface ErrorInput {
  readonly file: InterchangeFile;
  readonly line: number | null;
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export class ImportErrors {
  #kept: ImportError[] = [];
  #count = 0;

  readonly #locale: Locale;

  /** `locale`: the language of the reasons (Swedish unless the caller reads English). */
  constructor(locale: Locale = "sv") {
    this.#locale = locale;
  }

  get count(): number {
    return this.#count;
  }

  get isFull(): boolean {
    return this.#kept.length >= maxReportedErrors;
  }

  add(error: ErrorInput): void {
    this.#count++;
    if (this.isFull) return;
    this.#kept.push({
      file: interchangeFileNames[error.file],
      line: error.line,
      column: error.column,
      code: error.code,
      reason: t(`import.error.${error.code}`, { ...error.params }, this.#locale),
    });
  }

  /** Adds `total` errors of which only `sample` (the first few) are known in detail. */
  addCounted(total: number, sample: readonly ErrorInput[]): void {
    for (const error of sample) this.add(error);
    this.#count += total - sample.length;
  }

  /** The kept errors in file order (units, cases, events), then by line. */
  list(): ImportError[] {
    const fileOrder = (name: string) =>
      interchangeFiles.findIndex((f) => interchangeFileNames[f] === name);
    return [...this.#kept].sort(
      (a, b) => fileOrder(a.file) - fileOrder(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
  }
}
