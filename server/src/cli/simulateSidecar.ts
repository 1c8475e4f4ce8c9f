// `hybrid-mesh simulate-sidecar`: serves a simulated VM sidecar (Envoy admin + istio-agent
// health) on 127.0.0.1 until interrupted. Used by the demo and for trying the proxy commands.
import type { CliCommand, CliIO } from './command';
import { int, parseFlags, str, UsageError } from './proxyArgs';
import { buildSidecar, createMeshRoot, isScenario, SCENARIO_SPECS, SCENARIOS, serveIstiod, serveSidecar } from '../proxy/simulator';

const HELP = `usage: hybrid-mesh simulate-sidecar [--port N] [--agent-port N] [--scenario NAME] [--name vm-1]
                                    [--namespace vm-ns] [--delay-ms N] [--istiod-port N]
Serves a simulated VM sidecar's Envoy admin API (and istio-agent /healthz/ready) on 127.0.0.1.
--istiod-port also serves an istiod debug stand-in (/debug/syncz, /debug/config_dump) for it.
scenarios:
${SCENARIOS.map((s) => `  ${s.padEnd(20)} ${SCENARIO_SPECS[s].description}`).join('\n')}`;

export const simulateSidecarCommand: CliCommand = {
  async run(args: string[], io: CliIO): Promise<number> {
    try {
      const p = parseFlags(args, {
        port: 'string', 'agent-port': 'string', scenario: 'string', name: 'string', namespace: 'string',
        'delay-ms': 'string', 'istiod-port': 'string', help: 'boolean',
      }, { h: 'help' });
      if (p.flags.help) { io.stdout.write(HELP + '\n'); return 0; }
      if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
      const scenario = str(p, 'scenario') ?? 'healthy';
      if (!isScenario(scenario)) throw new UsageError(`unknown scenario '${scenario}' (one of ${SCENARIOS.join(', ')})`);
      const sidecar = buildSidecar({ scenario, name: str(p, 'name'), namespace: str(p, 'namespace'), ca: createMeshRoot() });
      const running = await serveSidecar(sidecar, { port: int(p, 'port', 0, 65535), agentPort: int(p, 'agent-port', 0, 65535), delayMs: int(p, 'delay-ms') });
      const istiodPort = int(p, 'istiod-port', 0, 65535);
      const istiod = istiodPort !== undefined ? await serveIstiod([sidecar], istiodPort) : undefined;
      io.stdout.write(`simulated sidecar ${sidecar.nodeId} (scenario ${scenario})\n`);
      io.stdout.write(`admin ${running.adminUrl}\nagent ${running.agentUrl}\n${istiod ? `istiod ${istiod.url}\n` : ''}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await Promise.all([running.close(), istiod?.close()]);
      return 0;
    } catch (e) {
      io.stderr.write(`hybrid-mesh simulate-sidecar: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  },
};
