// Deterministic labeled documents for `npm run eval`: the same tables written as CSV/TSV, pg_dump,
// mysqldump, seed SQL, JSON, JSONL, YAML, XML, .env and properties files, logs and free text, with
// true PII labeled by kind and span, and hard negatives (test numbers, reserved ranges, ids, dates,
// versions, hashes) left unlabeled: a finding on one of them is a false positive.
import { Gen, cap, decoy, names, pii } from './values.js';

export const KINDS = ['email', 'phone', 'us-ssn', 'payment-card', 'iban', 'ip-address', 'date-of-birth', 'uk-nino', 'ca-sin', 'us-itin', 'uk-nhs', 'in-aadhaar', 'passport'] as const;
export type Kind = (typeof KINDS)[number];

/** A piece of text; `kind` marks it as true PII of that kind. */
export interface Seg {
  text: string;
  kind?: Kind;
}
export type Cell = Seg[] | number | boolean | null;

export interface Label {
  kind: Kind;
  /** UTF-16 offsets into the document text. */
  start: number;
  end: number;
  /** Where it sits (format and column), for grouping misses. */
  where: string;
}

export interface Doc {
  path: string;
  text: string;
  labels: Label[];
}

const seg = (text: string, kind?: Kind): Seg[] => [kind === undefined ? { text } : { text, kind }];

/** Collects text and the spans of labeled segments. */
class Builder {
  private parts: string[] = [];
  private length = 0;
  readonly labels: Label[] = [];
  raw(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
  segs(cell: Seg[], where: string, escape: (s: string) => string = (s) => s): void {
    for (const s of cell) {
      const text = escape(s.text);
      if (s.kind !== undefined) this.labels.push({ kind: s.kind, start: this.length, end: this.length + text.length, where });
      this.raw(text);
    }
  }
  text(): string {
    return this.parts.join('');
  }
}

// ------------------------------------------------------------------ free text

/** A sentence of a support ticket, note or log message; PII in it sits next to words that say so. */
function sentence(g: Gen): Seg[] {
  const x = g.int(40);
  const s = (...parts: Array<string | Seg>): Seg[] => parts.map((p) => (typeof p === 'string' ? { text: p } : p));
  const k = (kind: Kind, text: string): Seg => ({ text, kind });
  switch (x) {
    case 0:
      return s('customer asked us to send the invoice to ', k('email', pii.email(g)), ' instead');
    case 1:
      return s('callback requested at ', k('phone', pii.phone(g)), ' after 5pm');
    case 2:
      return s('charge failed card=', k('payment-card', pii.card(g, g.pick(['plain', 'space', 'dash']))), ` amount=${decoy.price(g)}`);
    case 3:
      return s(g.pick(['SSN: ', 'ssn=', 'Social Security No. ', 'verified identity with SSN ']), k('us-ssn', pii.ssn(g, g.pick(['dash', 'dash', 'space', 'bare']))));
    case 4:
      return s('please refund to IBAN ', k('iban', pii.iban(g)), ' asap');
    case 5:
      return s(g.pick(['DOB: ', 'date of birth ', 'born on ', 'Birthdate: ']), k('date-of-birth', pii.dob(g)));
    case 6:
      return s(g.pick(['NI number ', 'National Insurance number: ', 'NINO ']), k('uk-nino', pii.nino(g)));
    case 7:
      return s(g.pick(['SIN ', 'social insurance number: ', 'S.I.N. ']), k('ca-sin', pii.sin(g)));
    case 8:
      return s(g.pick(['ITIN ', 'ITIN: ', 'taxpayer id (ITIN) ']), k('us-itin', pii.itin(g)));
    case 9:
      return s(g.pick(['NHS number ', 'NHS no: ', 'nhs# ']), k('uk-nhs', pii.nhs(g)));
    case 10:
      return s(g.pick(['Aadhaar ', 'aadhaar no. ', 'UIDAI number ']), k('in-aadhaar', pii.aadhaar(g)));
    case 11:
      return s(g.pick(['passport number ', 'Passport No: ', 'passport# ']), k('passport', pii.passport(g)));
    case 12:
      return s('login from ', k('ip-address', g.chance(0.7) ? pii.ipv4(g) : pii.ipv6(g)), ' flagged');
    case 13:
      return s(`used test card ${decoy.testCard(g)} in staging`);
    case 14:
      return s(`notified ${decoy.reservedEmail(g)} about build ${g.range(1000, 99999)}`);
    case 15:
      return s(`call ${decoy.fictionalPhone(g)} for the test line`);
    case 16:
      return s(`order ${decoy.orderNo9(g)} shipped, tracking ${decoy.tracking(g)}`);
    case 17:
      return s(`upgraded to ${decoy.version(g)} on ${decoy.isoTimestamp(g)}`);
    case 18:
      return s(`ISBN ${decoy.isbn(g)} costs ${decoy.price(g)}`);
    case 19:
      return s(`request ${decoy.uuid(g)} digest ${decoy.hash(g)}`);
    case 20:
      return s(`reserved SSN ${decoy.reservedSsn(g)} used in the demo`);
    case 21:
      return s(`proxy at ${decoy.privateIpv4(g)} and ${decoy.privateIpv6(g)}`);
    case 22:
      return s(`order id ${decoy.orderId16(g)} / ${decoy.luhnInvalid16(g)} retried`);
    case 23:
      return s(`sample NI number ${decoy.testNino(g)} from the docs`);
    case 24:
      return s(`imported ${g.range(2, 9000)} rows at ${decoy.epochMs(g)} ms, ref ${decoy.orderRef(g)}`);
    case 25:
      return s(`IBAN ${decoy.badIban(g)} rejected: bad check digits`);
    case 26:
      return s(`reach me on `, k('phone', pii.phone(g)), ` or `, k('email', pii.email(g)));
    default:
      return s(g.pick(['the batch job finished without errors', 'retrying the export after timeout', 'cache warmed for catalog', 'ticket escalated to tier 2', 'customer satisfied, closing', 'shipment delayed by weather']));
  }
}

function paragraph(g: Gen, n: number): Seg[] {
  const out: Seg[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) out.push({ text: '. ' });
    out.push(...sentence(g));
  }
  return out;
}

