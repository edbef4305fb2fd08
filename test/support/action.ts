// Runs the bundled Action entry the way the Actions runner does: `node dist/action.js` in the workspace,
// inputs as INPUT_* variables, outputs and the job summary in GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempTree } from './cli.js';

const ACTION = path.join(ROOT, 'dist', 'action.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: Array<{ name: string; props: Record<string, string>; data: string }>;
}

/** Parses `name<<DELIM` blocks and `name=value` lines as the runner does. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      out[lines[i]!.slice(0, lines[i]!.indexOf('='))] = lines[i]!.slice(lines[i]!.indexOf('=') + 1);
    }
  }
  return out;
}

const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Workflow commands as the runner reads them, honouring `::stop-commands::TOKEN` … `::TOKEN::`. */
function parseCommands(stdout: string): ActionRun['commands'] {
  let stoppedBy: string | undefined;
  return stdout.split('\n').flatMap((line) => {
    if (stoppedBy !== undefined) {
      if (line === `::${stoppedBy}::`) stoppedBy = undefined;
      return [];
    }
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) return [];
    if (m[1] === 'stop-commands') {
      stoppedBy = m[3];
      return [];
    }
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
    return [{ name: m[1]!, props, data: unescape(m[3]!) }];
  });
}

export function runAction(workspace: string, inputs: Record<string, string> = {}): ActionRun {
  const files = tempTree({ output: '', summary: '' });
  const defaults = { paths: '', 'working-directory': '.', config: '', baseline: '', 'fail-on': '', 'min-confidence': '', format: 'text', 'sarif-file': 'piiguard.sarif', 'max-file-size': '', shard: '' };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  const res = spawnSync(process.execPath, [ACTION], { cwd: workspace, env, encoding: 'utf8' });
  return {
    code: res.status ?? -1,
    stdout: res.stdout,
    stderr: res.stderr,
    outputs: parseOutputs(fs.readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    summary: fs.readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    commands: parseCommands(res.stdout),
  };
}

