// AuthorizationPolicy: action/provider combinations, rules (from/to/when) non-empty and
// well-formed, condition keys and values, dry-run annotation, DENY-on-HTTP-only warning.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, obj, str, strs } from './context';
import { attributeErrors, hasInnerWildcard, ipErrors, pathTemplateError, portErrors } from './authzValues';
import { validateWorkloadSelector } from './labels';
import { validateTargetRefs } from './targetRef';

const SOURCE_FIELDS = ['principals', 'requestPrincipals', 'namespaces', 'ipBlocks', 'remoteIpBlocks', 'notPrincipals', 'notRequestPrincipals', 'notNamespaces', 'notIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts'];
const TCP_SOURCE = ['principals', 'notPrincipals', 'ipBlocks', 'notIpBlocks', 'namespaces', 'notNamespaces', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts'];
const OP_FIELDS = ['ports', 'methods', 'paths', 'hosts', 'notPorts', 'notMethods', 'notPaths', 'notHosts'];
const IP_FIELDS = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'];
const WILDCARD_FIELDS = ['principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces'];
const CUSTOM_UNSUPPORTED: [string, string][] = [['namespaces', 'From.Namespaces'], ['notNamespaces', 'From.NotNamespaces'], ['principals', 'From.Principals'], ['notPrincipals', 'From.NotPrincipals'], ['requestPrincipals', 'From.RequestPrincipals'], ['notRequestPrincipals', 'From.NotRequestPrincipals']];

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);

function checkList(ctx: Ctx, path: Path, o: Obj, field: string): void {
  strs(o[field]).forEach((v, i) => {
    if (v === '') ctx.error([...path, field, i], `empty value not allowed, found in ${cap(field)}`);
    else if (WILDCARD_FIELDS.includes(field) || field === 'paths' || field === 'notPaths' || field === 'hosts' || field === 'notHosts') {
      if (hasInnerWildcard(v)) ctx.literalWildcard([...path, field, i], v);
    }
  });
}

function validateSource(ctx: Ctx, p: Path, src: Obj, custom: boolean): boolean {
  if (!SOURCE_FIELDS.some((f) => arr(src[f]).length > 0)) ctx.error(p, '`from.source` must not be empty', 'key');
  for (const f of IP_FIELDS) {
    strs(src[f]).forEach((v, i) => {
      for (const e of ipErrors([v])) ctx.error([...p, f, i], e);
    });
  }
  for (const f of SOURCE_FIELDS) checkList(ctx, p, src, f);
  if (custom) for (const [f, label] of CUSTOM_UNSUPPORTED) if (arr(src[f]).length) ctx.error([...p, f], `${label} is currently not supported with CUSTOM action`, 'key');
  return TCP_SOURCE.some((f) => has(src, f));
}

function validateOperation(ctx: Ctx, p: Path, op: Obj): boolean {
  if (!OP_FIELDS.some((f) => arr(op[f]).length > 0)) ctx.error(p, '`to.operation` must not be empty', 'key');
  for (const f of ['ports', 'notPorts']) {
    strs(op[f]).forEach((v, i) => {
      for (const e of v === '' ? [] : portErrors([v])) ctx.error([...p, f, i], e);
    });
  }
  for (const f of OP_FIELDS) checkList(ctx, p, op, f);
  for (const f of ['paths', 'notPaths']) {
    strs(op[f]).forEach((v, i) => {
      if (pathTemplateError(v)) ctx.error([...p, f, i], `invalid or unsupported path template, found in ${cap(f)}`);
    });
  }
  return has(op, 'ports') || has(op, 'notPorts');
}

