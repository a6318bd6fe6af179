// The parts of Lua's os library a game script uses: time, clock and date.
import type { LuaValue } from "./lua-core.js";

const started = performance.now();

export const time = (): number => Math.floor(Date.now() / 1000);
export const clock = (): number => (performance.now() - started) / 1000;

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The broken-down time os.date works from: local, or UTC for a format that starts with "!". */
function brokenDown(at: Date, utc: boolean) {
  const year = utc ? at.getUTCFullYear() : at.getFullYear();
  const month = utc ? at.getUTCMonth() : at.getMonth();
  const day = utc ? at.getUTCDate() : at.getDate();
  const startOfYear = Date.UTC(year, 0, 1);
  return {
    year,
    month: month + 1,
    day,
    hour: utc ? at.getUTCHours() : at.getHours(),
    min: utc ? at.getUTCMinutes() : at.getMinutes(),
    sec: utc ? at.getUTCSeconds() : at.getSeconds(),
    wday: (utc ? at.getUTCDay() : at.getDay()) + 1, // Lua counts from Sunday = 1
    yday: Math.round((Date.UTC(year, month, day) - startOfYear) / 86_400_000) + 1,
  };
}

/** Whether local time is daylight saving time then: its offset is smaller than the year's largest. */
function inDaylightTime(at: Date): boolean {
  const year = at.getFullYear();
  const standard = Math.max(
    new Date(year, 0, 1).getTimezoneOffset(),
    new Date(year, 6, 1).getTimezoneOffset(),
  );
  return at.getTimezoneOffset() < standard;
}

const pad = (n: number, width = 2, fill = "0") => String(n).padStart(width, fill);

/** strftime's conversions in the C locale, as Lua 5.3's os.date gives them. */
const CONVERSIONS: Record<string, (t: ReturnType<typeof brokenDown>) => string> = {
  a: (t) => DAYS[t.wday - 1]!.slice(0, 3),
  A: (t) => DAYS[t.wday - 1]!,
  b: (t) => MONTHS[t.month - 1]!.slice(0, 3),
  h: (t) => MONTHS[t.month - 1]!.slice(0, 3),
  B: (t) => MONTHS[t.month - 1]!,
  c: (t) => expand("%a %b %e %H:%M:%S %Y", t),
  C: (t) => pad(Math.floor(t.year / 100)),
  d: (t) => pad(t.day),
  D: (t) => expand("%m/%d/%y", t),
  e: (t) => pad(t.day, 2, " "),
  F: (t) => expand("%Y-%m-%d", t),
  H: (t) => pad(t.hour),
  I: (t) => pad(((t.hour + 11) % 12) + 1),
  j: (t) => pad(t.yday, 3),
  m: (t) => pad(t.month),
  M: (t) => pad(t.min),
  n: () => "\n",
  p: (t) => (t.hour < 12 ? "AM" : "PM"),
  r: (t) => expand("%I:%M:%S %p", t),
  R: (t) => expand("%H:%M", t),
  S: (t) => pad(t.sec),
  t: () => "\t",
  T: (t) => expand("%H:%M:%S", t),
  u: (t) => String(((t.wday + 5) % 7) + 1), // Monday = 1 … Sunday = 7
  w: (t) => String(t.wday - 1),
  x: (t) => expand("%m/%d/%y", t),
  X: (t) => expand("%H:%M:%S", t),
  y: (t) => pad(t.year % 100),
  Y: (t) => String(t.year),
  "%": () => "%",
};

function expand(format: string, t: ReturnType<typeof brokenDown>): string {
  return format.replace(/%(.?)/g, (_whole, f: string) => {
    const conversion = CONVERSIONS[f];
    // Lua's words for a conversion it does not know (%z, %Z and the E/O modifiers are not built here).
    if (!conversion) throw new Error(`bad argument #1 to 'date' (invalid conversion specifier '%${f}')`);
    return conversion(t);
  });
}

/**
 * os.date(format = "%c", time = now): strftime's C99 conversions in the C locale, local time or UTC
 * ("!" first); "*t" (or "!*t") gives the table { year, month, day, hour, min, sec, wday, yday, isdst }.
 */
export function date(format = "%c", at?: number): LuaValue {
  if (typeof format !== "string") throw new TypeError("bad argument #1 to 'date' (string expected)");
  if (at !== undefined && (typeof at !== "number" || !Number.isFinite(at)))
    throw new TypeError("bad argument #2 to 'date' (number expected)");
  const utc = format.startsWith("!");
  const when = new Date(at === undefined ? Date.now() : at * 1000);
  const t = brokenDown(when, utc);
  const rest = utc ? format.slice(1) : format;
  if (rest.startsWith("*t")) return { ...t, isdst: !utc && inDaylightTime(when) };
  return expand(rest, t);
}
