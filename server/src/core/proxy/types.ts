// Row and document shapes shared by the proxy parsers, the renderers and the CLI.
// Times are RFC 3339 strings (second precision, UTC) so rows serialize as-is to JSON/YAML.

/** A JSON object from Envoy or istiod; keys may be snake_case (Envoy) or camelCase (istiod). */
export type Json = Record<string, unknown>;

/** One section of a config_dump whose `@type` we do not model: kept as-is. */
export interface RawSection { readonly type: string; readonly value: Json }

/** A resource of a dump section with its xDS bookkeeping. `resource` is the inner proto (Cluster, Listener...). */
export interface DumpEntry {
  readonly name: string;
  readonly resource: Json;
  readonly state: 'static' | 'active' | 'warming' | 'draining' | 'error';
  readonly versionInfo?: string;
  readonly lastUpdated?: string;
  /** Listener error_state.details or similar NACK text. */
  readonly error?: string;
}

export interface ConfigDump {
  /** Bootstrap message itself (not an Any), if the section is present. */
  readonly bootstrap?: Json;
  readonly clusters: DumpEntry[];
  readonly listeners: DumpEntry[];
  readonly routes: DumpEntry[];
  readonly scopedRoutes: DumpEntry[];
  readonly secrets: DumpEntry[];
  /** ClusterLoadAssignment entries (only present with include_eds). `state` is static|active. */
  readonly endpoints: DumpEntry[];
  readonly ecds: DumpEntry[];
  /** Sections present, by short name ('clusters', 'listeners', ...) in document order. */
  readonly sections: string[];
  /** Sections with an unknown @type, and list-only resources (`?resource=` responses) we could not place. */
  readonly raw: RawSection[];
}

export type Direction = 'inbound' | 'outbound' | 'inbound-vip' | string;

export interface ClusterRow {
  /** Full Envoy cluster name. */
  readonly name: string;
  readonly fqdn: string;
  /** Port number as text, or '-' for non-Istio names. */
  readonly port: string;
  /** Subset or '-'. */
  readonly subset: string;
  /** 'outbound', 'inbound', 'inbound-vip', or '-'. */
  readonly direction: Direction;
  /** Discovery type enum name: EDS, STATIC, STRICT_DNS, LOGICAL_DNS, ORIGINAL_DST. */
  readonly type: string;
  /** `name.namespace`, '<unknown>' or '' when there is no istio.config metadata. */
  readonly destinationRule: string;
  readonly state: DumpEntry['state'];
}

export interface ListenerRow {
  readonly name: string;
  /** Comma-joined addresses (socket address or pipe path). */
  readonly addresses: string;
  readonly port: number;
  /** istioctl MATCH column: 'ALL', 'SNI: ...; Trans: tls', ... */
  readonly match: string;
  /** istioctl DESTINATION column. */
  readonly destination: string;
  /** HTTP, TCP, HTTP+TCP or UNKNOWN (the listener as a whole). */
  readonly type: string;
  readonly state: DumpEntry['state'];
}

export interface RouteRow {
  readonly name: string;
  readonly vhost: string;
  readonly domains: string;
  readonly match: string;
  readonly virtualService: string;
}

export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'DRAINING' | 'DEGRADED' | 'TIMEOUT' | 'UNKNOWN';

export interface EndpointRow {
  /** 'ip:port', 'unix://path', 'envoy://listener/id' or 'unknown'. */
  readonly endpoint: string;
  readonly address: string;
  readonly port: number;
  readonly status: HealthStatus;
  readonly outlierCheck: 'OK' | 'FAILED';
  readonly cluster: string;
  /** Workload name/namespace from EDS metadata (istio workload label), when known. */
  readonly workload?: string;
  readonly locality?: string;
  readonly weight?: number;
  /** Active health check failed (not shown by istioctl, useful for diagnosis). */
  readonly failedActiveHealthCheck?: boolean;
}

/** istioctl `proxy-config eds` row (from a config_dump with include_eds). */
export interface EdsRow {
  readonly endpoint: string;
  readonly status: string;
  readonly locality: string;
  readonly cluster: string;
  readonly workload?: string;
}

export interface SecretRow {
  readonly name: string;
  /** 'Cert Chain', 'CA', or '' when there is no certificate data. */
  readonly type: string;
  /** ACTIVE | WARMING | STATIC. */
  readonly status: string;
  readonly validCert: boolean;
  /** istioctl form: lowercase hex, zero-padded to 32 digits. '' when absent. */
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly trustDomain: string;
  /** SPIFFE URI SAN, e.g. spiffe://cluster.local/ns/default/sa/bookinfo. */
  readonly identity: string;
  /** Seconds from "now" until notAfter (negative once expired); null without cert data. */
  readonly timeLeftSeconds: number | null;
  /** For workload certs: whether the leaf chains to a ROOTCA certificate. null when not checked. */
  readonly chainsToRoot: boolean | null;
  /** Certificates in the PEM bundle (leaf first). */
  readonly chainLength: number;
  readonly versionInfo?: string;
  readonly lastUpdated?: string;
  /** Why the certificate data could not be read (the row is still listed). */
  readonly error?: string;
}

export interface BootstrapInfo {
  readonly nodeId: string;
  /** sidecar | router | waypoint | ... (first piece of the node id). */
  readonly proxyType: string;
  readonly ipAddress: string;
  readonly podName: string;
  readonly namespace: string;
  readonly istioVersion: string;
  readonly istioProxySha: string;
  readonly envoyVersion: string;
  readonly clusterId: string;
  readonly network: string;
  readonly meshId: string;
  readonly workloadName: string;
  readonly labels: Record<string, string>;
  /** VM: node metadata says the proxy is not in Kubernetes (no POD_NAME / INTERCEPTION_MODE hints). */
  readonly platform: string;
}

export type SyncState = 'SYNCED' | 'STALE' | 'NOT SENT' | 'ERROR' | 'IGNORED' | 'UNKNOWN';

export interface SyncRow {
  readonly proxy: string;
  readonly clusterId: string;
  readonly istiod: string;
  readonly version: string;
  readonly proxyType: string;
  readonly cds: SyncState;
  readonly lds: SyncState;
  readonly eds: SyncState;
  readonly rds: SyncState;
  readonly ecds: SyncState;
  /** Short type names subscribed to, in istioctl order (CDS,LDS,EDS,RDS,ECDS,...). */
  readonly subscribedTypes: string[];
  /** NACK / lastError messages keyed by short type name. */
  readonly errors: Record<string, string>;
  /** State of every subscribed type by short name (CDS, LDS, ..., also WDS/NDS for ambient). */
  readonly states: Record<string, SyncState>;
}

export interface EcdsRow {
  readonly name: string;
  /** typed_config @type without `type.googleapis.com/`; '' when Envoy has not received it. */
  readonly type: string;
  readonly versionInfo?: string;
}
