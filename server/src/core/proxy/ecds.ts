// ECDS rows as istioctl `proxy-config ecds` prints them: name and typed_config type, sorted by type then name.
import { obj, str } from './json';
import type { ConfigDump, EcdsRow } from './types';
import { compareText } from '../text/compare';

export function ecdsRows(dump: ConfigDump): EcdsRow[] {
  const rows = dump.ecds.map((e) => ({
    name: e.name,
    type: str(obj(e.resource, 'typed_config'), '@type').replace(/^type\.googleapis\.com\//, ''),
    ...(e.versionInfo ? { versionInfo: e.versionInfo } : {}),
  }));
  return rows.sort((a, b) => compareText(a.type, b.type) || compareText(a.name, b.name));
}
