// Extension entry: wires the independent parts together; each registers its own disposables.
import type * as vscode from 'vscode';
import { registerLanguageFeatures } from './languageFeatures';
import { registerProxyFeatures } from './proxies/register';
import type { LanguageContext } from './commands';

let language: LanguageContext | undefined;

/** Returned to other extensions and to the e2e tests. */
export interface HybridMeshApi {
  language: LanguageContext;
}

export function activate(context: vscode.ExtensionContext): HybridMeshApi {
  language = registerLanguageFeatures(context);
  // Further parts (proxies view, Envoy panel) register here with their own register* function.
  registerProxyFeatures(context);
  return { language };
}

export async function deactivate(): Promise<void> {
  await language?.client()?.stop().catch(() => undefined);
  language = undefined;
}
