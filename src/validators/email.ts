// Email addresses: a structural check plus the domain allowlist (exact names, `*.suffix`).
import { ownedCopy } from '../owned.js';

// Names that look like addresses in source trees but are files: `icon@2x.png`, `logo@3x.webp`.
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'avif', 'js', 'mjs', 'cjs', 'ts', 'css', 'map', 'json', 'html', 'txt', 'md']);

export interface DomainAllowlist {
  allows(domain: string): boolean;
}

/** `example.com` allows itself and its subdomains; `*.test` allows every name under `test`. */
export function domainAllowlist(entries: string[]): DomainAllowlist {
  const names = entries.map((e) => e.toLowerCase().replace(/^\*\./, '').replace(/\.$/, ''));
  return {
    allows(domain) {
      const d = domain.toLowerCase().replace(/\.$/, '');
      return names.some((n) => d === n || d.endsWith(`.${n}`));
    },
  };
}

function domainValid(domain: string, allowlist: DomainAllowlist): boolean {
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) return false;
  const tld = labels.at(-1)!.toLowerCase();
  if (!/^[a-z]{2,24}$/.test(tld) || FILE_EXTENSIONS.has(tld)) return false;
  return !allowlist.allows(domain);
}

const DOMAIN_MEMO_SIZE = 4096;

export function emailValidator(allowlist: DomainAllowlist): (value: string) => boolean {
  // A dump's addresses share a few domains: each is judged once, and that verdict reused.
  const verdicts = new Map<string, boolean>();
  return (value) => {
    const at = value.lastIndexOf('@');
    if (at < 1 || at > 64) return false;
    const domain = value.slice(at + 1);
    let valid = verdicts.get(domain);
    if (valid === undefined) {
      valid = domainValid(domain, allowlist);
      if (verdicts.size >= DOMAIN_MEMO_SIZE) verdicts.clear();
      verdicts.set(ownedCopy(domain), valid); // `domain` may be a slice of a window: keep a copy
    }
    return valid;
  };
}
