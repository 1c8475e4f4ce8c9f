// Server-relevant settings (section `hybridMesh`), typed once. The client answers
// `workspace/configuration` with whatever VS Code holds; both sides run it through
// normalizeSettings so defaults and coercion live in one pure function.

export type TraceLevel = 'off' | 'messages' | 'verbose';
export const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'verbose'];

export interface HybridMeshSettings {
  validation: {
    enable: boolean;
    /** Delay between the last edit of a document and its validation. */
    delayMs: number;
  };
  trace: { server: TraceLevel };
}

export const DEFAULT_SETTINGS: HybridMeshSettings = {
  validation: { enable: true, delayMs: 150 },
  trace: { server: 'off' },
};

const MAX_DELAY_MS = 5000;

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function bool(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return fallback;
}

function delay(v: unknown, fallback: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(MAX_DELAY_MS, Math.max(0, Math.round(n)));
}

export function isTraceLevel(v: unknown): v is TraceLevel {
  return typeof v === 'string' && (TRACE_LEVELS as readonly string[]).includes(v);
}

/** Fills defaults and coerces values from any raw configuration object (or garbage). */
export function normalizeSettings(raw: unknown): HybridMeshSettings {
  const r = record(raw);
  const validation = record(r.validation);
  const trace = record(r.trace);
  return {
    validation: {
      enable: bool(validation.enable, DEFAULT_SETTINGS.validation.enable),
      delayMs: delay(validation.delayMs, DEFAULT_SETTINGS.validation.delayMs),
    },
    trace: { server: isTraceLevel(trace.server) ? trace.server : DEFAULT_SETTINGS.trace.server },
  };
}
