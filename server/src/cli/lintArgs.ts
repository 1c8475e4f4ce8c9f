// Command line of `hybrid-mesh lint`: [--format text|json|sarif] PATH... ('-' is stdin).
export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintArgs {
  format: LintFormat;
  paths: string[];
  help: boolean;
}

export type ParsedLintArgs = { ok: true; args: LintArgs } | { ok: false; error: string };

export const LINT_USAGE = [
  'usage: hybrid-mesh lint [--format text|json|sarif] PATH...',
  '',
  'Checks Istio and Kubernetes YAML files. Directories are searched recursively for .yaml/.yml',
  "files; '-' reads one file from standard input.",
  '',
  'exit status: 0 no errors, 1 at least one error diagnostic, 2 usage or I/O failure',
].join('\n');

const isFormat = (v: string): v is LintFormat => (LINT_FORMATS as readonly string[]).includes(v);

export function parseLintArgs(argv: readonly string[]): ParsedLintArgs {
  let format: LintFormat = 'text';
  const paths: string[] = [];
  let help = false;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPaths || a === '-' || !a.startsWith('-')) {
      paths.push(a);
    } else if (a === '--') {
      onlyPaths = true;
    } else if (a === '--help' || a === '-h') {
      help = true;
    } else if (a === '--format' || a === '-f' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) return { ok: false, error: `option '${a}' needs a value (text, json or sarif)` };
      if (!isFormat(v)) return { ok: false, error: `unknown format '${v}' (expected text, json or sarif)` };
      format = v;
    } else {
      return { ok: false, error: `unknown option '${a}'` };
    }
  }
  if (!help && paths.length === 0) return { ok: false, error: 'no paths given' };
  if (paths.filter((p) => p === '-').length > 1) return { ok: false, error: "'-' (standard input) may be given only once" };
  return { ok: true, args: { format, paths, help } };
}
