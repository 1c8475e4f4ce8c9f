// WorkloadGroup: template metadata labels and the readiness probe (one health-check method;
// the CRD allows at most one but not none).
import { type Ctx, type Obj, arr, has, obj } from './context';
import { labelKeyError, labelValueError } from './labels';

const METHODS = ['httpGet', 'tcpSocket', 'exec', 'grpc'];

export function validateWorkloadGroup(ctx: Ctx, spec: Obj): void {
  if (!has(spec, 'template')) ctx.error(['spec'], 'template is required', 'key');
  for (const [k, v] of Object.entries(obj(obj(spec.metadata)?.labels) ?? {})) {
    const err = labelKeyError(k) ?? (typeof v === 'string' ? labelValueError(v) : undefined);
    if (err) ctx.error(['spec', 'metadata', 'labels', k], `invalid labels: ${err}`, labelKeyError(k) ? 'key' : 'value');
  }
  const probe = obj(spec.probe);
  if (!probe) return;
  const methods = METHODS.filter((m) => has(probe, m));
  if (methods.length === 0) {
    ctx.error(['spec', 'probe'], 'unknown health check method <nil>: one of httpGet, tcpSocket, exec or grpc is required', 'key');
    return;
  }
  const exec = obj(probe.exec);
  if (exec && arr(exec.command).length === 0) ctx.error(['spec', 'probe', 'exec'], 'exec.command is required', 'key');
}
