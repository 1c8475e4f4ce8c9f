// Collects diagnostics per URI from independent layers (the per-file check of open documents,
// later the cross-file workspace analysis), merges them, and publishes only URIs whose merged
// list changed since the last publish.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';

export type Publish = (uri: string, diagnostics: Diagnostic[]) => void;

export interface Totals {
  errors: number;
  warnings: number;
}

export class DiagnosticsSink {
  private readonly layers = new Map<string, Map<string, Diagnostic[]>>();
  private readonly published = new Map<string, { key: string; diagnostics: Diagnostic[]; totals: Totals }>();
  /** Running sums over `published` (kept per flush: a status update must not walk the workspace). */
  private readonly sums: Totals = { errors: 0, warnings: 0 };
  private readonly dirty = new Set<string>();

  constructor(private readonly publish: Publish) {}

  /** Replaces one layer's diagnostics for one URI (an empty list clears it). */
  set(layer: string, uri: string, diagnostics: Diagnostic[]): void {
    let m = this.layers.get(layer);
    if (!m) this.layers.set(layer, (m = new Map()));
    if (diagnostics.length === 0) m.delete(uri);
    else m.set(uri, diagnostics);
    this.dirty.add(uri);
  }

  /** Replaces a whole layer: URIs absent from `byUri` lose that layer's diagnostics. */
  replaceLayer(layer: string, byUri: ReadonlyMap<string, Diagnostic[]>): void {
    const old = this.layers.get(layer);
    if (old) for (const uri of old.keys()) if (!byUri.has(uri)) this.set(layer, uri, []);
    for (const [uri, d] of byUri) this.set(layer, uri, d);
  }

  /** Drops every layer's diagnostics for a URI (file deleted). */
  clear(uri: string): void {
    for (const layer of this.layers.keys()) this.set(layer, uri, []);
  }

  merged(uri: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of this.layers.values()) out.push(...(m.get(uri) ?? []));
    return out;
  }

  /** Publishes changed URIs; returns how many were sent. */
  flush(): number {
    let sent = 0;
    for (const uri of this.dirty) {
      const diagnostics = this.merged(uri);
      const key = JSON.stringify(diagnostics);
      const prev = this.published.get(uri);
      if (prev ? prev.key === key : diagnostics.length === 0) continue;
      if (prev) {
        this.sums.errors -= prev.totals.errors;
        this.sums.warnings -= prev.totals.warnings;
      }
      if (diagnostics.length === 0) {
        this.published.delete(uri);
      } else {
        const totals = count(diagnostics);
        this.sums.errors += totals.errors;
        this.sums.warnings += totals.warnings;
        this.published.set(uri, { key, diagnostics, totals });
      }
      this.publish(uri, diagnostics);
      sent++;
    }
    this.dirty.clear();
    return sent;
  }

  /** Counts over everything currently published. */
  totals(): Totals {
    return { ...this.sums };
  }
}

function count(diagnostics: readonly Diagnostic[]): Totals {
  const t = { errors: 0, warnings: 0 };
  for (const d of diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) t.errors++;
    else if (d.severity === DiagnosticSeverity.Warning) t.warnings++;
  }
  return t;
}
