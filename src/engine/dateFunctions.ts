/**
 * SQLite's date and time functions — date, time, datetime, julianday, unixepoch, strftime — over the
 * same time values and modifiers, giving the same text and numbers (SQLite's date.c is the model:
 * times are whole milliseconds since the Julian epoch, the proleptic Gregorian calendar, UTC unless
 * 'localtime' says otherwise). A value SQLite cannot read, or an unknown modifier, gives NULL.
 *
 * NULL is `undefined` here, as in the code alasql generates. No function builds more than a few
 * dozen characters per format character; strftime's output is charged to the text budget.
 */
import { chargeText } from './budget';

const MS_PER_DAY = 86_400_000;
/** The Julian day number of 1970-01-01 00:00 UTC, in milliseconds. */
const UNIX_EPOCH_JD_MS = 210_866_760_000_000;
/** SQLite's range: 0000-01-01 00:00:00.000 … 9999-12-31 23:59:59.999. */
const MAX_JD_MS = 464_269_060_799_999;

/** A time being computed: its Julian day in ms, and what the modifiers asked of the output. */
interface Moment {
  jd: number;
  subsec: boolean;
}

interface Civil {
  Y: number;
  M: number;
  D: number;
  h: number;
  m: number;
  /** Seconds with their fraction. */
  s: number;
}

/** SQLite's computeJD: a civil date and time to whole milliseconds of the Julian day. */
function toJd({ Y, M, D, h, m, s }: Civil): number {
  let y = Y;
  let mo = M;
  if (mo <= 2) {
    y--;
    mo += 12;
  }
  const A = Math.floor((y + 4800) / 100);
  const B = 38 - A + Math.floor(A / 4);
  const X1 = Math.floor((36525 * (y + 4716)) / 100);
  const X2 = Math.floor((306001 * (mo + 1)) / 10000);
  return (
    Math.trunc((X1 + X2 + D + B - 1524.5) * MS_PER_DAY) + h * 3_600_000 + m * 60_000 + Math.round(s * 1000)
  );
}

/** SQLite's computeYMD and computeHMS: the civil date and time of a Julian day in ms. */
function toCivil(jd: number): Civil {
  const Z = Math.floor((jd + 43_200_000) / MS_PER_DAY);
  const alpha = Math.floor((Z - 1867216.25) / 36524.25);
  const A = Z + 1 + alpha - Math.floor(alpha / 4);
  const B = A + 1524;
  const C = Math.floor((B - 122.1) / 365.25);
  const D0 = Math.floor((36525 * (C & 32767)) / 100);
  const E = Math.floor((B - D0) / 30.6001);
  const X1 = Math.floor(30.6001 * E);
  const D = B - D0 - X1;
  const M = E < 14 ? E - 1 : E - 13;
  const Y = M > 2 ? C - 4716 : C - 4715;
  const dayMs = (jd + 43_200_000) % MS_PER_DAY;
  const h = Math.floor(dayMs / 3_600_000);
  const m = Math.floor((dayMs % 3_600_000) / 60_000);
  const s = (dayMs % 60_000) / 1000;
  return { Y, M, D, h, m, s };
}

