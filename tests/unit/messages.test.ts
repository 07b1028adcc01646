/**
 * The interface's messages (client/i18n/messages/): every language has every
 * message, with the same parameters, and the compiled messages the screens
 * import (client/i18n/paraglide/, committed) say what the catalogues say, so
 * an edited catalogue that nobody recompiled (`npm run messages`) fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../client/i18n');
const settings = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.inlang/settings.json'), 'utf8')) as {
  baseLocale: string;
  locales: string[];
};

/** A message as the catalogue holds it: one text, or variants chosen by a selector (plurals). */
type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variants[];

function catalogue(locale: string): Record<string, Message> {
  const { $schema: _schema, ...messages } = JSON.parse(fs.readFileSync(path.join(ROOT, 'messages', `${locale}.json`), 'utf8'));
  return messages;
}

/** The texts of a message: the one text, or each variant's. */
const texts = (msg: Message): string[] => (typeof msg === 'string' ? [msg] : msg.flatMap((v) => Object.values(v.match)));

/** The parameters a message takes: every {name} in its texts, and the inputs its variants declare. */
function params(msg: Message): string[] {
  const found = new Set(texts(msg).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)));
  if (typeof msg !== 'string')
    for (const v of msg) for (const d of v.declarations) if (d.startsWith('input ')) found.add(d.slice('input '.length).trim());
  return [...found].sort();
}

const catalogues = Object.fromEntries(settings.locales.map((l) => [l, catalogue(l)]));
const base = catalogues[settings.baseLocale]!;

describe('the message catalogues', () => {
  it('English, German and French, English the base', () => {
    expect(settings.locales).toEqual(['en', 'de', 'fr']);
    expect(settings.baseLocale).toBe('en');
  });

  it.each(settings.locales)('%s has every message and no other', (locale) => {
    const keys = Object.keys(catalogues[locale]!).sort();
    expect(keys).toEqual(Object.keys(base).sort());
  });

  it.each(settings.locales)('%s gives each message the parameters English gives it', (locale) => {
    const differ = Object.keys(base).filter(
      (k) => catalogues[locale]![k] && params(catalogues[locale]![k]!).join() !== params(base[k]!).join(),
    );
    expect(differ).toEqual([]);
  });

  it.each(settings.locales)('%s has no empty text, and a plural in it says "one" and "other"', (locale) => {
    for (const [key, msg] of Object.entries(catalogues[locale]!)) {
      for (const t of texts(msg)) expect(t.trim(), key).not.toBe('');
      if (typeof msg !== 'string')
        for (const v of msg)
          expect(
            Object.keys(v.match)
              .map((k) => k.split('=')[1])
              .sort(),
            key,
          ).toEqual(['one', 'other']);
    }
  });

  it('German and French are translated, not copied: only words the languages share are the same as in English', () => {
    const same = ['app_workshop', 'app_workshop_sr', 'map_dimension_label', 'phase_export_title', 'sync_online', 'phase_roadmap_title'];
    for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
      const copied = Object.keys(base).filter(
        (k) => JSON.stringify(catalogues[locale]![k]) === JSON.stringify(base[k]) && !same.includes(k),
      );
      expect(copied, locale).toEqual([]);
    }
  });
});

describe('the compiled messages', () => {
  const compiled = path.join(ROOT, 'paraglide/messages');
  const files = fs.readdirSync(compiled).filter((f) => f.endsWith('.js') && !f.startsWith('_'));

  it('are exactly the catalogue messages', () => {
    expect(files.map((f) => f.slice(0, -'.js'.length)).sort()).toEqual(Object.keys(base).sort());
  });

  it('say what each catalogue says, in every language', () => {
    const stale: string[] = [];
    for (const key of Object.keys(base)) {
      const code = fs.readFileSync(path.join(compiled, `${key}.js`), 'utf8');
      for (const locale of settings.locales) {
        // The compiler writes {name} as ${i?.name} in a template literal; the words around it stay as typed.
        const pieces = texts(catalogues[locale]![key]!)
          .flatMap((t) => t.split(/\{\w+\}/))
          .filter((p) => p.trim());
        for (const piece of pieces) if (!code.includes(piece)) stale.push(`${locale}.${key}: ${piece}`);
      }
    }
    expect(stale, 'run `npm run messages` after editing client/i18n/messages/').toEqual([]);
  });
});
