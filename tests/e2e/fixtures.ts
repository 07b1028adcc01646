/**
 * The cast of every end-to-end test: one facilitator on a desktop browser and
 * phones that each get their own context (own storage, own network switch),
 * emulating a real handset (viewport, touch, mobile user agent). Contexts are
 * closed after each test.
 */
import { test as base, expect, devices, type Browser, type BrowserContext, type APIRequestContext } from '@playwright/test';
import type { CreateWorkshopReply } from '../../shared/schema/protocol.ts';
import type { Settings } from '../../shared/domain/types.ts';
import { ConsolePage } from './pages/ConsolePage.ts';
import { PhonePage } from './pages/PhonePage.ts';
import { ProjectorPage } from './pages/ProjectorPage.ts';

/** Phones: the first is 360 px wide, the narrowest screen the app promises to fit. */
const PHONES = [{ ...devices['Pixel 7'], viewport: { width: 360, height: 780 } }, devices['Pixel 7'], { ...devices['Pixel 5'] }];

export interface Cast {
  browser: Browser;
  /** A new phone context (with its own storage), logged nowhere yet, its browser set to `locale` (English by default). */
  phone(i?: number, locale?: string): Promise<PhonePage>;
  /** The desktop context the facilitator uses (console and projector share its storage). */
  desk(): Promise<BrowserContext>;
  /** Creates a workshop through the API, for tests whose subject is not the create form. */
  create(settings?: Partial<Settings>, title?: string): Promise<CreateWorkshopReply>;
  /** Creates a workshop from a template file, as `POST /api/workshops` with `template` does. */
  createFrom(template: unknown, title?: string): Promise<CreateWorkshopReply>;
  console(reply: CreateWorkshopReply): Promise<ConsolePage>;
  /** The projector opened from the console's browser (the facilitator key opens it there too). */
  projector(code: string): Promise<ProjectorPage>;
  /** The projector link opened on another device: a fresh context that holds no facilitator key. */
  projectorLink(boardUrl: string): Promise<ProjectorPage>;
}

async function createWorkshop(
  request: APIRequestContext,
  title: string,
  body: { settings?: Partial<Settings>; template?: unknown },
): Promise<CreateWorkshopReply> {
  const res = await request.post('/api/workshops', { data: { title, organisation: 'Acme Ltd', ...body } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CreateWorkshopReply;
}

export const test = base.extend<{ cast: Cast }>({
  cast: async ({ browser, request, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    let deskContext: BrowserContext | null = null;
    let phones = 0;
    const desk = async () => {
      if (!deskContext) {
        deskContext = await browser.newContext({
          baseURL,
          viewport: { width: 1440, height: 900 },
          reducedMotion: 'reduce',
          locale: 'en-US',
        });
        contexts.push(deskContext);
      }
      return deskContext;
    };
    const cast: Cast = {
      browser,
      // Every screen speaks its browser's language: English unless a test says otherwise, whatever the machine's.
      async phone(i, locale = 'en-US') {
        const device = PHONES[(i ?? phones) % PHONES.length]!;
        phones++;
        const { defaultBrowserType: _ignored, ...options } = device;
        const ctx = await browser.newContext({ ...options, baseURL, reducedMotion: 'reduce', locale });
        contexts.push(ctx);
        return new PhonePage(await ctx.newPage());
      },
      desk,
      create: (settings = {}, title = 'Leadership offsite') => createWorkshop(request, title, { settings }),
      createFrom: (template, title = 'Leadership offsite') => createWorkshop(request, title, { template }),
      async console(reply) {
        const page = await (await desk()).newPage();
        const c = new ConsolePage(page);
        await c.open(reply.facilitatorUrl);
        return c;
      },
      async projector(code) {
        const page = await (await desk()).newPage();
        const p = new ProjectorPage(page);
        await p.open(code);
        return p;
      },
      async projectorLink(boardUrl) {
        const ctx = await browser.newContext({
          baseURL,
          viewport: { width: 1920, height: 1080 },
          reducedMotion: 'reduce',
          locale: 'en-US',
        });
        contexts.push(ctx);
        const p = new ProjectorPage(await ctx.newPage());
        await p.openLink(boardUrl);
        return p;
      },
    };
    await use(cast);
    for (const ctx of contexts) await ctx.close().catch(() => {});
  },
});

export { expect };
