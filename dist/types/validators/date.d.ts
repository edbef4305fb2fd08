/**
 * ISO `1984-03-12`, US `03/12/1984`, European `12.03.1984` / `12/03/1984`, `12 Mar 1984`, `March 12, 1984`.
 * A dump holds hundreds of thousands of these: no date objects, lists or records per value, and the
 * clock is read only for a value that is a calendar date.
 */
export declare function birthDateValid(value: string, today?: Date): boolean;
