import { expect, type Locator, type Page } from '@playwright/test';

/** The read-only board on the big screen, opened from the facilitator's browser. */
export class ProjectorPage {
  constructor(readonly page: Page) {}

  async open(code: string): Promise<void> {
    await this.page.goto(`/board/${code}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** Opens a projector link (with its viewer key in the fragment), which leaves the address bar. */
  async openLink(boardUrl: string): Promise<void> {
    const url = new URL(boardUrl);
    await this.page.goto(url.pathname + url.hash);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(this.page).not.toHaveURL(/#view=/);
  }

  card(text: string): Locator {
    return this.page.getByTestId('card').filter({ hasText: text });
  }

  cell(dimension: string, stage: number): Locator {
    return this.page.locator(`[data-testid="cell"][data-cell="${dimension}/${stage}"]`);
  }

  initiative(id: string): Locator {
    return this.page.locator(`[data-testid="initiative"][data-id="${id}"]`);
  }
}
