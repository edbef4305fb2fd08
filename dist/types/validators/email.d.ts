export interface DomainAllowlist {
    allows(domain: string): boolean;
}
/** `example.com` allows itself and its subdomains; `*.test` allows every name under `test`. */
export declare function domainAllowlist(entries: string[]): DomainAllowlist;
export declare function emailValidator(allowlist: DomainAllowlist): (value: string) => boolean;
