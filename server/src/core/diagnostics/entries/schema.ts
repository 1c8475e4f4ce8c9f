import type { CatalogEntry } from '../catalog';

export const schemaEntries = {
} as const satisfies Record<string, CatalogEntry>;
