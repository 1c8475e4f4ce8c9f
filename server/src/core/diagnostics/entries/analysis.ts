import type { CatalogEntry } from '../catalog';

export const analysisEntries = {
} as const satisfies Record<string, CatalogEntry>;
