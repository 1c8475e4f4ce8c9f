// The Kubernetes transport (and @kubernetes/client-node behind it) is loaded on first use only:
// nobody without a cluster pays for it at activation. `require` keeps the load lazy both in the
// bundle (esbuild initializes the module at this call) and in the unbundled unit tests.
import type * as KubeModule from '../../../server/src/proxy/kube';

let cached: typeof KubeModule | undefined;

export function kubeModule(): typeof KubeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('../../../server/src/proxy/kube') as typeof KubeModule;
  return cached;
}