function validateRule(ctx: Ctx, p: Path, rule: Obj, action: string): void {
  const custom = action === 'CUSTOM';
  let tcpFrom = false;
  let tcpTo = false;
  let fromExist = false;
  let toExist = false;
  if (Array.isArray(rule.from) && rule.from.length === 0) ctx.error([...p, 'from'], '`from` must not be empty', 'key');
  arr(rule.from).forEach((raw, i) => {
    const src = obj(obj(raw)?.source);
    if (!src) return void ctx.error([...p, 'from', i], '`from.source` must not be nil');
    fromExist = true;
    if (validateSource(ctx, [...p, 'from', i, 'source'], src, custom)) tcpFrom = true;
  });
  if (Array.isArray(rule.to) && rule.to.length === 0) ctx.error([...p, 'to'], '`to` must not be empty', 'key');
  arr(rule.to).forEach((raw, i) => {
    const op = obj(obj(raw)?.operation);
    if (!op) return void ctx.error([...p, 'to', i], '`to.operation` must not be nil');
    toExist = true;
    if (validateOperation(ctx, [...p, 'to', i, 'operation'], op)) tcpTo = true;
  });
  arr(rule.when).forEach((raw, i) => {
    const c = obj(raw);
    const cp = [...p, 'when', i];
    if (!c) return void ctx.error(cp, 'when field cannot be nil');
    // A missing key is the CRD's own `required` rule.
    if (c.key === undefined) return;
    const key = str(c.key) ?? '';
    if (key === '') return void ctx.error([...cp, 'key'], '`key` must not be empty');
    if (custom && (key === 'source.namespace' || key === 'source.principal' || key.startsWith('request.auth.'))) {
      ctx.error([...cp, 'key'], `${key} is currently not supported with CUSTOM action`);
    }
    const values = strs(c.values);
    const notValues = strs(c.notValues);
    if (values.length === 0 && notValues.length === 0) return void ctx.error([...cp, 'key'], `at least one of \`values\` or \`notValues\` must be set for key ${key}`);
    for (const [f, label] of [['values', 'value'], ['notValues', 'notValue']] as const) {
      const list = strs(c[f]);
      if (list.length === 0) continue;
      const errs = attributeErrors(key, list);
      const target = errs.some((e) => e.includes('attribute') || e.startsWith('bad key')) ? [...cp, 'key'] : [...cp, f];
      for (const e of errs) ctx.error(target, `invalid \`${label}\` for \`key\` ${key}: ${e}`);
    }
  });
  if (action === 'DENY' && ((fromExist && !toExist && !tcpFrom) || (toExist && !tcpTo))) {
    ctx.warn(p, 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port');
  }
}

export function validateAuthorizationPolicy(ctx: Ctx, spec: Obj): void {
  validateWorkloadSelector(ctx, ['spec', 'selector'], spec.selector);
  validateTargetRefs(ctx, spec);
  const action = str(spec.action) ?? 'ALLOW';
  const dryRun = ctx.resource.annotations['istio.io/dry-run'];
  if (dryRun !== undefined) {
    const r = ctx.resource;
    if (action !== 'ALLOW' && action !== 'DENY') {
      ctx.error(['metadata', 'annotations', 'istio.io/dry-run'], `the annotation istio.io/dry-run currently only supports action ALLOW/DENY, found action ${action} in ${ctx.namespace}/${r.name}`, 'key');
    } else if (!['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(dryRun)) {
      ctx.error(['metadata', 'annotations', 'istio.io/dry-run'], `${ctx.namespace}/${r.name} has annotation istio.io/dry-run with invalid value (${dryRun}): strconv.ParseBool: parsing "${dryRun}": invalid syntax`);
    }
  }
  const rulesSet = Array.isArray(spec.rules);
  if (action === 'CUSTOM') {
    if (!rulesSet) ctx.error(['spec', 'action'], 'CUSTOM action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request');
    else if (!str(obj(spec.provider)?.name)) ctx.error(has(spec, 'provider') ? ['spec', 'provider'] : ['spec', 'action'], '`provider.name` must not be empty', 'key');
  }
  if (has(spec, 'provider') && action !== 'CUSTOM') ctx.error(['spec', 'provider'], `\`provider\` must not be with non CUSTOM action, found ${action}`, 'key');
  if (action === 'DENY' && !rulesSet) {
    ctx.error(has(spec, 'action') ? ['spec', 'action'] : ['spec'], 'DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request', has(spec, 'action') ? 'value' : 'key');
  }
  arr(spec.rules).forEach((raw, i) => {
    const rule = obj(raw);
    if (!rule) return void (raw === null && ctx.error(['spec', 'rules', i], `\`rule\` must not be nil, found at rule ${i}`));
    validateRule(ctx, ['spec', 'rules', i], rule, action);
  });
}
