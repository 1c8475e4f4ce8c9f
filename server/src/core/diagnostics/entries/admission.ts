import type { CatalogEntry } from '../catalog';

// Istio's validating webhook (istiod) rules that go beyond the CRD schema and its CEL rules.
// IST0106/IST0133 are how `istioctl analyze` reports them; `err` is the field path followed by
// the webhook's own wording. HM6xxx are admission-time checks istiod does not make but that
// catch values Istio silently treats differently from what the author meant.
export const admissionEntries = {
  SchemaValidationError: {
    code: 'IST0106',
    severity: 'error',
    args: ['err'],
    template: 'Schema validation error: {err}',
    summary: "The resource is rejected by Istio's validating webhook (a rule beyond the CRD schema).",
  },
  SchemaWarning: {
    code: 'IST0133',
    severity: 'warning',
    args: ['err'],
    template: 'Schema validation warning: {err}',
    summary: "Istio's validating webhook accepts the resource but warns about it.",
  },
  AdmissionLiteralWildcard: {
    code: 'HM6001',
    severity: 'warning',
    args: ['field', 'value'],
    template: '{field}: "{value}" has a `*` that is neither a prefix nor a suffix: it is matched literally, not as a wildcard',
    summary: 'An AuthorizationPolicy value uses `*` in the middle; Istio only supports prefix, suffix or presence (`*`) matching.',
  },
  AdmissionCheckFailed: {
    code: 'HM6002',
    severity: 'information',
    args: ['reason'],
    template: 'Admission rules could not check this resource: {reason}',
    summary: 'An unexpected document shape stopped the admission checks for this resource; other checks still ran.',
  },
} as const satisfies Record<string, CatalogEntry>;
