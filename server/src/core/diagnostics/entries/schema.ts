import type { CatalogEntry } from '../catalog';

// Schema checks: the CRD's OpenAPI schema plus what the API server applies beyond it (object
// metadata, strict field validation, list-map keys). Messages follow `kubectl apply`'s wording.
export const schemaEntries = {
  UnknownIstioKind: { code: 'HM2001', severity: 'warning', args: ['kind', 'apiVersion'], template: 'no matches for kind "{kind}" in version "{apiVersion}": not an Istio kind known to this schema set', summary: 'An Istio API group with a kind the CRDs do not define.' },
  KindVersionNotServed: { code: 'HM2002', severity: 'error', args: ['kind', 'apiVersion', 'versions'], template: 'no matches for kind "{kind}" in version "{apiVersion}": {kind} is served as {versions}', summary: 'The kind exists but not at this apiVersion.' },
  UnknownField: { code: 'HM2003', severity: 'error', args: ['path', 'field', 'hint'], template: '{path}: unknown field "{field}"{hint}', summary: 'A field the schema does not declare (strict field validation rejects it).' },
  RequiredField: { code: 'HM2004', severity: 'error', args: ['path'], template: '{path}: Required value', summary: 'A required field is missing.' },
  WrongType: { code: 'HM2005', severity: 'error', args: ['path', 'actual', 'expected'], template: '{path}: Invalid value: "{actual}": {path} in body must be of type {expected}: "{actual}"', summary: 'A value has the wrong type.' },
  UnsupportedValue: { code: 'HM2006', severity: 'error', args: ['path', 'value', 'supported', 'hint'], template: '{path}: Unsupported value: {value}: supported values: {supported}{hint}', summary: 'A value outside the field\'s enum.' },
  InvalidValue: { code: 'HM2007', severity: 'error', args: ['path', 'value', 'detail'], template: '{path}: Invalid value: {value}: {detail}', summary: 'A value breaks a schema constraint (range, pattern, format).' },
  TooMany: { code: 'HM2008', severity: 'error', args: ['path', 'count', 'max'], template: '{path}: Too many: {count}: must have at most {max} items', summary: 'A list has more items than allowed.' },
  DuplicateValue: { code: 'HM2009', severity: 'error', args: ['path', 'value'], template: '{path}: Duplicate value: {value}', summary: 'A list-map key or set item appears twice.' },
  MutuallyExclusive: { code: 'HM2010', severity: 'error', args: ['path', 'fields'], template: '{path}: Invalid value: only one of {fields} may be set', summary: 'Fields of a oneOf group are set together.' },
  NameRequired: { code: 'HM2011', severity: 'error', args: [], template: 'metadata.name: Required value: name or generateName is required', summary: 'The object has no metadata.name.' },
  InvalidName: { code: 'HM2012', severity: 'error', args: ['value', 'detail'], template: 'metadata.name: Invalid value: "{value}": {detail}', summary: 'metadata.name is not a valid DNS-1123 name.' },
  InvalidNamespace: { code: 'HM2013', severity: 'error', args: ['value', 'detail'], template: 'metadata.namespace: Invalid value: "{value}": {detail}', summary: 'metadata.namespace is not a valid DNS-1123 label.' },
  InvalidLabelKey: { code: 'HM2014', severity: 'error', args: ['path', 'value', 'detail'], template: '{path}: Invalid value: "{value}": {detail}', summary: 'A label key is not a valid qualified name.' },
  InvalidLabelValue: { code: 'HM2015', severity: 'error', args: ['path', 'value', 'detail'], template: '{path}: Invalid value: "{value}": {detail}', summary: 'A label value is not valid.' },
  InvalidAnnotationKey: { code: 'HM2016', severity: 'error', args: ['path', 'value', 'detail'], template: '{path}: Invalid value: "{value}": {detail}', summary: 'An annotation key is not a valid qualified name.' },
  TooLong: { code: 'HM2017', severity: 'error', args: ['path', 'max'], template: '{path}: Too long: may not be longer than {max}', summary: 'A string is longer than the schema allows.' },
  SchemaUnavailable: { code: 'HM2018', severity: 'warning', args: ['apiVersion', 'kind', 'detail'], template: 'No schema for {apiVersion} {kind}: {detail}', summary: 'The schema could not be loaded or compiled; the document was not schema-checked.' },
  DeprecatedVersion: { code: 'HM2019', severity: 'warning', args: ['apiVersion', 'kind', 'detail'], template: '{apiVersion} {kind} is deprecated: {detail}', summary: 'The apiVersion is served but deprecated.' },
} as const satisfies Record<string, CatalogEntry>;
