/**
 * The texts the client shows itself (prompts, the status bar, progress titles): from the core's
 * message catalog, like every other user-facing sentence.
 */
import type { MessageCatalog } from '../../server/src/core/messages/catalog';
import { zhCN } from '../../server/src/core/messages/zh-cn';

export function messages(): MessageCatalog {
  return zhCN;
}
