// `hybrid-mesh lint`: validates YAML files with the same engine as the language server.
import type { CliCommand, CliIO } from './command';
import { createEngine } from '../node/engine';
import { formatLint } from './format';
import { LINT_USAGE, parseLintArgs } from './lintArgs';
import { crossFileAnalysis } from './lintAnalysis';
import { lintInputs, readInputs } from './lintRun';

async function run(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseLintArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`hybrid-mesh lint: ${parsed.error}\n${LINT_USAGE.split('\n')[0]}\n`);
    return 2;
  }
  if (parsed.args.help) {
    io.stdout.write(`${LINT_USAGE}\n`);
    return 0;
  }
  const { inputs, ioErrors } = await readInputs(parsed.args.paths, io.stdin);
  const engine = createEngine({ logger: { error: (m) => void io.stderr.write(`hybrid-mesh lint: ${m}\n`) } });
  const outcome = lintInputs(engine, inputs, crossFileAnalysis());
  io.stdout.write(formatLint(parsed.args.format, outcome.diagnostics));
  for (const e of ioErrors) io.stderr.write(`hybrid-mesh lint: ${e}\n`);
  for (const e of outcome.internalErrors) io.stderr.write(`hybrid-mesh lint: internal error in ${e}\n`);
  if (ioErrors.length > 0) return 2;
  return outcome.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export const lintCommand: CliCommand = { run };
