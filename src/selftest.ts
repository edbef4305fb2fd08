// A rule's own examples are its contract: each `match` text yields exactly its value, each
// `noMatch` text yields nothing. Used on load for user rules and by the test suite for all rules.
import { confidenceRank, DEFAULT_MIN_CONFIDENCE } from './context.js';
import { detect } from './detect.js';
import type { CompiledRule, EngineFinding } from './types.js';

/** What a default run reports. */
function reported(findings: EngineFinding[]): EngineFinding[] {
  return findings.filter((f) => confidenceRank(f.confidence) >= confidenceRank(DEFAULT_MIN_CONFIDENCE));
}

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

/** Problems with a rule's examples (empty when they all hold). Messages never repeat example values. */
export async function checkExamples(rule: CompiledRule): Promise<string[]> {
  const problems: string[] = [];
  const { match, noMatch } = rule.spec.examples;
  for (const [i, example] of match.entries()) {
    const text = Buffer.from(example.text, 'utf8');
    const findings = reported((await detect(once(text), [rule], 'example')).findings);
    const values = findings.map((f) => text.subarray(f.offset, f.offset + f.length).toString('utf8'));
    if (values.length !== 1 || values[0] !== example.value) {
      problems.push(`rule "${rule.id}" (${rule.source}): examples.match[${i}] yields ${values.length} match(es)${values.length === 1 ? ' with a different value' : ''}, expected exactly its value`);
    }
  }
  for (const [i, text] of noMatch.entries()) {
    const findings = reported((await detect(once(Buffer.from(text, 'utf8')), [rule], 'example')).findings);
    if (findings.length > 0) problems.push(`rule "${rule.id}" (${rule.source}): examples.noMatch[${i}] yields ${findings.length} match(es), expected none`);
  }
  return problems;
}
