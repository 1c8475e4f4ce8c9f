import type { CatalogEntry } from '../catalog';

export const structureEntries = {
  YamlSyntax: { code: 'HM1001', severity: 'error', args: ['detail'], template: 'YAML syntax error: {detail}', summary: 'The file is not valid YAML.' },
} as const satisfies Record<string, CatalogEntry>;
