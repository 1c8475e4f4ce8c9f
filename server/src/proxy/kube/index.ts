// Kubernetes transport (the only code that loads @kubernetes/client-node). Import lazily.
export { loadKube, listMeshProxies, findIstiodPod, type Kube, type KubeOptions, type MeshProxy } from './kubeClient';
export { KubeForwardConnection, parseKubeTarget, type KubeTarget } from './podConnection';
export { openKubeTarget } from './open';
export { kubeFleetTargets } from './fleet';
