export declare function phoneValidator(regions: string[]): (value: string) => boolean;
