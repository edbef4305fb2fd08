/** Area 000, 666 and 900–999, group 00 and serial 0000 have never been issued. */
export declare function usSsnValid(value: string): boolean;
