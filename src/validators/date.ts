// Dates of birth: a real calendar date a living person could have been born on.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const OLDEST_YEARS = 120;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})\.? ([A-Za-z]{3})[a-z]*\.?,? (\d{4})$/;
const MONTH_FIRST = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/;

const monthOf = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;

/**
 * ISO `1984-03-12`, US `03/12/1984`, European `12.03.1984` / `12/03/1984`, `12 Mar 1984`, `March 12, 1984`.
 * A dump holds hundreds of thousands of these: no date objects, lists or records per value, and the
 * clock is read only for a value that is a calendar date.
 */
export function birthDateValid(value: string, today?: Date): boolean {
  let m = ISO.exec(value);
  if (m) return real(+m[1]!, +m[2]!, +m[3]!, today);
  m = NUMERIC.exec(value);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]!;
    // Dots are European (day first); slashes and dashes may be either way round.
    return m[2] === '.' ? real(y, b, a, today) : real(y, a, b, today) || real(y, b, a, today);
  }
  m = DAY_FIRST.exec(value);
  if (m) return real(+m[3]!, monthOf(m[2]!), +m[1]!, today);
  m = MONTH_FIRST.exec(value);
  if (m) return real(+m[3]!, monthOf(m[1]!), +m[2]!, today);
  return false;
}

function real(y: number, m: number, d: number, today: Date | undefined): boolean {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return false; // 31 April, 30 February
  const now = today ?? new Date();
  return Date.UTC(y, m - 1, d) <= now.getTime() && y > now.getUTCFullYear() - OLDEST_YEARS;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