// ------------------------------------------------------------------ tables

interface Column {
  /** Names people give this column; one is picked per document. */
  names: string[];
  sqlType: string;
  value: (g: Gen, row: Record<string, string>) => Cell;
}

const real = (kind: Kind, value: string): Seg[] => seg(value, kind);
const maybe = (g: Gen, p: number, make: () => Cell): Cell => (g.chance(p) ? make() : null);

const COLUMNS = {
  id: { names: ['id'], sqlType: 'bigint', value: (g) => g.range(1, 9_999_999) },
  uuid: { names: ['uuid', 'external_id', 'guid'], sqlType: 'uuid', value: (g) => seg(decoy.uuid(g)) },
  firstName: { names: ['first_name', 'firstName', 'given_name'], sqlType: 'text', value: (g) => seg(cap(names.first(g))) },
  lastName: { names: ['last_name', 'lastName', 'surname'], sqlType: 'text', value: (g) => seg(cap(names.last(g))) },
  email: { names: ['email', 'Email', 'email_address', 'contact_email', 'EmailAddress', 'e_mail'], sqlType: 'text', value: (g) => (g.chance(0.7) ? real('email', pii.email(g)) : seg(decoy.reservedEmail(g))) },
  phone: {
    names: ['phone', 'Phone', 'mobile', 'phone_number', 'cell', 'tel', 'contact_phone'],
    sqlType: 'text',
    value: (g) => (g.chance(0.65) ? real('phone', pii.phone(g)) : g.chance(0.6) ? seg(decoy.fictionalPhone(g)) : null),
  },
  dob: { names: ['date_of_birth', 'dob', 'birthdate', 'BirthDate', 'birth_date', 'DOB'], sqlType: 'date', value: (g) => maybe(g, 0.9, () => real('date-of-birth', pii.dob(g))) },
  ssn: {
    names: ['ssn', 'SSN', 'social_security_number', 'ssn_no', 'SocialSecurityNumber'],
    sqlType: 'text',
    value: (g) => {
      const x = g.r();
      if (x < 0.4) return real('us-ssn', pii.ssn(g, 'dash'));
      if (x < 0.6) return real('us-ssn', pii.ssn(g, 'bare'));
      if (x < 0.65) return real('us-ssn', pii.ssn(g, 'space'));
      if (x < 0.8) return seg(decoy.maskedSsn(g));
      if (x < 0.9) return seg(decoy.reservedSsn(g));
      return null;
    },
  },
  lastLoginIp: { names: ['last_login_ip', 'ip_address', 'client_ip', 'remote_addr'], sqlType: 'inet', value: (g) => (g.chance(0.6) ? real('ip-address', g.chance(0.8) ? pii.ipv4(g) : pii.ipv6(g)) : seg(g.chance(0.7) ? decoy.privateIpv4(g) : decoy.privateIpv6(g))) },
  createdAt: { names: ['created_at', 'updated_at', 'createdAt', 'timestamp'], sqlType: 'timestamptz', value: (g) => seg(decoy.isoTimestamp(g)) },
  notes: { names: ['notes', 'comment', 'remarks'], sqlType: 'text', value: (g) => maybe(g, 0.3, () => paragraph(g, g.range(1, 2))) },
  orderNo: { names: ['order_no', 'order_number', 'orderNo', 'invoice_no'], sqlType: 'text', value: (g) => seg(decoy.orderNo9(g)) },
  orderId: { names: ['order_id', 'external_order_id', 'reference'], sqlType: 'text', value: (g) => seg(g.chance(0.5) ? decoy.orderId16(g) : decoy.luhnInvalid16(g)) },
  sku: { names: ['sku', 'product_sku'], sqlType: 'text', value: (g) => seg(decoy.sku(g)) },
  tracking: { names: ['tracking_number', 'tracking_no', 'trackingId'], sqlType: 'text', value: (g) => maybe(g, 0.8, () => seg(decoy.tracking(g))) },
  total: { names: ['total', 'amount', 'price'], sqlType: 'numeric(12,2)', value: (g) => seg(decoy.price(g)) },
  isbn: { names: ['isbn', 'isbn13'], sqlType: 'text', value: (g) => seg(decoy.isbn(g)) },
  shippedOn: { names: ['shipped_on', 'delivery_date', 'hire_date', 'start_date'], sqlType: 'date', value: (g) => seg(decoy.date(g)) },
  card: {
    names: ['card_number', 'pan', 'cc_number', 'CardNumber', 'card_no'],
    sqlType: 'text',
    value: (g) => {
      const x = g.r();
      if (x < 0.45) return real('payment-card', pii.card(g, g.pick(['plain', 'plain', 'space', 'dash'])));
      if (x < 0.7) return seg(decoy.testCard(g));
      if (x < 0.85) return seg(`************${g.digits(4)}`);
      return seg(decoy.luhnInvalid16(g));
    },
  },
  cardExp: { names: ['card_exp', 'expiry'], sqlType: 'text', value: (g) => seg(`${g.p2(g.range(1, 12))}/${g.range(25, 32)}`) },
  iban: { names: ['iban', 'IBAN', 'bank_account_iban', 'payout_iban'], sqlType: 'text', value: (g) => (g.chance(0.75) ? real('iban', pii.iban(g)) : g.chance(0.5) ? seg(decoy.badIban(g)) : null) },
  txn: { names: ['txn_hash', 'fingerprint', 'checksum'], sqlType: 'text', value: (g) => seg(decoy.hash(g)) },
  nino: { names: ['ni_number', 'national_insurance_number', 'nino', 'NINumber'], sqlType: 'text', value: (g) => (g.chance(0.85) ? real('uk-nino', pii.nino(g)) : seg(decoy.testNino(g))) },
  nhs: { names: ['nhs_number', 'nhs_no', 'NHSNumber'], sqlType: 'text', value: (g) => maybe(g, 0.9, () => real('uk-nhs', pii.nhs(g))) },
  sin: { names: ['sin', 'SIN', 'social_insurance_number', 'sin_number'], sqlType: 'text', value: (g) => maybe(g, 0.9, () => real('ca-sin', pii.sin(g))) },
  itin: { names: ['itin', 'ITIN', 'tax_id_itin'], sqlType: 'text', value: (g) => maybe(g, 0.9, () => real('us-itin', pii.itin(g))) },
  aadhaar: { names: ['aadhaar', 'aadhaar_number', 'uid_number', 'AadhaarNo'], sqlType: 'text', value: (g) => maybe(g, 0.9, () => real('in-aadhaar', pii.aadhaar(g))) },
  passport: { names: ['passport_number', 'passport_no', 'PassportNumber', 'passport'], sqlType: 'text', value: (g) => maybe(g, 0.85, () => real('passport', pii.passport(g))) },
  version: { names: ['app_version', 'version', 'client_version'], sqlType: 'text', value: (g) => seg(decoy.version(g)) },
  epoch: { names: ['created_at_ms', 'ts_ms', 'epoch_ms'], sqlType: 'bigint', value: (g) => Number(decoy.epochMs(g)) },
  postcode: { names: ['postal_code', 'zip', 'postcode'], sqlType: 'text', value: (g) => seg(g.digits(5)) },
} satisfies Record<string, Column>;

