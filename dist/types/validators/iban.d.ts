export declare function ibanValid(value: string): boolean;
