import type { CatalogEntry } from '../catalog';

// CEL rules (x-kubernetes-validations) of the Istio CRDs, worded as `kubectl apply` reports them.
export const celEntries = {
  CelRuleFailed: { code: 'HM3001', severity: 'error', args: ['path', 'message'], template: '{path}: {message}', summary: 'A validation rule (x-kubernetes-validations) of the CRD is not satisfied; the API server rejects the resource.' },
  CelRuleError: { code: 'HM3002', severity: 'error', args: ['path', 'message'], template: '{path}: {message}', summary: 'A validation rule of the CRD fails with an error at run time; the API server rejects the resource.' },
  CelRuleUnsupported: { code: 'HM3003', severity: 'warning', args: ['path', 'message'], template: '{path}: rule not checked: {message}', summary: 'A validation rule of the CRD could not be compiled here, so it was not checked.' },
} as const satisfies Record<string, CatalogEntry>;
