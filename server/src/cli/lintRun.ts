// The lint pipeline: read every input first, check each file, then (hook) analyze across files,
// and turn findings into the CLI's diagnostic records with 0-based positions.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/diagnostics/finding';
import { finding } from '../core/diagnostics/finding';
import type { Severity } from '../core/diagnostics/severity';
import { decodeText } from '../core/parse/decode';
import { LineIndex, type Range } from '../core/text/span';
import type { Engine, FileCheck } from '../node/engine';
import { collectYamlFiles, ioMessage } from '../node/files';
import { checkIsolated } from '../node/isolatedCheck';
import { pathToUri } from '../node/uri';
import { compareText } from '../core/text/compare';

export const STDIN_NAME = '<stdin>';
const STDIN_URI = 'untitled:stdin';

/** One file to lint: its name as shown to the user, its URI for the core, and its text. */
export interface LintInput {
  file: string;
  uri: string;
  text: string;
  /** Set when the bytes are not UTF-8 text: the file gets this finding instead of a check. */
  unreadable?: Finding;
}

/** The JSON contract of `lint --format json`, one record per diagnostic (key order matters). */
export interface LintDiagnostic {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  resource: { kind: string; name: string; namespace: string | null } | null;
}

/** Cross-file analysis over every checked file; returns findings for any of their URIs. */
export type CrossFileHook = (checks: readonly FileCheck[], inputs: readonly LintInput[]) => Finding[];

export interface LintOutcome {
  diagnostics: LintDiagnostic[];
  /** Documents whose check threw (already reported as InternalError findings). */
  internalErrors: string[];
}

export function toInput(file: string, uri: string, bytes: Uint8Array): LintInput {
  const decoded = decodeText(bytes);
  if ('text' in decoded) return { file, uri, text: decoded.text };
  const unreadable = finding('BinaryContent', { detail: decoded.detail }, { uri, span: { start: 0, end: 0 } });
  return { file, uri, text: '', unreadable };
}

/** Expands paths and reads every file (and stdin) as bytes. */
export async function readInputs(paths: readonly string[], stdin: NodeJS.ReadableStream): Promise<{ inputs: LintInput[]; ioErrors: string[] }> {
  const inputs: LintInput[] = [];
  const ioErrors: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      inputs.push(toInput(STDIN_NAME, STDIN_URI, await readAll(stdin)));
      continue;
    }
    const { files, errors } = collectYamlFiles([p]);
    ioErrors.push(...errors);
    for (const f of files) {
      try {
        // A FIFO or socket would block the read forever (nobody writes to it): refuse it.
        const kind = specialKind(fs.statSync(f));
        if (kind) { ioErrors.push(`${f}: not a regular file (${kind})`); continue; }
        inputs.push(toInput(f, pathToUri(path.resolve(f)), fs.readFileSync(f)));
      } catch (e) {
        ioErrors.push(`${f}: ${ioMessage(e)}`);
      }
    }
  }
  return { inputs, ioErrors };
}

function specialKind(st: fs.Stats): string | undefined {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return undefined;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

export function lintInputs(engine: Engine, inputs: readonly LintInput[], crossFile?: CrossFileHook): LintOutcome {
  const checks: FileCheck[] = [];
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  for (const input of inputs) {
    if (input.unreadable) {
      findings.push(input.unreadable);
      continue;
    }
    const c = checkIsolated(engine, input.uri, input.text);
    for (const f of c.failures) internalErrors.push(`${input.file} (document ${f.docIndex}): ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    checks.push(c);
    findings.push(...c.findings);
  }
  if (crossFile) findings.push(...crossFile(checks, inputs));
  return { diagnostics: toDiagnostics(inputs, findings), internalErrors };
}

/** Code-unit order: the same output on every machine (localeCompare follows the user's locale). */

function toDiagnostics(inputs: readonly LintInput[], findings: readonly Finding[]): LintDiagnostic[] {
  const order = new Map(inputs.map((x, i) => [x.uri, i]));
  const lines = new Map<string, LineIndex>();
  const indexOf = (uri: string) => {
    let li = lines.get(uri);
    if (!li) lines.set(uri, (li = new LineIndex(inputs[order.get(uri)!].text)));
    return li;
  };
  const sorted = findings
    .filter((f) => order.has(f.uri))
    .sort((a, b) => order.get(a.uri)! - order.get(b.uri)! || a.span.start - b.span.start || a.span.end - b.span.end || compareText(a.code, b.code));
  return sorted.map((f) => ({
    file: inputs[order.get(f.uri)!].file,
    range: indexOf(f.uri).rangeOf(f.span),
    severity: f.severity,
    code: f.code,
    message: f.message,
    resource: f.resource ? { kind: f.resource.kind, name: f.resource.name, namespace: f.resource.namespace ?? null } : null,
  }));
}
