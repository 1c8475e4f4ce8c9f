// Every analyzer, in reporting order.
import type { Analyzer } from '../analyzer';
import { serviceEntrySelector } from './serviceEntrySelector';
import { workloadGroupSelected } from './workloadGroupSelected';
import { workloadPorts } from './workloadPorts';
import { workloadEntryConsistency } from './workloadEntryConsistency';
import { virtualServiceRefs } from './virtualServiceRefs';
import { destinationRuleHosts } from './destinationRuleHosts';
import { destinationRuleTls } from './destinationRuleTls';
import { mtlsConflict } from './mtlsConflict';
import { policySelectors } from './policySelectors';
import { principals } from './principals';
import { sidecarConflicts } from './sidecarConflicts';
import { serviceEntryHosts } from './serviceEntryHosts';
import { istMeshGatewayHostConflict } from './istMeshGatewayHostConflict';
import { istServicePortNames } from './istServicePortNames';
import { istVirtualServiceRules } from './istVirtualServiceRules';
import { istGatewayHosts } from './istGatewayHosts';
import { istJwtClaimRouting } from './istJwtClaimRouting';
import { istSidecarAmbient } from './istSidecarAmbient';

export const allAnalyzers: readonly Analyzer[] = [
  serviceEntrySelector, workloadGroupSelected, workloadPorts, workloadEntryConsistency, virtualServiceRefs,
  destinationRuleHosts, destinationRuleTls, mtlsConflict, policySelectors, principals, sidecarConflicts, serviceEntryHosts,
  istMeshGatewayHostConflict, istServicePortNames, istVirtualServiceRules, istGatewayHosts, istJwtClaimRouting, istSidecarAmbient,
];
