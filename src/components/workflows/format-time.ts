const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const ABSOLUTE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/**
 * A time as people say it relative to `now`: "just now", "5 minutes ago", "yesterday".
 *
 * @example formatRelative(new Date(Date.now() - 120_000)) // "2 minutes ago"
 */
export function formatRelative(time: Date, now: Date = new Date()): string {
  let amount = (time.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return RELATIVE.format(Math.round(amount), unit);
    amount /= size;
  }
  return ABSOLUTE.format(time);
}

/** A time in full, for tooltips and tables: "Jan 5, 2026, 3:04 PM". */
export function formatAbsolute(time: Date): string {
  return ABSOLUTE.format(time);
}
