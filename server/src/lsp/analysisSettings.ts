// Settings of the workspace analysis (section `hybridMesh.analysis`, window scope): whether it
// runs, and the namespace of resources that name none. Garbage falls back to the defaults.
export interface AnalysisSettings {
  enable: boolean;
  defaultNamespace: string;
}

export const ANALYSIS_SECTION = 'hybridMesh.analysis';
export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = { enable: true, defaultNamespace: 'default' };

/** A Kubernetes namespace name (RFC 1123 label). */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function normalizeAnalysisSettings(raw: unknown): AnalysisSettings {
  const r = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const enable = typeof r.enable === 'boolean' ? r.enable : r.enable === 'false' ? false : DEFAULT_ANALYSIS_SETTINGS.enable;
  const ns = typeof r.defaultNamespace === 'string' ? r.defaultNamespace.trim() : '';
  return { enable, defaultNamespace: NAMESPACE.test(ns) ? ns : DEFAULT_ANALYSIS_SETTINGS.defaultNamespace };
}

export const sameAnalysisSettings = (a: AnalysisSettings, b: AnalysisSettings): boolean =>
  a.enable === b.enable && a.defaultNamespace === b.defaultNamespace;
