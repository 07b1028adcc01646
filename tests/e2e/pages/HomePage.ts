import { expect, type Page } from '@playwright/test';

/** The home page's create form. */
export class HomePage {
  constructor(readonly page: Page) {}

  /** Creates a workshop and lands on its console; returns the room code. */
  async create(opts: {
    title: string;
    organisation?: string;
    votes?: number;
    anonymous?: boolean;
    privateUntilReveal?: boolean;
  }): Promise<string> {
    await this.page.goto('/');
    await this.page.getByLabel('Title').fill(opts.title);
    if (opts.organisation) await this.page.getByLabel(/^Organisation/).fill(opts.organisation);
    if (opts.votes !== undefined) await this.page.getByLabel('Votes per person').fill(String(opts.votes));
    if (opts.anonymous !== undefined) await this.page.getByLabel(/^Anonymous/).setChecked(opts.anonymous);
    if (opts.privateUntilReveal !== undefined) await this.page.getByLabel(/^Private until reveal/).setChecked(opts.privateUntilReveal);
    await this.page.getByRole('button', { name: 'Create workshop' }).click();
    await expect(this.page).toHaveURL(/\/f\/[A-Z0-9]{6}$/);
    await expect(this.page.getByRole('navigation', { name: 'Session phases' })).toBeVisible();
    return /\/f\/([A-Z0-9]{6})$/.exec(this.page.url())![1]!;
  }

  /** The "Join a workshop" form's code field. */
  joinCode() {
    return this.page.getByRole('form', { name: 'Join a workshop' }).getByLabel('Room code');
  }
}
