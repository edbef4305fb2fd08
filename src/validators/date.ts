// Dates of birth: a real calendar date a living person could have been born on.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const OLDEST_YEARS = 120;

interface YMD {
  y: number;
  m: number;
  d: number;
}

/** ISO `1984-03-12`, US `03/12/1984`, European `12.03.1984` / `12/03/1984`, `12 Mar 1984`, `March 12, 1984`. */
function parse(value: string): YMD[] {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (m) return [{ y: +m[1]!, m: +m[2]!, d: +m[3]! }];
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(value);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]!;
    // Dots are European (day first); slashes and dashes may be either way round.
    return m[2] === '.' ? [{ y, m: b, d: a }] : [{ y, m: a, d: b }, { y, m: b, d: a }];
  }
  m = /^(\d{1,2})\.? ([A-Za-z]{3})[a-z]*\.?,? (\d{4})$/.exec(value);
  if (m) return [{ y: +m[3]!, m: MONTHS.indexOf(m[2]!.toLowerCase()) + 1, d: +m[1]! }];
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(value);
  if (m) return [{ y: +m[3]!, m: MONTHS.indexOf(m[1]!.toLowerCase()) + 1, d: +m[2]! }];
  return [];
}

function real({ y, m, d }: YMD, today: Date): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return false; // 31 April, 30 February
  return date <= today && y > today.getUTCFullYear() - OLDEST_YEARS;
}

export function birthDateValid(value: string, today = new Date()): boolean {
  return parse(value).some((ymd) => real(ymd, today));
}
