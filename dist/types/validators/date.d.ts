export declare function birthDateValid(value: string, today?: Date): boolean;
