/** Bad proxy data (garbage JSON, wrong shape). `message` is one line: what, and where. */
export class ProxyDataError extends Error {
  constructor(
    /** Which document: 'config_dump', 'clusters', 'certs', 'server_info', 'syncz', ... */
    readonly source: string,
    readonly detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = 'ProxyDataError';
  }
}