const TABLES: Record<string, Column[]> = {
  customers: [COLUMNS.id, COLUMNS.uuid, COLUMNS.firstName, COLUMNS.lastName, COLUMNS.email, COLUMNS.phone, COLUMNS.dob, COLUMNS.ssn, COLUMNS.lastLoginIp, COLUMNS.createdAt, COLUMNS.notes],
  orders: [COLUMNS.id, COLUMNS.orderNo, COLUMNS.orderId, COLUMNS.sku, COLUMNS.isbn, COLUMNS.total, COLUMNS.tracking, COLUMNS.shippedOn, COLUMNS.epoch, COLUMNS.postcode, COLUMNS.createdAt, COLUMNS.notes],
  payments: [COLUMNS.id, COLUMNS.uuid, COLUMNS.orderId, COLUMNS.card, COLUMNS.cardExp, COLUMNS.total, COLUMNS.iban, COLUMNS.txn, COLUMNS.createdAt],
  employees_uk: [COLUMNS.id, COLUMNS.firstName, COLUMNS.lastName, COLUMNS.email, COLUMNS.nino, COLUMNS.nhs, COLUMNS.passport, COLUMNS.iban, COLUMNS.shippedOn, COLUMNS.dob],
  employees_na: [COLUMNS.id, COLUMNS.firstName, COLUMNS.lastName, COLUMNS.ssn, COLUMNS.sin, COLUMNS.itin, COLUMNS.phone, COLUMNS.passport, COLUMNS.dob, COLUMNS.shippedOn],
  kyc_in: [COLUMNS.id, COLUMNS.uuid, COLUMNS.aadhaar, COLUMNS.passport, COLUMNS.phone, COLUMNS.email, COLUMNS.dob, COLUMNS.createdAt],
  sessions: [COLUMNS.id, COLUMNS.uuid, COLUMNS.lastLoginIp, COLUMNS.version, COLUMNS.txn, COLUMNS.epoch, COLUMNS.createdAt],
};

