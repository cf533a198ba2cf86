/**
 * The texts the client shows itself (prompts, the status bar, progress titles): from the core's
 * message catalog, like every other user-facing sentence.
 */
import * as vscode from 'vscode';
import { catalogFor } from '../../server/src/core/messages';
import type { MessageCatalog } from '../../server/src/core/messages/catalog';

/** The catalog of VS Code's display language (the language server uses the same one). */
export function messages(): MessageCatalog {
  return catalogFor(vscode.env.language);
}
