import type { CatalogEntry } from '../catalog';

export const celEntries = {
} as const satisfies Record<string, CatalogEntry>;
