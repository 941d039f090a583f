import { type IsoDate, parseOccurredAt } from "@samsyn/domain";

/**
 * Days as integers (days since 1970-01-01) keep the simulation cheap; text is made only when a
 * row is written, through caches, because a million events would otherwise format a million dates.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

const isoDates = new Map<number, string>();

export function isoDateOf(day: number): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoDates.set(day, text);
  }
  return text;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Caseworkers record on workdays: a weekend day moves to the Monday after. */
export function nextWorkday(day: number): number {
  const wd = weekday(day);
  return wd === 6 ? day + 2 : wd === 0 ? day + 1 : day;
}

/** The same for an ISO date: forums meet and teams evaluate on workdays too. */
export function workdayOnOrAfter(date: IsoDate): IsoDate {
  return isoDateOf(nextWorkday(dayOf(date))) as IsoDate;
}

const months = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "mars 2025": a month as a meeting's or a session's title names it. */
export function monthName(date: IsoDate): string {
  return `${months[Number(date.slice(5, 7)) - 1] ?? ""} ${date.slice(0, 4)}`;
}

/** The first day of the five years that end on `asOfDay` (same date five years back, plus one). */
export function fiveYearsBefore(asOfDay: number): number {
  const d = new Date(asOfDay * MS_PER_DAY);
  const back = Date.UTC(d.getUTCFullYear() - 5, d.getUTCMonth(), d.getUTCDate());
  return Math.floor(back / MS_PER_DAY) + 1;
}

const offsets = new Map<number, string>();

/**
 * Europe/Stockholm's UTC offset during office hours of a day, e.g. `+02:00` in summer. Taken at
 * noon, since the DST switch happens at night and no demo timestamp is earlier than 08:00.
 */
export function stockholmOffset(day: number): string {
  let offset = offsets.get(day);
  if (offset === undefined) {
    const date = isoDateOf(day);
    const instant = parseOccurredAt(`${date}T12:00`);
    if (instant === undefined) throw new RangeError(`no Stockholm noon on ${date}`);
    const minutes = (Date.parse(`${date}T12:00:00Z`) - instant) / 60_000;
    offset = formatOffset(minutes);
    offsets.set(day, offset);
  }
  return offset;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
