// IP addresses that can point at a person: public unicast only. Private (RFC 1918, RFC 4193),
// loopback, link-local, shared (CGNAT), documentation (RFC 5737, RFC 3849), benchmarking,
// multicast and reserved ranges name networks or examples, not people.
import { isIPv6 } from 'node:net';

/** [first address as a 32-bit number, prefix length] */
const IPV4_NOT_PERSONAL: Array<[string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

const DOT = 46;

/**
 * Four decimal octets as a 32-bit number, or -1 for anything else. Leading zeros (`010.001.…`) read
 * as octal in some parsers: not how anyone writes an address. One pass: it runs once per IP-shaped match.
 */
function ipv4Number(ip: string): number {
  let n = 0;
  let octets = 0;
  let octet = 0;
  let digits = 0;
  for (let i = 0; i <= ip.length; i++) {
    const code = i < ip.length ? ip.charCodeAt(i) : DOT;
    if (code === DOT) {
      if (digits === 0 || octet > 255 || ++octets > 4) return -1;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57 && !(digits === 1 && octet === 0) && digits < 3) {
      octet = octet * 10 + code - 48;
      digits++;
    } else return -1;
  }
  return octets === 4 ? n : -1;
}

const IPV4_RANGES = IPV4_NOT_PERSONAL.map(([start, bits]) => ({ start: ipv4Number(start), size: 2 ** (32 - bits) }));

function publicIpv4(ip: string): boolean {
  const n = ipv4Number(ip);
  return n !== -1 && !IPV4_RANGES.some((r) => n >= r.start && n < r.start + r.size);
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail counts as two). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4Number(v4[1]!);
    text = `${text.slice(0, v4.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function publicIpv6(ip: string): boolean {
  if (!isIPv6(ip)) return false;
  const g = ipv6Groups(ip);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return publicIpv4(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  }
  // Global unicast only (first group 2000 to 3fff); within it the documentation block (2001 0db8)
  // and IANA's special-purpose block (2001 0000 to 01ff) are not personal.
  if ((g[0]! & 0xe000) !== 0x2000) return false;
  // A zero interface identifier names a network, not a host.
  if (g[4] === 0 && g[5] === 0 && g[6] === 0 && g[7] === 0) return false;
  if (g[0] === 0x2001 && (g[1] === 0x0db8 || g[1]! < 0x0200)) return false;
  return g[0] !== 0x2002; // 6to4 relays
}

export function ipAddressValid(value: string): boolean {
  return value.includes(':') ? publicIpv6(value) : publicIpv4(value);
}