const DATE_TIME =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:(?:[Tt]|\s+)(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?\s*$/;
const TIME_ONLY = /^\s*(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?\s*$/;
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Seconds and their fraction from the digits matched (SQLite reads at most milliseconds). */
function seconds(whole: string | undefined, fraction: string | undefined): number {
  return Number(whole ?? '0') + (fraction ? Number(`0.${fraction}`) : 0);
}

/** Minutes east of UTC of a `+HH:MM` suffix (0 for `Z` or none). */
function zoneMinutes(sign: string | undefined, hh: string | undefined, mm: string | undefined): number {
  if (!sign) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
}

/**
 * A time value as SQLite reads it: ISO-8601 date and time text (with `T` or a space, an optional
 * `Z` or `±HH:MM`), a time alone (on 2000-01-01), 'now', or a number (a Julian day number, or what a
 * later 'unixepoch' or 'auto' modifier says). Returns the moment and whether it was a number.
 */
function parseTime(value: unknown): { moment: Moment; numeric?: number } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isFinite(n)) return undefined;
    return { moment: { jd: Math.round(n * MS_PER_DAY), subsec: false }, numeric: n };
  }
  if (typeof value !== 'string') return undefined;
  let match = DATE_TIME.exec(value);
  if (match) {
    const [, Y, M, D, h, m, s, f, , sign, zh, zm] = match;
    const civil = {
      Y: Number(Y),
      M: Number(M),
      D: Number(D),
      h: Number(h ?? 0),
      m: Number(m ?? 0),
      s: seconds(s, f),
    };
    if (
      civil.M < 1 ||
      civil.M > 12 ||
      civil.D < 1 ||
      civil.D > 31 ||
      civil.h > 24 ||
      civil.m > 59 ||
      civil.s >= 60
    )
      return undefined;
    return { moment: { jd: toJd(civil) - zoneMinutes(sign, zh, zm) * 60_000, subsec: false } };
  }
  match = TIME_ONLY.exec(value);
  if (match) {
    const [, h, m, s, f, , sign, zh, zm] = match;
    const civil = { Y: 2000, M: 1, D: 1, h: Number(h), m: Number(m), s: seconds(s, f) };
    if (civil.h > 24 || civil.m > 59 || civil.s >= 60) return undefined;
    return { moment: { jd: toJd(civil) - zoneMinutes(sign, zh, zm) * 60_000, subsec: false } };
  }
  if (value.trim().toLowerCase() === 'now') {
    return { moment: { jd: Date.now() + UNIX_EPOCH_JD_MS, subsec: false } };
  }
  if (NUMBER.test(value)) return parseTime(Number(value));
  return undefined;
}

const UNITS: Readonly<Record<string, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: MS_PER_DAY,
};
const SHIFT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s+(second|minute|hour|day|month|year)s?\s*$/i;
const CLOCK_SHIFT = /^\s*([+-])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*$/;

/** The offset of local time from UTC at a moment, in ms (the reader's time zone). */
function localOffset(jd: number): number {
  return -new Date(jd - UNIX_EPOCH_JD_MS).getTimezoneOffset() * 60_000;
}

/**
 * Applies one modifier (SQLite's parseModifier); false when SQLite would not know it. `first` and
 * `numeric` are for 'unixepoch' and 'auto', which only follow a number directly.
 */
function applyModifier(t: Moment, raw: unknown, numeric: number | undefined, first: boolean): boolean {
  if (typeof raw !== 'string') return false;
  const mod = raw.trim().toLowerCase();
  switch (mod) {
    case 'localtime':
      t.jd += localOffset(t.jd);
      return true;
    case 'utc':
      t.jd -= localOffset(t.jd - localOffset(t.jd));
      return true;
    case 'subsec':
    case 'subsecond':
      t.subsec = true;
      return true;
    case 'julianday':
      return first && numeric !== undefined;
    case 'unixepoch':
      if (!first || numeric === undefined) return false;
      t.jd = Math.round(numeric * 1000) + UNIX_EPOCH_JD_MS;
      return true;
    case 'auto':
      if (!first || numeric === undefined) return false;
      if (numeric < 0 || numeric > 5373484.5) t.jd = Math.round(numeric * 1000) + UNIX_EPOCH_JD_MS;
      return true;
    case 'start of day':
    case 'start of month':
    case 'start of year': {
      const c = toCivil(t.jd);
      t.jd = toJd({
        Y: c.Y,
        M: mod === 'start of year' ? 1 : c.M,
        D: mod === 'start of day' ? c.D : 1,
        h: 0,
        m: 0,
        s: 0,
      });
      return true;
    }
  }
  const weekday = /^weekday\s+(\d+)$/.exec(mod);
  if (weekday) {
    const n = Number(weekday[1]);
    if (n > 6) return false;
    const current = Math.floor((t.jd + 129_600_000) / MS_PER_DAY) % 7;
    t.jd += ((n - current + 7) % 7) * MS_PER_DAY;
    return true;
  }
  const clock = CLOCK_SHIFT.exec(mod);
  if (clock) {
    const [, sign, h, m, s, f] = clock;
    const ms = Number(h) * 3_600_000 + Number(m) * 60_000 + Math.round(seconds(s, f) * 1000);
    t.jd += sign === '-' ? -ms : ms;
    return true;
  }
  const shift = SHIFT.exec(mod);
  if (!shift) return false;
  const amount = Number(shift[1]);
  const unit = (shift[2] ?? '').toLowerCase();
  if (unit === 'month' || unit === 'year') {
    const whole = Math.trunc(amount);
    const c = toCivil(t.jd);
    let months = c.M - 1 + (unit === 'month' ? whole : 0);
    const years = c.Y + (unit === 'year' ? whole : 0) + Math.floor(months / 12);
    months = ((months % 12) + 12) % 12;
    t.jd = toJd({ ...c, Y: years, M: months + 1 });
    t.jd += Math.round((amount - whole) * (unit === 'month' ? 30 : 365) * MS_PER_DAY);
    return true;
  }
  t.jd += Math.round(amount * (UNITS[unit] ?? 0));
  return true;
}

