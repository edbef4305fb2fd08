export declare function cardIssuer(pan: string): string | undefined;
export declare function paymentCardValid(value: string): boolean;
