import type { CatalogEntry } from '../catalog';

export const proxyEntries = {
} as const satisfies Record<string, CatalogEntry>;
