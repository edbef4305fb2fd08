/** Luhn (mod 10) over a string of ASCII digits. */
export declare function luhnValid(digits: string): boolean;
/** Digits only: `4111-1111 1111` → `411111111111`. */
export declare function digitsOf(value: string): string;
/** ISO 7064 mod 97-10 over an IBAN: move the first four characters to the end, letters as 10–35. */
export declare function ibanMod97Valid(iban: string): boolean;
/** Verhoeff check over a string of ASCII digits (Aadhaar's last digit). */
export declare function verhoeffValid(digits: string): boolean;
/** NHS number: weights 10..2 over the first nine digits, check = 11 − (sum mod 11); 10 is never issued. */
export declare function nhsMod11Valid(digits: string): boolean;
