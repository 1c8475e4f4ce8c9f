// Tiny flag parser shared by the proxy commands: `--name value`, `--name=value`, `-o value`,
// boolean flags, repeatable flags. Unknown flags are usage errors, never ignored.
export interface FlagSpec { [name: string]: 'string' | 'boolean' | 'list' }

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export class UsageError extends Error {}

export function parseFlags(args: string[], spec: FlagSpec, aliases: Record<string, string> = {}): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') { out.positional.push(a); continue; }
    const eq = a.indexOf('=');
    let name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    name = aliases[name] ?? name;
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option '${a}'`);
    if (kind === 'boolean') { out.flags[name] = true; continue; }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
    if (kind === 'list') out.flags[name] = [...((out.flags[name] as string[] | undefined) ?? []), value];
    else out.flags[name] = value;
  }
  return out;
}

export function str(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function int(p: ParsedArgs, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got '${v}'`);
  return n;
}
