// Builds the validation engine for Node consumers (language server, CLI): the pure core with
// the schema registry read from the schemas/ directory shipped beside the bundles.
import type { Core, FileResult, Logger } from '../core/index';
import { createCore } from '../core/index';
import { loadSchemaRegistry } from '../schemaFiles';

export type Engine = Core;
/** What a per-file check yields (the core's FileResult). */
export type FileCheck = Pick<FileResult, 'uri' | 'findings' | 'resources'>;

export interface EngineOptions {
  /** Where to start looking for schemas/index.json (walking up); the bundle's folder by default. */
  schemasFrom?: string;
  logger?: Logger;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const logger = options.logger ?? { error: () => undefined };
  const from = options.schemasFrom ?? process.env.HYBRID_MESH_SCHEMAS_DIR ?? __dirname;
  try {
    return createCore({ registry: loadSchemaRegistry(from), logger });
  } catch (e) {
    // Without schemas the YAML, structure and metadata checks still run.
    logger.error(`hybrid-mesh: schemas not loaded (${e instanceof Error ? e.message : String(e)}); Istio schema checks are off`);
    return createCore({ logger });
  }
}