/** The moment of a time value after its modifiers, or undefined where SQLite gives NULL. */
function evaluate(value: unknown, modifiers: readonly unknown[]): Moment | undefined {
  const parsed = parseTime(value);
  if (!parsed) return undefined;
  const t = parsed.moment;
  for (const [i, mod] of modifiers.entries()) {
    if (!applyModifier(t, mod, parsed.numeric, i === 0)) return undefined;
  }
  return t.jd >= 0 && t.jd <= MAX_JD_MS ? t : undefined;
}

const pad = (n: number, width = 2): string => String(Math.trunc(n)).padStart(width, '0');
const ymd = (c: Civil): string => `${pad(c.Y, 4)}-${pad(c.M)}-${pad(c.D)}`;
const hms = (c: Civil, subsec: boolean): string =>
  `${pad(c.h)}:${pad(c.m)}:${subsec ? c.s.toFixed(3).padStart(6, '0') : pad(c.s)}`;

/** SQLite `date(time, modifier…)`: 'YYYY-MM-DD'. */
export function date(value?: unknown, ...modifiers: unknown[]): string | undefined {
  const t = evaluate(arguments.length === 0 ? 'now' : value, modifiers);
  return t && ymd(toCivil(t.jd));
}

/** SQLite `time(time, modifier…)`: 'HH:MM:SS' ('HH:MM:SS.SSS' with 'subsec'). */
export function time(value?: unknown, ...modifiers: unknown[]): string | undefined {
  const t = evaluate(arguments.length === 0 ? 'now' : value, modifiers);
  return t && hms(toCivil(t.jd), t.subsec);
}

/** SQLite `datetime(time, modifier…)`: 'YYYY-MM-DD HH:MM:SS'. */
export function datetime(value?: unknown, ...modifiers: unknown[]): string | undefined {
  const t = evaluate(arguments.length === 0 ? 'now' : value, modifiers);
  if (!t) return undefined;
  const c = toCivil(t.jd);
  return `${ymd(c)} ${hms(c, t.subsec)}`;
}

/** SQLite `julianday(time, modifier…)`: the Julian day number, a real. */
export function julianday(value?: unknown, ...modifiers: unknown[]): number | undefined {
  const t = evaluate(arguments.length === 0 ? 'now' : value, modifiers);
  return t && t.jd / MS_PER_DAY;
}

/** SQLite `unixepoch(time, modifier…)`: seconds since 1970 (a real with 'subsec'). */
export function unixepoch(value?: unknown, ...modifiers: unknown[]): number | undefined {
  const t = evaluate(arguments.length === 0 ? 'now' : value, modifiers);
  if (!t) return undefined;
  const ms = t.jd - UNIX_EPOCH_JD_MS;
  return t.subsec ? ms / 1000 : Math.floor(ms / 1000);
}

