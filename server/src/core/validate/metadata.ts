// What the API server checks in ObjectMeta for every object, whatever its schema: the name
// (required, DNS-1123), the namespace (DNS-1123 label), label keys and values and annotation
// keys (qualified names). Messages are the apimachinery ones.
import { finding, type Finding } from '../diagnostics/finding';
import type { DocContext } from './context';
import { displayPath } from './paths';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** Kinds whose name must be a DNS-1123 label or a DNS-1035 label rather than a subdomain. */
const LABEL_NAMED = new Set(['Namespace']);
const DNS1035_NAMED = new Set(['Service']);

/** Why `name` is not a valid object name for `kind`, or undefined when it is. */
export function nameProblem(kind: string, name: string): string | undefined {
  if (DNS1035_NAMED.has(kind)) {
    if (name.length > 63) return 'must be no more than 63 characters';
    return DNS1035_LABEL.test(name) ? undefined : DNS1035_MSG;
  }
  if (LABEL_NAMED.has(kind)) {
    if (name.length > 63) return 'must be no more than 63 characters';
    return DNS1123_LABEL.test(name) ? undefined : LABEL_MSG;
  }
  if (name.length > 253) return 'must be no more than 253 characters';
  return DNS1123_SUBDOMAIN.test(name) ? undefined : SUBDOMAIN_MSG;
}

/** Why `key` is not a qualified name (`[prefix/]name`), or undefined. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253) return 'prefix part must be no more than 253 characters';
    if (!DNS1123_SUBDOMAIN.test(prefix)) return `prefix part ${SUBDOMAIN_MSG}`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  return QUALIFIED_NAME.test(name) ? undefined : QUALIFIED_MSG;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  return LABEL_VALUE.test(value) ? undefined : VALUE_MSG;
}

export function metadataFindings(ctx: DocContext): Finding[] {
  const out: Finding[] = [];
  const meta = ctx.value.metadata;
  const at = (path: (string | number)[], part: 'key' | 'value' = 'value') => ({ uri: '', span: ctx.span(path, part), resource: ctx.ref });
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) {
    if (!ctx.hasErrors) out.push(finding('NameRequired', {}, at(['metadata'], 'key')));
    return out;
  }
  const m = meta as Record<string, unknown>;
  if (typeof m.name === 'string' && m.name !== '') {
    const why = nameProblem(ctx.kind, m.name);
    if (why) out.push(finding('InvalidName', { value: m.name, detail: why }, at(['metadata', 'name'])));
  } else if (typeof m.generateName !== 'string' && !ctx.hasErrors) {
    out.push(finding('NameRequired', {}, at(['metadata', 'name'], 'key')));
  }
  if (typeof m.namespace === 'string' && m.namespace !== '') {
    const why = m.namespace.length > 63 ? 'must be no more than 63 characters' : DNS1123_LABEL.test(m.namespace) ? undefined : LABEL_MSG;
    if (why) out.push(finding('InvalidNamespace', { value: m.namespace, detail: why }, at(['metadata', 'namespace'])));
  }
  for (const field of ['labels', 'annotations'] as const) {
    const map = m[field];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [k, v] of Object.entries(map)) {
      const path = ['metadata', field, k];
      const keyWhy = qualifiedNameProblem(k);
      if (keyWhy) {
        const name = field === 'labels' ? 'InvalidLabelKey' : 'InvalidAnnotationKey';
        out.push(finding(name, { path: displayPath(path), value: k, detail: keyWhy }, at(path, 'key')));
      }
      if (field === 'labels' && typeof v === 'string') {
        const valueWhy = labelValueProblem(v);
        if (valueWhy) out.push(finding('InvalidLabelValue', { path: displayPath(path), value: v, detail: valueWhy }, at(path)));
      }
    }
  }
  return out;
}
