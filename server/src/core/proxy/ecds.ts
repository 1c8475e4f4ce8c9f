// ECDS rows as istioctl `proxy-config ecds` prints them: name and typed_config type, sorted by type then name.
import { obj, str } from './json';
import type { ConfigDump, EcdsRow } from './types';

export function ecdsRows(dump: ConfigDump): EcdsRow[] {
  const rows = dump.ecds.map((e) => ({
    name: e.name,
    type: str(obj(e.resource, 'typed_config'), '@type').replace(/^type\.googleapis\.com\//, ''),
    ...(e.versionInfo ? { versionInfo: e.versionInfo } : {}),
  }));
  return rows.sort((a, b) => (a.type !== b.type ? (a.type < b.type ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
