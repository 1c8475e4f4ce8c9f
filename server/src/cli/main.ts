// `hybrid-mesh <command> ...`: one table of subcommands, each in its own module.
// Exit codes: 0 success (lint: no error-severity diagnostic), 1 lint found errors, 2 usage or I/O failure.
import type { CliCommand } from './command';

const commands: Record<string, () => Promise<CliCommand>> = {
  lint: () => import('./lint').then((m) => m.lintCommand),
  'proxy-config': () => import('./proxyConfig').then((m) => m.proxyConfigCommand),
  'proxy-status': () => import('./proxyStatus').then((m) => m.proxyStatusCommand),
  'simulate-sidecar': () => import('./simulateSidecar').then((m) => m.simulateSidecarCommand),
};

function usage(): string {
  return [
    'usage: hybrid-mesh <command> [options]',
    '',
    'commands:',
    ...Object.keys(commands).map((c) => `  ${c}`),
    '',
    "Run 'hybrid-mesh <command> --help' for a command's options.",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`hybrid-mesh: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  const cmd = await load();
  return cmd.run(rest, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`hybrid-mesh: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