interface Table {
  name: string;
  columns: string[];
  types: string[];
  rows: Cell[][];
}

function makeTable(g: Gen, name: string, count: number): Table {
  const cols = TABLES[name]!;
  return {
    name,
    columns: cols.map((c) => g.pick(c.names)),
    types: cols.map((c) => c.sqlType),
    rows: Array.from({ length: count }, () => {
      const row: Record<string, string> = {};
      return cols.map((c) => c.value(g, row));
    }),
  };
}

const plain = (cell: Seg[]): string => cell.map((s) => s.text).join('');

// ------------------------------------------------------------------ writers

function writeDelimited(b: Builder, t: Table, sep: string): void {
  b.raw(t.columns.join(sep) + '\n');
  for (const row of t.rows) {
    row.forEach((cell, i) => {
      if (i > 0) b.raw(sep);
      if (cell === null) return;
      if (typeof cell !== 'object') return b.raw(String(cell));
      const where = `${sep === '\t' ? 'tsv' : 'csv'}:${t.columns[i]}`;
      if (/[",\n;\t]/.test(plain(cell))) {
        b.raw('"');
        b.segs(cell, where, (s) => s.replace(/"/g, '""'));
        b.raw('"');
      } else b.segs(cell, where);
    });
    b.raw('\n');
  }
}

const pgEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const sqlEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

function writePgDump(b: Builder, tables: Table[]): void {
  b.raw('--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = \'UTF8\';\nSET standard_conforming_strings = on;\n\n');
  for (const t of tables) {
    b.raw(`CREATE TABLE public.${t.name} (\n${t.columns.map((c, i) => `    ${c} ${t.types[i]}`).join(',\n')}\n);\n\n`);
    b.raw(`COPY public.${t.name} (${t.columns.join(', ')}) FROM stdin;\n`);
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (i > 0) b.raw('\t');
        if (cell === null) return b.raw('\\N');
        if (typeof cell !== 'object') return b.raw(typeof cell === 'boolean' ? (cell ? 't' : 'f') : String(cell));
        b.segs(cell, `pgdump:${t.columns[i]}`, pgEscape);
      });
      b.raw('\n');
    }
    b.raw('\\.\n\n');
  }
}

