/**
 * The message catalogs and the choice between them: Simplified Chinese for any `zh` locale (VS Code's
 * `zh-cn`, a POSIX `zh_CN.UTF-8`), English for any other, Chinese when no locale is known.
 */
import type { MessageCatalog } from './catalog';
import { en } from './en';
import { zhCN } from './zh-cn';

export const CATALOGS: readonly MessageCatalog[] = [zhCN, en];

/** The catalog for a locale (`zh-cn`, `zh-TW`, `en`, `en-US`, `zh_CN.UTF-8`, …); Chinese when unknown or empty. */
export function catalogFor(locale: string | null | undefined): MessageCatalog {
  if (locale === null || locale === undefined) return zhCN;
  const language = locale.trim().toLowerCase().split(/[-_.@]/u)[0] ?? '';
  if (language === '') return zhCN;
  return language === 'zh' ? zhCN : en;
}

/**
 * The locale a POSIX environment asks for: LC_ALL, else LC_MESSAGES, else LANG (the first that is set
 * and not empty). `C` and `POSIX` name no language: undefined, as when nothing is set.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const language = value.split(/[_.@]/u)[0]!;
    return language === 'C' || language === 'POSIX' ? undefined : value;
  }
  return undefined;
}

export { en, zhCN };
export type { MessageCatalog };
