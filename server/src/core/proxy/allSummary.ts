// `proxy-config all` text output: bootstrap versions, then the cluster, listener, route, secret
// and EDS tables with a NAME column, optionally under "------ X INFO ------" headers.
import { bootstrapInfo } from './bootstrap';
import { clusterRows } from './clusters';
import { edsRows } from './endpoints';
import { listenerRows } from './listeners';
import { renderTable } from './render';
import { routeRows } from './routes';
import { secretRows, type SecretOptions } from './secrets';
import type { ConfigDump } from './types';

export interface AllOptions extends SecretOptions {
  /** Section banners, as `istioctl proxy-config all` prints them for a terminal. */
  readonly headers?: boolean;
}

/** Sections present in the dump are printed; a missing bootstrap section is skipped. */
export function renderAll(dump: ConfigDump, opts: AllOptions): string {
  const t = { includeConfigType: true };
  const sections: [string, string][] = [];
  if (dump.bootstrap) sections.push(['BOOTSTRAP', renderTable('bootstrap', bootstrapInfo(dump))]);
  sections.push(['CLUSTER', renderTable('cluster', clusterRows(dump), t)]);
  sections.push(['LISTENER', renderTable('listener', listenerRows(dump), t)]);
  sections.push(['ROUTE', renderTable('route', routeRows(dump), t)]);
  sections.push(['SECRET', renderTable('secret', secretRows(dump, opts), t)]);
  sections.push(['ENDPOINTS', renderTable('eds', edsRows(dump), t)]);
  return sections.map(([name, body]) => (opts.headers ? `------ ${name} INFO ------\n\n${body}` : body)).join('\n');
}
