// Structure-aware context: the key, column or word a value sits under sets its confidence, across
// formats and across window borders; reasons name the key, never the value.
import { describe, expect, it } from 'vitest';
import { detectStream, loadRules } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, ssn } from './support/pii.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

/** `ruleId confidence reason [table.field]` per finding, for every chunk size (they must agree). */
async function rated(text: string): Promise<string[]> {
  const buf = Buffer.from(text, 'utf8');
  const describe = async (size: number) =>
    (await detectStream(chunked(buf, size), rules, 'x')).findings.map((f) => `${f.ruleId} ${f.confidence} ${f.reason}${f.table ? ` [${f.table}.${f.field}]` : ''}`);
  const whole = await describe(buf.length + 1);
  for (const size of [7, 300, 1000]) expect(await describe(size), `chunk size ${size}`).toEqual(whole);
  return whole;
}

const bare = ssn(11, '');
const bareOther = ssn(12, '');

describe('structure-aware context', () => {
  it('CSV header: bare nine digits are an SSN under ssn, nothing under order_no', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${bare},${bareOther},note ${i}`).join('\n');
    const found = await rated(`id,SocialSecurityNumber,order_no,notes\n${rows}\n`);
    expect(found).toHaveLength(40);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "SocialSecurityNumber"']));
  });

  it('a long row cut by a window border keeps its columns', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${'lorem ipsum '.repeat(30)},${bareOther},${bare}`).join('\n');
    const found = await rated(`id,notes,order_no,ssn\n${rows}\n`);
    expect(found).toHaveLength(30);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn"']));
  });

  it('INSERT … VALUES with one tuple per line: each line takes the columns of its statement', async () => {
    const tuples = Array.from({ length: 30 }, (_, i) => `  (${i}, 'n${i}', '${bare}', '${bareOther}')`).join(',\n');
    for (const insert of ['INSERT INTO', 'insert into', 'Insert Into']) {
      const found = await rated(`-- seed data\nCREATE TABLE users (id int, name text, ssn text, order_no text);\n${insert} users (id, name, ssn, order_no) VALUES\n${tuples};\n`);
      expect(found, insert).toHaveLength(30);
      expect(new Set(found), insert).toEqual(new Set(['us-ssn high column "ssn" [users.ssn]']));
    }
  });

  it('a Markdown table runs on into later windows even when its first rows hold nothing', async () => {
    const empty = Array.from({ length: 20 }, (_, i) => `| n${i} | none | none |`).join('\n');
    const full = Array.from({ length: 10 }, (_, i) => `| m${i} | ${bare} | ${bareOther} |`).join('\n');
    const found = await rated(`| name | ssn | order no |\n| --- | --- | --- |\n${empty}\n${full}\n`);
    expect(found).toHaveLength(10);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn"']));
  });

  it('a long Markdown table: rows hundreds of lines under the header keep its columns', async () => {
    const empty = Array.from({ length: 450 }, (_, i) => `| n${i} | none | none |`).join('\n');
    const full = Array.from({ length: 30 }, (_, i) => `| m${i} | ${bare} | ${bareOther} |\n${i % 3 === 0 ? '| x | none | none |\n' : ''}`).join('');
    const found = await rated(`| name | ssn | order no |\n| --- | --- | --- |\n${empty}\n${full}\nAfter the table ${bareOther}.\n`);
    expect(found).toHaveLength(30);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn"']));
  });

  it('Markdown pipe tables: the row under a |---| rule takes its header', async () => {
    const md = `# People\n\nSome text.\n\n| name | ssn | order no |\n| --- | :---: | --- |\n| Jane | ${bare} | ${bareOther} |\n| Joe | ${bare} | ${bareOther} |\n\nAfter the table ${bareOther}.\n`;
    expect(await rated(md)).toEqual(['us-ssn high column "ssn"', 'us-ssn high column "ssn"']);
  });

  it('semicolon and tab delimited files, quoted fields with delimiters inside', async () => {
    expect(await rated(`name;comment;ssn\n"Roe; Jane";"a;b";${bare}\n`)).toEqual(['us-ssn high column "ssn"']);
    expect(await rated(`name\tssn\nJane\t${bare}\n`)).toEqual(['us-ssn high column "ssn"']);
  });

  it('pg_dump COPY: the column list names each tab field, until \\.', async () => {
    const dump = `CREATE TABLE public.people (\n    id bigint,\n    ssn text,\n    order_no text\n);\n\nCOPY public.people (id, ssn, order_no) FROM stdin;\n1\t${bare}\t${bareOther}\n\\.\n\nCOPY public.orders (id, order_no) FROM stdin;\n2\t${bare}\n\\.\n`;
    expect(await rated(dump)).toEqual(['us-ssn high column "ssn" [people.ssn]']);
  });

  it('mysqldump: INSERT without a column list takes the columns of the CREATE TABLE before it', async () => {
    const head = 'CREATE TABLE `people` (\n  `id` bigint NOT NULL,\n  `order_no` varchar(20) DEFAULT NULL,\n  `ssn` varchar(11) DEFAULT NULL,\n  `total` decimal(12,2),\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n';
    const tuples = Array.from({ length: 60 }, (_, i) => `(${i},'${bareOther}','${bare}',12.50)`).join(',');
    const found = await rated(`${head}INSERT INTO \`people\` VALUES ${tuples};\n`);
    expect(found).toHaveLength(60);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn" [people.ssn]']));
    // Keywords in any case, as hand-written SQL has them.
    expect(await rated(`${head.replace('CREATE TABLE', 'Create Table')}Insert Into \`people\` VALUES ${tuples};\n`)).toEqual(found);
  });

  it('mysqldump: a tuple longer than the engine keeps across a window border keeps its columns', async () => {
    // Values sit more than OVERLAP + LOOKBEHIND bytes after their tuple's `(`, so for some chunk sizes
    // (and at the end of the stream) the `(` lies in an earlier window than the value.
    const head = 'CREATE TABLE `people` (\n  `id` bigint NOT NULL,\n  `notes` text,\n  `ssn` varchar(11) DEFAULT NULL\n) ENGINE=InnoDB;\n';
    const tuples = Array.from({ length: 40 }, (_, i) => `(${i},'${'lorem ipsum, dolor '.repeat(20 + i)}','${bare}')`).join(',');
    const found = await rated(`${head}INSERT INTO \`people\` VALUES ${tuples};\n`);
    expect(found).toHaveLength(40);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn" [people.ssn]']));
  });

  it('mysqldump: escaped quotes, backslashes and commas inside strings do not shift the columns', async () => {
    const head = 'CREATE TABLE `people` (\n  `id` bigint NOT NULL,\n  `notes` text,\n  `ssn` varchar(11),\n  `order_no` varchar(20)\n) ENGINE=InnoDB;\n';
    const notes = ["O\\'Brien, Jr.", 'ends in a backslash \\\\', "it''s, you know", 'a, b, c', "\\', \\', ", "\\\\\\', then", ''];
    const tuples = Array.from({ length: 36 }, (_, i) => `(${i},'${notes[i % notes.length]}','${bare}','${bareOther}')`).join(',');
    const found = await rated(`${head}INSERT INTO \`people\` VALUES ${tuples};\n`);
    expect(found).toHaveLength(36);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn" [people.ssn]']));
  });

  it('CSV: quoted fields with commas and doubled quotes do not shift the columns', async () => {
    const notes = ['"Smith, John"', '"say ""hi"", then go"', '""', 'plain'];
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${notes[i % notes.length]},${bare},${bareOther}`).join('\n');
    const found = await rated(`id,notes,ssn,order_no\n${rows}\n`);
    expect(found).toHaveLength(40);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn"']));
  });

  it('several INSERT statements on one line: each value takes the columns of its own statement', async () => {
    const line = `INSERT INTO orders (id, order_no) VALUES (1, '${bare}'); INSERT INTO people (id, ssn) VALUES (2, '${bare}'), (3, '${bareOther}'); INSERT INTO orders (id, order_no) VALUES (4, '${bareOther}');`;
    expect(await rated(`${line}\n`)).toEqual(['us-ssn high column "ssn" [people.ssn]', 'us-ssn high column "ssn" [people.ssn]']);
    // The second statement's tuples run on over later windows.
    const tuples = Array.from({ length: 300 }, (_, i) => `(${i}, 'lorem ipsum dolor sit amet', '${bare}')`).join(', ');
    const found = await rated(`INSERT INTO orders (id, order_no) VALUES (1, '${bareOther}'); INSERT INTO people (id, note, ssn) VALUES ${tuples};\n`);
    expect(found).toHaveLength(300);
    expect(new Set(found)).toEqual(new Set(['us-ssn high column "ssn" [people.ssn]']));
  });

  it('INSERT with a column list, one statement per row', async () => {
    const sql = `INSERT INTO people (id, ssn, order_no) VALUES (1, '${bare}', '${bareOther}');\nINSERT INTO orders (id, order_no) VALUES (2, '${bare}');\n`;
    expect(await rated(sql)).toEqual(['us-ssn high column "ssn" [people.ssn]']);
  });

  it('hand-written lowercase SQL: create table, then insert without a column list', async () => {
    const sql = `create table people (\n  id int,\n  ssn varchar(11),\n  order_no varchar(9)\n);\ninsert into people values (1, '${bare}', '${bareOther}');\n`;
    expect(await rated(sql)).toEqual(['us-ssn high column "ssn" [people.ssn]']);
  });

  it('JSON and YAML keys, key=value lines, XML elements and attributes', async () => {
    const text = [
      `{"ssn": "${bare}", "order_no": "${bareOther}"}`,
      `ssn: ${bare}`,
      `order_no: ${bareOther}`,
      `SSN=${bare}`,
      `<ssn>${bare}</ssn><orderNo>${bareOther}</orderNo>`,
      `<person ssn="${bare}" order_no="${bareOther}"/>`,
    ].join('\n');
    expect(await rated(text)).toEqual(['us-ssn high key "ssn"', 'us-ssn high key "ssn"', 'us-ssn high key "SSN"', 'us-ssn high key "ssn"', 'us-ssn high key "ssn"']);
  });

  it('keys in assignment and hash syntax: :=, =>, backticks, dotted names', async () => {
    const text = [`ssn := ${bare}`, `"ssn" => '${bare}'`, `\`ssn\`: ${bare}`, `  person.ssn = "${bare}"`, `order_no := ${bareOther}`, `"order_no" => '${bareOther}'`].join('\n');
    expect(await rated(text)).toEqual(['us-ssn high key "ssn"', 'us-ssn high key "ssn"', 'us-ssn high key "ssn"', 'us-ssn high key "person.ssn"']);
  });

  it('two matches overlapping across a window border are one finding, as in one pass', async () => {
    // The domain of one address is the local part of the next when a separator is missing.
    const glued = ['920john', 'example.comjohn', 'corp.io'].join('@');
    const text = Array.from({ length: 40 }, (_, i) => `${'x'.repeat(i)} ${glued} (${i})`).join('\n');
    const found = await rated(text);
    expect(found).toHaveLength(40);
  });

  it('a key far before its value counts whatever the window borders (aligned YAML)', async () => {
    const lines = 'id: 7\n'.repeat(100);
    expect(await rated(`${lines}ssn:${' '.repeat(80)}${bare}\n${lines}`)).toEqual(['us-ssn high key "ssn"']);
  });

  it('free text: a label just before the value counts, an unrelated number does not', async () => {
    expect(await rated(`verified identity with Social Security number ${bare} today`)).toEqual(['us-ssn high near "social security number"']);
    expect(await rated(`order ${bare} shipped`)).toEqual([]);
  });

  it('a card number under order_id is low confidence: kept by the engine, left out of default reports', async () => {
    const card = cardNumber(21);
    expect(await rated(`order_id,card_number\n${card},${cardNumber(22)}\n`)).toEqual(['payment-card low column "order_id"', 'payment-card high column "card_number"']);
    const dir = tempTree({ 'orders.csv': `order_id,note\n${card},x\n` });
    expect(runCli(['scan', '.', '--format', 'json'], { cwd: dir }).code).toBe(0);
    const low = runCli(['scan', '.', '--format', 'json', '--min-confidence', 'low'], { cwd: dir });
    expect(low.code).toBe(1);
    const [finding] = JSON.parse(low.stdout).findings;
    expect(finding).toMatchObject({ ruleId: 'payment-card', confidence: 'low', reason: 'column "order_id"', field: 'order_id' });
    expect(low.stdout).not.toContain(card);
  });

  it('shows confidence and reason in the text report; rejects an unknown --min-confidence', () => {
    const dir = tempTree({ 'people.csv': `name,ssn\nJane,${bare}\n` });
    const text = runCli(['scan', '.'], { cwd: dir });
    expect(text.stdout).toContain('(high: column "ssn")');
    const bad = runCli(['scan', '.', '--min-confidence', 'certain'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('piiguard: --min-confidence must be one of high, medium, low, got "certain"\n');
  });

  it('names that could be data are not repeated in reasons', async () => {
    const found = await rated(`{"${'x'.repeat(3)}12345": {"ssn_holder_555123": "${bare}"}}`);
    expect(found.every((f) => !/\d{3}/.test(f))).toBe(true);
  });
});

describe('a rule reported only with its context words (date of birth)', () => {
  const birthDate = (i: number) => `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
  // Dates under no telling word: never reported, in every window before the word shows up.
  const shipped = Array.from({ length: 60 }, (_, i) => `order ${i} shipped ${birthDate(i)}`).join('\n');

  it('is reported after the word, in any case or spelling, in whatever window it sits', async () => {
    expect(await rated(`${shipped}\nDate Of Birth: ${birthDate(1)}\n${shipped}\nborn ${birthDate(2)}, D.O.B ${birthDate(3)}\n`)).toEqual([
      'date-of-birth high key "Birth"',
      'date-of-birth high near "born"',
      'date-of-birth high near "d o b"',
    ]);
  });

  it('is reported under a column header far above its rows', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => `${i},${birthDate(i)},note ${i}`).join('\n');
    const found = await rated(`id,dateOfBirth,notes\n${rows}\n`);
    expect(found).toHaveLength(80);
    expect(new Set(found)).toEqual(new Set(['date-of-birth high column "dateOfBirth"']));
  });
});
