// Maps apiVersion/kind to the generated JSON Schema (schemas/index.json + one file per kind and
// version). Pure: the caller injects a synchronous loader that reads a file named in the index.
export interface SchemaIndexVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  file: string;
}

export interface SchemaIndexKind {
  group: string;
  kind: string;
  plural: string;
  listKind?: string;
  scope: string;
  versions: SchemaIndexVersion[];
}

export interface SchemaIndex {
  source: { crd: string; commit: string | null; license: string };
  kinds: SchemaIndexKind[];
}

/** The `x-hybrid-mesh` block the generator adds to each schema. */
export interface ServedInfo {
  group: string;
  version: string;
  kind: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  deprecationWarning: string | null;
}

export type SchemaLoader = (file: string) => object;

export type LookupResult =
  | { schema: Record<string, unknown>; served: ServedInfo; file: string }
  | { error: 'version-not-served'; servedVersions: string[]; group: string; kind: string }
  | { error: 'unknown-kind' };

export interface KindVersionPair {
  apiVersion: string;
  kind: string;
  storage: boolean;
}

export class SchemaRegistry {
  private readonly byGroupKind = new Map<string, SchemaIndexKind>();
  private readonly cache = new Map<string, Record<string, unknown>>();

  constructor(
    readonly index: SchemaIndex,
    private readonly load: SchemaLoader,
  ) {
    for (const k of index.kinds) this.byGroupKind.set(`${k.group}/${k.kind}`, k);
  }

  /** Schema for an apiVersion (`group/version`) and kind, loaded once and kept. */
  lookup(apiVersion: string, kind: string): LookupResult {
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = apiVersion.slice(slash + 1);
    const entry = this.byGroupKind.get(`${group}/${kind}`);
    if (!entry) return { error: 'unknown-kind' };
    const v = entry.versions.find((x) => x.name === version && x.served);
    if (!v) {
      const servedVersions = entry.versions.filter((x) => x.served).map((x) => x.name);
      return { error: 'version-not-served', servedVersions, group, kind };
    }
    let schema = this.cache.get(v.file);
    if (!schema) {
      const loaded: unknown = this.load(v.file);
      // A truncated or hand-edited file (`null`, a list) must say which file, not fail later on a property read.
      if (!loaded || typeof loaded !== 'object' || Array.isArray(loaded)) throw new Error(`schema file ${v.file} is not a JSON object`);
      schema = loaded as Record<string, unknown>;
      this.cache.set(v.file, schema);
    }
    const served = (schema['x-hybrid-mesh'] as ServedInfo | undefined) ?? {
      group, version, kind, served: true, storage: v.storage, deprecated: v.deprecated === true, deprecationWarning: null,
    };
    return { schema, served, file: v.file };
  }

  /** Kinds of one API group (e.g. `networking.istio.io`). */
  kindsForGroup(group: string): SchemaIndexKind[] {
    return this.index.kinds.filter((k) => k.group === group);
  }

  /** Every served apiVersion/kind pair, storage version first per kind (for completion). */
  allKinds(): KindVersionPair[] {
    const out: KindVersionPair[] = [];
    for (const k of this.index.kinds) {
      const served = k.versions.filter((v) => v.served);
      served.sort((a, b) => Number(b.storage) - Number(a.storage));
      for (const v of served) out.push({ apiVersion: `${k.group}/${v.name}`, kind: k.kind, storage: v.storage });
    }
    return out;
  }

  /** Istio commit the schemas were generated from (for hover text). */
  get sourceCommit(): string | null {
    return this.index.source.commit;
  }
}
