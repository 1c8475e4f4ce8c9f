// Public API of the proxy data model: parse what an Envoy sidecar, istio-agent or istiod serves,
// turn it into the rows of `istioctl proxy-config` / `proxy-status`, and render them.
// Pure: callers fetch the bodies (HTTP, SSH tunnel, Kubernetes, file) and pass them in.
export { ProxyDataError } from './errors';
export type * from './types';
export { parseConfigDump, activeOf } from './configDump';
export { clusterRows, filterClusters, parseClusterName, type ClusterFilter } from './clusters';
export { listenerRows, filterListeners, type ListenerFilter } from './listeners';
export { routeRows, routeSummaries, filterRoutes, describeRouteDomains, type RouteFilter } from './routes';
export { parseClustersJson, endpointRows, edsRows, filterEndpoints, filterEds, type ClustersInfo, type ClusterStatus, type HostInfo, type EndpointFilter, type EdsFilter } from './endpoints';
export { ecdsRows } from './ecds';
export { renderAll, type AllOptions } from './allSummary';
export { formatTimeLeft } from './timeLeft';
export { secretRows, parseCerts, istioSerial, type SecretOptions, type CertsInfo, type CertDetails } from './secrets';
export { bootstrapInfo, parseServerInfo, versionSummary, type ServerInfo } from './bootstrap';
export { parseReady, parseStats, parsePrometheus, type Readiness, type PromFamily, type PromSample } from './admin';
export { parseSyncz, syncState, shortTypeName, type SynczOptions } from './syncz';
export { renderTable, toJson, toYaml, toDocument, type RowKind, type RowsByKind, type TableOptions } from './render';
export { summarizeDump, type DumpSummary } from './summary';
export { parseCertificate, pemBlocks, chainsTo, type Certificate, type SignatureVerifier } from './x509';
export { tabwrite } from './tabwriter';
