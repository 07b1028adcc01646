/**
 * The interface language of this screen: the one chosen on this device, else the
 * browser's, else English. The messages are Paraglide's (client/i18n/messages/,
 * compiled into client/i18n/paraglide/ by `npm run messages`); this module only
 * decides which language they speak and keeps the choice. The locale is Svelte
 * state that Paraglide's getLocale reads, so a message in a template follows a
 * switch at once, without a reload (a reload would drop the phone's socket and
 * unsent drafts for nothing). Kept with session.ts's helpers, which tolerate
 * storage being blocked; Paraglide's own localStorage strategy does not.
 */
import { baseLocale, extractLocaleFromNavigator, isLocale, overwriteGetLocale, type Locale } from '../i18n/paraglide/runtime.js';
import { readJson, writeJson } from './session.ts';

export { locales, type Locale } from '../i18n/paraglide/runtime.js';

const KEY = 'lang';

function initial(): Locale {
  const kept = readJson<string>(KEY);
  if (kept && isLocale(kept)) return kept;
  return (typeof navigator === 'undefined' ? undefined : extractLocaleFromNavigator()) ?? baseLocale;
}

const first = initial();
let current = $state<Locale>(first);
overwriteGetLocale(() => current);
if (typeof document !== 'undefined') document.documentElement.lang = first;

/** The language every message speaks now. */
export const locale = (): Locale => current;

/** Switches this screen to `next` and remembers it on this device. */
export function chooseLocale(next: Locale): void {
  current = next;
  writeJson(KEY, next);
  document.documentElement.lang = next;
}

/** The messages, one function per message; a bundle holds only those its screens call. */
export { m } from '../i18n/paraglide/messages.js';
