/**
 * Period cells as files write them, into the contract's periods (src/contract/period.ts: `2024`, `2024-Q1`,
 * `2024-03`) (issue 15): `2024`; `2024-03`, `2024/3`, `03/2024`, `3-2024`, `mars 2024`, `Mar 2024`;
 * `2024-Q1`, `2024 Q1`, `Q1 2024`, `T1 2024`, `2024-T1` (trimestre); full dates (`2024-03-15`, `15/03/2024`,
 * `15.03.2024`, with a time or not) → their month; Excel serial dates (a number from 1955 to 2119 as a date) →
 * their month. Anything else is `null` (the row is rejected with `bad-period`). Pure.
 */
import { formatPeriod, type ParsedPeriod } from '../contract/period.ts';

const MONTHS: Record<string, number> = {
  jan: 1, janv: 1, janvier: 1, january: 1,
  fev: 2, fevr: 2, fevrier: 2, feb: 2, february: 2,
  mar: 3, mars: 3, march: 3,
  avr: 4, avril: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juil: 7, juillet: 7, jul: 7, july: 7,
  aou: 8, aout: 8, aug: 8, august: 8,
  sep: 9, sept: 9, septembre: 9, september: 9,
  oct: 10, octobre: 10, october: 10,
  nov: 11, novembre: 11, november: 11,
  dec: 12, decembre: 12, december: 12,
}; // prettier-ignore

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel serials read as dates: 20000 (1954-10-03) to 80000 (2119-01-10); below, an integer is no date. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

function year(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function month(y: number, m: number): ParsedPeriod | null {
  return year(y) && m >= 1 && m <= 12 ? { kind: 'month', year: y, month: m } : null;
}

function quarter(y: number, q: number): ParsedPeriod | null {
  return year(y) && q >= 1 && q <= 4 ? { kind: 'quarter', year: y, quarter: q } : null;
}

/** The month of an Excel serial date (days since 1899-12-30, Lotus's 1900 leap-year bug included). */
export function serialToMonth(serial: number): ParsedPeriod | null {
  if (!(serial >= SERIAL_MIN && serial < SERIAL_MAX)) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return month(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** A period cell read, or `null`. */
export function readPeriod(cell: string | number): ParsedPeriod | null {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && year(cell)) return { kind: 'year', year: cell };
    return serialToMonth(cell);
  }
  const s = cell
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // Mouchir's own "CSV pour Excel" writes months with a non-breaking hyphen (2024‑03, U+2011) so Excel keeps them
    // as text (src/export/csv.ts); the hyphen (U+2010) too: both read back as the ASCII hyphen-minus.
    .replace(/[\u2010\u2011]/g, '-');
  if (s === '') return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:\.0+)?$/.exec(s))) return year(+m[1]!) ? { kind: 'year', year: +m[1]! } : null;
  // Years, quarters: 2024-Q1, 2024 T1, 2024Q1, Q1 2024, T1-2024, 1T2024.
  if ((m = /^(\d{4})\s*[-/ ]?\s*[qt]([1-4])$/.exec(s))) return quarter(+m[1]!, +m[2]!);
  if ((m = /^[qt]([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(s))) return quarter(+m[2]!, +m[1]!);
  if ((m = /^([1-4])\s*[qt]\s*[-/ ]?\s*(\d{4})$/.exec(s))) return quarter(+m[2]!, +m[1]!);
  // Months: 2024-03, 2024/3, 2024.03; 03/2024, 3-2024.
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) return month(+m[1]!, +m[2]!);
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(s))) return month(+m[2]!, +m[1]!);
  // Month names: "mars 2024", "Mar-2024", "2024 mars".
  if ((m = /^([a-z]+)\.?[\s-]*(\d{4})$/.exec(s)) && MONTHS[m[1]!]) return month(+m[2]!, MONTHS[m[1]!]!);
  if ((m = /^(\d{4})[\s-]*([a-z]+)\.?$/.exec(s)) && MONTHS[m[2]!]) return month(+m[1]!, MONTHS[m[2]!]!);
  // Full dates, optional time: 2024-03-15, 2024/03/15; 15/03/2024, 15-03-2024, 15.03.2024 (day first).
  const date = s.replace(/[t\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?$/, '');
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date))) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(date))) return day(+m[3]!, +m[2]!, +m[1]!);
  // An Excel serial written as text (a CSV exported from a sheet with date cells formatted as numbers).
  if ((m = /^(\d{5})(\.\d+)?$/.exec(s))) return serialToMonth(Number(s));
  return null;
}

function day(y: number, mo: number, d: number): ParsedPeriod | null {
  return d >= 1 && d <= 31 ? month(y, mo) : null;
}

/** The contract period string of a cell, or `null`. */
export function toPeriod(cell: string | number): string | null {
  const p = readPeriod(cell);
  return p ? formatPeriod(p) : null;
}
