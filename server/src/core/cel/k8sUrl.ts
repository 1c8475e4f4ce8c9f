// Kubernetes' CEL URL library (k8s.io/apiserver/pkg/cel/library/urls.go): `url(string)`,
// `isURL(string)` and the URL accessors. A URL value is a CEL map tagged in a WeakSet, so the
// accessors accept only values made by url() and a plain map gets "no such overload".
import { celFunc, celMap, celMethod, CelScalar, listType, mapType, type CelMap } from '@bufbuild/cel';
import { GoUrlError, goEscapedPath, goHostname, goPort, goQuery, parseGoUrl, type GoUrl } from './goUrl';

const urls = new WeakMap<CelMap, GoUrl>();
const URL_TYPE = mapType(CelScalar.DYN, CelScalar.DYN);

function urlOf(v: CelMap): GoUrl {
  const u = urls.get(v);
  if (!u) throw new Error('no such overload');
  return u;
}

function toUrl(s: string): CelMap {
  try {
    // ParseRequestURI validates (absolute URL required); Parse fills the fields, as Kubernetes does.
    parseGoUrl(s, true);
    const u = parseGoUrl(s, false);
    const v = celMap(new Map<string, string>([['url', s]]));
    urls.set(v, u);
    return v;
  } catch (e) {
    if (e instanceof GoUrlError) throw new Error(`URL parse error during conversion from string: parse "${s}": ${e.message}`);
    throw e;
  }
}

function isUrl(s: string): boolean {
  try {
    parseGoUrl(s, true);
    return true;
  } catch {
    return false;
  }
}

export const k8sUrlFuncs = [
  celFunc('url', [CelScalar.STRING], URL_TYPE, toUrl),
  celFunc('isURL', [CelScalar.STRING], CelScalar.BOOL, isUrl),
  celMethod('getScheme', URL_TYPE, [], CelScalar.STRING, function () { return urlOf(this).scheme; }),
  celMethod('getHost', URL_TYPE, [], CelScalar.STRING, function () { return urlOf(this).host; }),
  celMethod('getHostname', URL_TYPE, [], CelScalar.STRING, function () { return goHostname(urlOf(this)); }),
  celMethod('getPort', URL_TYPE, [], CelScalar.STRING, function () { return goPort(urlOf(this)); }),
  celMethod('getEscapedPath', URL_TYPE, [], CelScalar.STRING, function () { return goEscapedPath(urlOf(this)); }),
  celMethod('getQuery', URL_TYPE, [], mapType(CelScalar.STRING, listType(CelScalar.STRING)), function () {
    return celMap(goQuery(urlOf(this)));
  }),
];