function sqlValues(b: Builder, t: Table, row: Cell[], where: string): void {
  b.raw('(');
  row.forEach((cell, i) => {
    if (i > 0) b.raw(',');
    if (cell === null) return b.raw('NULL');
    if (typeof cell !== 'object') return b.raw(String(cell));
    b.raw("'");
    b.segs(cell, `${where}:${t.columns[i]}`, sqlEscape);
    b.raw("'");
  });
  b.raw(')');
}

/** mysqldump: CREATE TABLE names the columns, the INSERTs that follow do not. */
function writeMysqlDump(b: Builder, tables: Table[]): void {
  b.raw('-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    Database: shop\n\n/*!40101 SET NAMES utf8mb4 */;\n\n');
  for (const t of tables) {
    b.raw(`DROP TABLE IF EXISTS \`${t.name}\`;\nCREATE TABLE \`${t.name}\` (\n${t.columns.map((c) => `  \`${c}\` varchar(255) DEFAULT NULL`).join(',\n')},\n  PRIMARY KEY (\`id\`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n`);
    b.raw(`LOCK TABLES \`${t.name}\` WRITE;\nINSERT INTO \`${t.name}\` VALUES `);
    t.rows.forEach((row, i) => {
      if (i > 0) b.raw(',');
      sqlValues(b, t, row, 'mysqldump');
    });
    b.raw(';\nUNLOCK TABLES;\n\n');
  }
}

function writeSeedSql(b: Builder, t: Table): void {
  b.raw(`-- seed data for ${t.name}\nBEGIN;\n`);
  for (const row of t.rows) {
    b.raw(`INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES `);
    sqlValues(b, t, row, 'seed');
    b.raw(';\n');
  }
  b.raw('COMMIT;\n');
}