/** Days from the Julian day of a civil date to its year's 1 January. */
function dayOfYear(c: Civil): number {
  return Math.round(
    (toJd({ ...c, h: 0, m: 0, s: 0 }) - toJd({ Y: c.Y, M: 1, D: 1, h: 0, m: 0, s: 0 })) / MS_PER_DAY,
  );
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(jd: number): number {
  return Math.floor((jd + 129_600_000) / MS_PER_DAY) % 7;
}

/** The ISO-8601 week-numbering year and week of a moment. */
function isoWeek(jd: number): { year: number; week: number } {
  // The Thursday of this ISO week decides its year.
  const monday0 = (weekdayOf(jd) + 6) % 7;
  const thursday = jd - monday0 * MS_PER_DAY + 3 * MS_PER_DAY;
  const c = toCivil(thursday);
  return { year: c.Y, week: Math.floor(dayOfYear(c) / 7) + 1 };
}

/** `%.16g`, as SQLite prints %J. */
function g16(n: number): string {
  return String(Number(n.toPrecision(16)));
}

/** SQLite `strftime(format, time, modifier…)`; NULL for a format SQLite does not know. */
export function strftime(format: unknown, value?: unknown, ...modifiers: unknown[]): string | undefined {
  if (typeof format !== 'string') return undefined;
  const t = evaluate(arguments.length < 2 ? 'now' : value, modifiers);
  if (!t) return undefined;
  const c = toCivil(t.jd);
  const h12 = c.h % 12 === 0 ? 12 : c.h % 12;
  const wd = weekdayOf(t.jd);
  const doy = dayOfYear(c);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const spec = format[++i];
    switch (spec) {
      case 'd':
        out += pad(c.D);
        break;
      case 'e':
        out += String(c.D).padStart(2, ' ');
        break;
      case 'f':
        out += c.s.toFixed(3).padStart(6, '0');
        break;
      case 'F':
        out += ymd(c);
        break;
      case 'G':
        out += pad(isoWeek(t.jd).year, 4);
        break;
      case 'g':
        out += pad(isoWeek(t.jd).year % 100);
        break;
      case 'H':
        out += pad(c.h);
        break;
      case 'I':
        out += pad(h12);
        break;
      case 'j':
        out += pad(doy + 1, 3);
        break;
      case 'J':
        out += g16(t.jd / MS_PER_DAY);
        break;
      case 'k':
        out += String(c.h).padStart(2, ' ');
        break;
      case 'l':
        out += String(h12).padStart(2, ' ');
        break;
      case 'm':
        out += pad(c.M);
        break;
      case 'M':
        out += pad(c.m);
        break;
      case 'p':
        out += c.h >= 12 ? 'PM' : 'AM';
        break;
      case 'P':
        out += c.h >= 12 ? 'pm' : 'am';
        break;
      case 'R':
        out += `${pad(c.h)}:${pad(c.m)}`;
        break;
      case 's':
        out += String(Math.floor((t.jd - UNIX_EPOCH_JD_MS) / 1000));
        break;
      case 'S':
        out += pad(c.s);
        break;
      case 'T':
        out += hms(c, false);
        break;
      case 'u':
        out += String(wd === 0 ? 7 : wd);
        break;
      case 'U':
        out += pad(Math.floor((doy + 7 - wd) / 7));
        break;
      case 'V':
        out += pad(isoWeek(t.jd).week);
        break;
      case 'w':
        out += String(wd);
        break;
      case 'W':
        out += pad(Math.floor((doy + 7 - ((wd + 6) % 7)) / 7));
        break;
      case 'Y':
        out += pad(c.Y, 4);
        break;
      case '%':
        out += '%';
        break;
      default:
        return undefined;
    }
  }
  chargeText(out.length);
  return out;
}

/** The date and time functions under the names the checker allows (lower case, SQLite's). */
export const DATE_FUNCTIONS = { date, time, datetime, julianday, unixepoch, strftime } as const;
