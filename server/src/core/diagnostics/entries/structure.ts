import type { CatalogEntry } from '../catalog';

// YAML syntax and document structure. Bad input is always reported here, never dropped silently.
export const structureEntries = {
  YamlSyntax: { code: 'HM1001', severity: 'error', args: ['detail'], template: 'YAML syntax error: {detail}', summary: 'The file is not valid YAML.' },
  DuplicateKey: { code: 'HM1002', severity: 'error', args: ['key'], template: 'Duplicate key "{key}": the API server rejects a mapping with repeated keys', summary: 'A mapping repeats a key.' },
  TabIndent: { code: 'HM1003', severity: 'error', args: [], template: 'Tabs are not allowed as YAML indentation; use spaces', summary: 'A line is indented with a tab.' },
  AliasBomb: { code: 'HM1004', severity: 'error', args: ['cap'], template: 'Too many alias expansions (more than {cap}): the document was not checked', summary: 'YAML aliases expand into a huge document (alias bomb).' },
  FileTooLarge: { code: 'HM1005', severity: 'warning', args: ['size', 'cap'], template: 'File is {size}; files over {cap} are not checked', summary: 'The file exceeds the size cap and was skipped.' },
  DocumentTooLarge: { code: 'HM1006', severity: 'warning', args: ['size', 'cap'], template: 'Document is {size}; documents over {cap} (the API server stores at most 1.5 MiB per object) are not checked', summary: 'One document exceeds the size cap and was skipped.' },
  BinaryContent: { code: 'HM1007', severity: 'error', args: ['detail'], template: 'Binary content, not YAML text ({detail}): the file was not checked', summary: 'The file holds NUL bytes or is not UTF-8 text.' },
  NestingTooDeep: { code: 'HM1008', severity: 'error', args: ['cap'], template: 'Nesting deeper than {cap} levels: the document was not checked', summary: 'A document nests collections too deeply to be a Kubernetes object.' },
  NotAMapping: { code: 'HM1009', severity: 'warning', args: ['what'], template: 'Document is {what}, not a Kubernetes object (a mapping with apiVersion and kind): skipped', summary: 'A document is a list or a scalar and was skipped.' },
  NoDocuments: { code: 'HM1010', severity: 'information', args: ['what'], template: 'File has no YAML documents ({what}): nothing to check', summary: 'The file is empty or holds only comments.' },
  MissingApiVersion: { code: 'HM1011', severity: 'error', args: [], template: 'apiVersion not set: every Kubernetes object needs apiVersion', summary: 'A Kubernetes-looking document has no apiVersion.' },
  MissingKind: { code: 'HM1012', severity: 'error', args: [], template: 'kind not set: every Kubernetes object needs kind', summary: 'A Kubernetes-looking document has no kind.' },
  BadTypeMeta: { code: 'HM1013', severity: 'error', args: ['field'], template: '{field} must be a string', summary: 'apiVersion or kind is not a string.' },
  InternalError: { code: 'HM1014', severity: 'warning', args: ['family', 'detail'], template: 'Internal error in {family} checks ({detail}); other checks still ran', summary: 'A rule family failed on this document; the others still reported.' },
  TooManyFindings: { code: 'HM1015', severity: 'information', args: ['count', 'max'], template: '{count} more findings in this document were not shown (at most {max} per document); fix the ones shown first', summary: 'A document has more findings than are shown; the first ones by position are listed.' },
} as const satisfies Record<string, CatalogEntry>;
