import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { z } from "zod";

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  // A real day: "2025-02-30" is no date, though Date.parse reads it as 2 March.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * A page's period choice in the URL (`periodFrom`, `periodTo`: dates), bookmarkable, the back
 * button undoing a change. A malformed date is dropped and the page's default applies. Not the
 * shared filters' `from`/`to`, which are months.
 */
const date = z.string().refine(isDate).optional().catch(undefined);
const periodSearchSchema = z.object({ periodFrom: date, periodTo: date });
export type PeriodSearch = z.output<typeof periodSearchSchema>;

export function validatePeriodSearch(raw: Record<string, unknown>): PeriodSearch {
  return periodSearchSchema.parse(raw);
}

export const periodParams = ["periodFrom", "periodTo"] as const;

/**
 * The same choice in whole months (`YYYY-MM`), for a metric: the API asks every role but
 * samordnare for whole months, since a window shifted by a day could isolate one case.
 */
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);
const monthPeriodSearchSchema = z.object({ periodFrom: month, periodTo: month });

export function validateMonthPeriodSearch(raw: Record<string, unknown>): PeriodSearch {
  return monthPeriodSearchSchema.parse(raw);
}

/**
 * The figures pages' filters (months, kommun…) mean nothing on these pages and the menu carries
 * them here: they are dropped from the URL, without a history entry, keeping the page's own and
 * the hash (a signal's link to an action's row).
 */
export function useOwnSearch(own: readonly string[]): void {
  const search: Record<string, unknown> = useSearch({ strict: false });
  const navigate = useNavigate();
  const foreign = Object.entries(search).some(([k, v]) => v !== undefined && !own.includes(k));
  useEffect(() => {
    if (!foreign) return;
    const kept = Object.fromEntries(Object.entries(search).filter(([k]) => own.includes(k)));
    void navigate({ to: ".", search: kept, hash: true, replace: true, resetScroll: false });
  }, [foreign, search, own, navigate]);
}
