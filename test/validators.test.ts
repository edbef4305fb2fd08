// Validators on their own: published check-digit cases and the structural edges of each kind.
import { describe, expect, it } from 'vitest';
import { cardIssuer, paymentCardValid } from '../src/validators/card.js';
import { luhnValid } from '../src/validators/checksums.js';
import { domainAllowlist, emailValidator } from '../src/validators/email.js';
import { phoneValidator } from '../src/validators/phone.js';
import { usSsnValid } from '../src/validators/ssn.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { cardNumber, luhnCheckDigit } from './support/pii.js';

describe('luhnValid', () => {
  it('accepts published test numbers and rejects a changed digit', () => {
    expect(luhnValid('79927398713')).toBe(true); // the textbook example
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4x11')).toBe(false);
  });
});

describe('payment cards', () => {
  it('knows issuers by prefix and length', () => {
    expect(cardIssuer(cardNumber(1, '4', 16))).toBe('Visa');
    expect(cardIssuer(cardNumber(2, '2720', 16))).toBe('Mastercard');
    expect(cardIssuer(cardNumber(3, '2721', 16))).toBeUndefined();
    expect(cardIssuer(cardNumber(4, '37', 15))).toBe('American Express');
    expect(cardIssuer(cardNumber(5, '37', 16))).toBeUndefined();
    expect(cardIssuer(cardNumber(6, '3589', 16))).toBe('JCB');
    expect(cardIssuer(cardNumber(7, '62', 19))).toBe('UnionPay');
    expect(cardIssuer(cardNumber(8, '9', 16))).toBeUndefined();
  });

  it('needs Luhn, an issuer and a plausible grouping', () => {
    const pan = cardNumber(9, '4', 16);
    const bad = pan.slice(0, 15) + String((Number(pan[15]) + 1) % 10);
    expect(paymentCardValid(pan)).toBe(true);
    expect(paymentCardValid(bad)).toBe(false);
    expect(paymentCardValid(pan.replace(/(\d{4})(?=\d)/g, '$1 '))).toBe(true);
    expect(paymentCardValid(pan.replace(/(\d{4})(?=\d)/g, '$1-'))).toBe(true);
    expect(paymentCardValid(`${pan.slice(0, 4)} ${pan.slice(4, 8)}-${pan.slice(8)}`)).toBe(false); // mixed separators
    expect(paymentCardValid(`${pan.slice(0, 3)} ${pan.slice(3)}`)).toBe(false); // not grouped like a card
    const amex = cardNumber(10, '34', 15);
    expect(paymentCardValid(`${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`)).toBe(true);
    const body = '6011' + '12345678901';
    expect(paymentCardValid(body + luhnCheckDigit(body))).toBe(true);
  });
});

describe('US SSN', () => {
  it.each([
    ['123-45-6780', true],
    ['899-99-9999', true],
    ['000-12-3456', false],
    ['666-12-3456', false],
    ['900-12-3456', false],
    ['999-12-3456', false],
    ['123-00-4567', false],
    ['123-45-0000', false],
    ['123-45-678', false],
  ])('%s → %s', (value, valid) => expect(usSsnValid(value)).toBe(valid));
});

describe('email', () => {
  const valid = emailValidator(domainAllowlist(DEFAULT_SETTINGS.allowEmailDomains));
  it('flags ordinary domains and allows reserved ones with their subdomains', () => {
    expect(valid('someone@yahoo.com')).toBe(true);
    expect(valid('someone@EXAMPLE.COM')).toBe(false);
    expect(valid('someone@mail.example.org')).toBe(false);
    expect(valid('someone@anything.test')).toBe(false);
    expect(valid('someone@host.invalid')).toBe(false);
    expect(valid('someone@dev.localhost')).toBe(false);
    expect(valid('someone@notexample.com')).toBe(true); // suffix match is by label, not by string
  });
  it('rejects file names and numeric TLDs', () => {
    expect(valid('icon@2x.png')).toBe(false);
    expect(valid('pkg@1.2.3')).toBe(false);
  });
  it('custom allowlist: exact names and *.suffix', () => {
    const custom = emailValidator(domainAllowlist(['acme.io', '*.corp']));
    expect(custom('a@acme.io')).toBe(false);
    expect(custom('a@eu.acme.io')).toBe(false);
    expect(custom('a@x.corp')).toBe(false);
    expect(custom('a@acme.com')).toBe(true);
  });
});

describe('phone', () => {
  const us = phoneValidator(['US']);
  const usGb = phoneValidator(['US', 'GB']);
  it('accepts valid numbers and rejects NANP fiction numbers', () => {
    expect(us('(212) 867-5309')).toBe(true);
    expect(us('+1 212 867 5309')).toBe(true);
    expect(us('(212) 555-0100')).toBe(false);
    expect(us('212-555-0199')).toBe(false);
    expect(us('(212) 555-0200')).toBe(true); // only 0100–0199 are reserved for fiction
  });
  it('rejects invalid numbers, dates, IP addresses and bare digit runs outside the NANP shape', () => {
    expect(us('(123) 456-7890')).toBe(false); // area codes never start with 1
    expect(us('2024-01-15')).toBe(false);
    expect(us('10.20.30.40')).toBe(false);
    expect(us('1234567890')).toBe(false);
    expect(us('98765432101')).toBe(false);
    // A valid bare number passes here; the rule reports bare digits only under a phone key or column.
    expect(us('2128675309')).toBe(true);
  });
  it('national formats follow the configured regions; E.164 works everywhere', () => {
    expect(us('020 7123 4567')).toBe(false);
    expect(usGb('020 7123 4567')).toBe(true);
    expect(us('+44 20 7123 4567')).toBe(true);
  });
});
