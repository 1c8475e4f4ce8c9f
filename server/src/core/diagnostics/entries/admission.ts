import type { CatalogEntry } from '../catalog';

export const admissionEntries = {
} as const satisfies Record<string, CatalogEntry>;
