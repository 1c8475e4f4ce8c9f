// Istio's port protocol names (case-insensitive) and their families.
const KNOWN = new Set(['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql']);
const HTTP = new Set(['http', 'http2', 'http_proxy', 'grpc', 'grpc-web']);
const TLS = new Set(['https', 'tls']);

export const isKnownProtocol = (p: string): boolean => KNOWN.has(p.toLowerCase());
export const isHTTPProtocol = (p: string): boolean => HTTP.has(p.toLowerCase());
export const isTLSProtocol = (p: string): boolean => TLS.has(p.toLowerCase());
/** Protocols carried over TCP (everything known but UDP). */
export const isTCPProtocol = (p: string): boolean => KNOWN.has(p.toLowerCase()) && p.toLowerCase() !== 'udp';

/** Empty means "sniff": allowed where the webhook allows it. */
export function protocolError(p: string): string | undefined {
  return p === '' || isKnownProtocol(p) ? undefined : `unsupported protocol: ${p}`;
}