function jsonValue(b: Builder, cell: Cell, where: string): void {
  if (cell === null || typeof cell !== 'object') return b.raw(JSON.stringify(cell));
  b.raw('"');
  b.segs(cell, where, (s) => JSON.stringify(s).slice(1, -1));
  b.raw('"');
}

function writeJson(b: Builder, t: Table, pretty: boolean): void {
  const nl = pretty ? '\n' : '';
  const ind = (n: number) => (pretty ? ' '.repeat(n) : '');
  b.raw(`{${nl}${ind(2)}"${t.name}":${pretty ? ' ' : ''}[${nl}`);
  t.rows.forEach((row, r) => {
    b.raw(`${r > 0 ? `,${nl}` : ''}${ind(4)}{${nl}`);
    row.forEach((cell, i) => {
      b.raw(`${i > 0 ? `,${nl}` : ''}${ind(6)}"${t.columns[i]}":${pretty ? ' ' : ''}`);
      jsonValue(b, cell, `json:${t.columns[i]}`);
    });
    b.raw(`${nl}${ind(4)}}`);
  });
  b.raw(`${nl}${ind(2)}]${nl}}${nl}`);
}

function writeYaml(b: Builder, t: Table): void {
  b.raw(`# fixtures for ${t.name}\n${t.name}:\n`);
  for (const row of t.rows) {
    row.forEach((cell, i) => {
      b.raw(`${i === 0 ? '  - ' : '    '}${t.columns[i]}: `);
      if (cell === null) b.raw('~');
      else if (typeof cell !== 'object') b.raw(String(cell));
      else if (/[:#'"{}[\],&*!|>%@`]/.test(plain(cell))) {
        b.raw('"');
        b.segs(cell, `yaml:${t.columns[i]}`, (s) => JSON.stringify(s).slice(1, -1));
        b.raw('"');
      } else b.segs(cell, `yaml:${t.columns[i]}`);
      b.raw('\n');
    });
  }
}

/** A Markdown pipe table, as in docs and tickets. */
function writeMarkdownTable(b: Builder, t: Table): void {
  b.raw(`# ${t.name}\n\nExported for the migration review.\n\n| ${t.columns.join(' | ')} |\n|${t.columns.map(() => ' --- ').join('|')}|\n`);
  for (const row of t.rows) {
    b.raw('|');
    row.forEach((cell, i) => {
      b.raw(' ');
      if (cell === null) b.raw('');
      else if (typeof cell !== 'object') b.raw(String(cell));
      else b.segs(cell, `markdown:${t.columns[i]}`, (s) => s.replace(/\|/g, '\\|'));
      b.raw(' |');
    });
    b.raw('\n');
  }
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function writeXml(b: Builder, t: Table, attributes: boolean): void {
  b.raw(`<?xml version="1.0" encoding="UTF-8"?>\n<${t.name}>\n`);
  for (const row of t.rows) {
    if (attributes) {
      b.raw('  <record');
      row.forEach((cell, i) => {
        if (cell === null) return;
        b.raw(` ${t.columns[i]}="`);
        if (typeof cell !== 'object') b.raw(String(cell));
        else b.segs(cell, `xml-attr:${t.columns[i]}`, xmlEscape);
        b.raw('"');
      });
      b.raw('/>\n');
      continue;
    }
    b.raw('  <record>\n');
    row.forEach((cell, i) => {
      if (cell === null) return b.raw(`    <${t.columns[i]}/>\n`);
      b.raw(`    <${t.columns[i]}>`);
      if (typeof cell !== 'object') b.raw(String(cell));
      else b.segs(cell, `xml:${t.columns[i]}`, xmlEscape);
      b.raw(`</${t.columns[i]}>\n`);
    });
    b.raw('  </record>\n');
  }
  b.raw(`</${t.name}>\n`);
}

/** JSON lines application log: request metadata around a message, a user object now and then. */
function writeJsonl(b: Builder, g: Gen, count: number): void {
  for (let i = 0; i < count; i++) {
    b.raw(`{"ts":"${decoy.isoTimestamp(g)}","level":"${g.pick(['info', 'warn', 'error', 'debug'])}","request_id":"${decoy.uuid(g)}","msg":`);
    jsonValue(b, sentence(g), 'jsonl:msg');
    b.raw(`,"client_ip":`);
    jsonValue(b, g.chance(0.5) ? real('ip-address', pii.ipv4(g)) : seg(decoy.privateIpv4(g)), 'jsonl:client_ip');
    if (g.chance(0.3)) {
      b.raw(`,"user":{"id":${g.range(1, 99999)},"email":`);
      jsonValue(b, COLUMNS.email.value(g), 'jsonl:user.email');
      b.raw(`,"phone":`);
      jsonValue(b, COLUMNS.phone.value(g), 'jsonl:user.phone');
      b.raw('}');
    }
    if (g.chance(0.15)) {
      b.raw(`,"payment":{"amount":${g.range(1, 99999) / 100},"card":`);
      jsonValue(b, COLUMNS.card.value(g), 'jsonl:payment.card');
      b.raw(`,"order_id":"${decoy.orderId16(g)}"}`);
    }
    b.raw(`,"version":"${decoy.version(g)}","duration_ms":${g.range(1, 5000)}}\n`);
  }
}

function writeAccessLog(b: Builder, g: Gen, count: number): void {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
  for (let i = 0; i < count; i++) {
    const ip = g.chance(0.6) ? real('ip-address', g.chance(0.85) ? pii.ipv4(g) : pii.ipv6(g)) : seg(decoy.privateIpv4(g));
    b.segs(ip, 'access-log:ip');
    b.raw(` - - [${g.p2(g.range(1, 28))}/${g.pick(months)}/${g.range(2019, 2026)}:${g.p2(g.int(24))}:${g.p2(g.int(60))}:${g.p2(g.int(60))} +0000] "GET /api/v1/orders/${g.range(1, 99999999)}?ts=${decoy.epochMs(g)} HTTP/1.1" ${g.pick([200, 201, 304, 404, 500])} ${g.range(0, 99999)} "-" "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.6099.109 Safari/537.36"\n`);
  }
}

function writeTextLog(b: Builder, g: Gen, count: number): void {
  for (let i = 0; i < count; i++) {
    b.raw(`${decoy.isoTimestamp(g)} ${g.pick(['INFO ', 'WARN ', 'ERROR', 'DEBUG'])} [worker-${g.range(1, 16)}] `);
    b.segs(sentence(g), 'log:msg');
    b.raw(` (took ${g.range(1, 5000)} ms, txn=${g.hex(16)})\n`);
  }
}

/** Support tickets and notes: prose, some of it in Markdown. */
function writeProse(b: Builder, g: Gen, count: number): void {
  b.raw(`# Support notes, week ${g.range(1, 52)}\n\n`);
  for (let i = 0; i < count; i++) {
    b.raw(`## Ticket TCK-${g.digits(7)} (${names.full(g)})\n\n`);
    b.segs(paragraph(g, g.range(2, 5)), 'prose');
    b.raw('.\n\n');
  }
}

/** .env / properties / docker-compose: settings with a contact or two among hosts and versions. */
function writeConfig(b: Builder, g: Gen, style: 'env' | 'properties' | 'compose'): void {
  const entries: Array<[string, Cell]> = [
    ['DB_HOST', seg(decoy.privateIpv4(g))],
    ['APP_VERSION', seg(decoy.version(g))],
    ['BUILD_SHA', seg(decoy.hash(g))],
    ['SUPPORT_PHONE', seg(decoy.fictionalPhone(g))],
    ['ADMIN_EMAIL', COLUMNS.email.value(g)],
    ['ONCALL_MOBILE', real('phone', pii.phone(g))],
    ['PUBLIC_IP', real('ip-address', pii.ipv4(g))],
    ['RELEASE_DATE', seg(decoy.date(g))],
    ['REQUEST_TIMEOUT_MS', seg(String(g.range(1000, 60000)))],
    ['PAYOUT_IBAN', real('iban', pii.iban(g, false))],
    ['TEST_CARD', seg(decoy.testCard(g))],
    ['INSTANCE_ID', seg(decoy.uuid(g))],
  ];
  if (style === 'compose') b.raw('services:\n  app:\n    image: shop/app:latest\n    environment:\n');
  for (const [key, cell] of entries) {
    const name = style === 'properties' ? key.toLowerCase().replace(/_/g, '.') : key;
    b.raw(style === 'env' ? `${name}=` : style === 'properties' ? `${name} = ` : `      ${name}: `);
    if (cell === null || typeof cell !== 'object') b.raw(String(cell));
    else if (style === 'compose') {
      b.raw('"');
      b.segs(cell, `${style}:${key}`);
      b.raw('"');
    } else b.segs(cell, `${style}:${key}`);
    b.raw('\n');
  }
}

// ------------------------------------------------------------------ corpus

/** The evaluation corpus for one seed; `scale` multiplies row counts. */
export function generateDocs(seed: number, scale = 1): Doc[] {
  const docs: Doc[] = [];
  const rows = (n: number) => Math.max(1, Math.round(n * scale));
  const emit = (path: string, write: (b: Builder, g: Gen) => void) => {
    const g = new Gen(seed * 7919 + docs.length);
    const b = new Builder();
    write(b, g);
    docs.push({ path, text: b.text(), labels: b.labels });
  };
  const tableNames = Object.keys(TABLES);
  for (const [i, name] of tableNames.entries()) {
    emit(`exports/${name}.csv`, (b, g) => writeDelimited(b, makeTable(g, name, rows(120)), ','));
    emit(`exports/${name}_eu.csv`, (b, g) => writeDelimited(b, makeTable(g, name, rows(60)), ';'));
    emit(`exports/${name}.tsv`, (b, g) => writeDelimited(b, makeTable(g, name, rows(60)), '\t'));
    emit(`fixtures/${name}.json`, (b, g) => writeJson(b, makeTable(g, name, rows(40)), true));
    emit(`fixtures/recorded/${name}.min.json`, (b, g) => writeJson(b, makeTable(g, name, rows(40)), false));
    emit(`fixtures/${name}.yml`, (b, g) => writeYaml(b, makeTable(g, name, rows(40))));
    emit(`fixtures/xml/${name}.xml`, (b, g) => writeXml(b, makeTable(g, name, rows(30)), i % 2 === 0));
    emit(`db/seeds/${name}.sql`, (b, g) => writeSeedSql(b, makeTable(g, name, rows(40))));
    emit(`docs/tables/${name}.md`, (b, g) => writeMarkdownTable(b, makeTable(g, name, rows(25))));
  }
  emit('dumps/prod_snapshot.sql', (b, g) => writePgDump(b, tableNames.map((n) => makeTable(g, n, rows(150)))));
  emit('dumps/shop_full.sql', (b, g) => writeMysqlDump(b, tableNames.map((n) => makeTable(g, n, rows(150)))));
  emit('logs/app/events.jsonl', (b, g) => writeJsonl(b, g, rows(800)));
  emit('logs/nginx/access.log', (b, g) => writeAccessLog(b, g, rows(400)));
  emit('logs/app/worker.log', (b, g) => writeTextLog(b, g, rows(600)));
  emit('docs/support-notes.md', (b, g) => writeProse(b, g, rows(120)));
  emit('config/.env', (b, g) => writeConfig(b, g, 'env'));
  emit('config/application.properties', (b, g) => writeConfig(b, g, 'properties'));
  emit('deploy/docker-compose.yml', (b, g) => writeConfig(b, g, 'compose'));
  return docs;
}
