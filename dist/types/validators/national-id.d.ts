export declare function ukNinoValid(value: string): boolean;
/** Canadian SIN: Luhn; 0 is never assigned and 8 is unused as a first digit. */
export declare function caSinValid(value: string): boolean;
/** US ITIN: 9XX, group 50–65, 70–88, 90–92 or 94–99 (IRS), any serial. */
export declare function usItinValid(value: string): boolean;
/** NHS number: mod 11. 999 numbers are the NHS's own test range. */
export declare function ukNhsValid(value: string): boolean;
/** Aadhaar: 12 digits, first 2–9, Verhoeff check digit (UIDAI). */
export declare function inAadhaarValid(value: string): boolean;
/** Passport numbers have no check digit outside the MRZ: a shape with digits, found only with context. */
export declare function passportValid(value: string): boolean;
