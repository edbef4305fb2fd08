export declare function ipAddressValid(value: string): boolean;
