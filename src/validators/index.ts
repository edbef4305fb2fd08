// Named validators that rules refer to by name. Each factory gets the run's settings once.
import type { ValidatorSettings } from '../types.js';
import { paymentCardValid } from './card.js';
import { birthDateValid } from './date.js';
import { domainAllowlist, emailValidator } from './email.js';
import { ibanValid } from './iban.js';
import { ipAddressValid } from './ip.js';
import { caSinValid, inAadhaarValid, passportValid, ukNhsValid, ukNinoValid, usItinValid } from './national-id.js';
import { phoneValidator } from './phone.js';
import { usSsnValid } from './ssn.js';

type ValidatorFactory = (settings: ValidatorSettings) => (value: string) => boolean;

export const VALIDATORS: Record<string, ValidatorFactory> = {
  email: (s) => emailValidator(domainAllowlist(s.allowEmailDomains)),
  'us-ssn': () => usSsnValid,
  'payment-card': () => paymentCardValid,
  phone: (s) => phoneValidator(s.phoneRegions),
  iban: () => ibanValid,
  'ip-address': () => ipAddressValid,
  'birth-date': () => (value) => birthDateValid(value),
  'uk-nino': () => ukNinoValid,
  'ca-sin': () => caSinValid,
  'us-itin': () => usItinValid,
  'uk-nhs': () => ukNhsValid,
  'in-aadhaar': () => inAadhaarValid,
  passport: () => passportValid,
};

export const DEFAULT_SETTINGS: ValidatorSettings = {
  // RFC 2606 and RFC 6761 reserved names: documentation and test addresses, never a person.
  allowEmailDomains: ['example.com', 'example.net', 'example.org', '*.example', '*.test', '*.invalid', '*.localhost', 'localhost'],
  phoneRegions: ['US'],
};
