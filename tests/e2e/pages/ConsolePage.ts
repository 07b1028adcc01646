import { expect, type Locator, type Page } from '@playwright/test';

/** The facilitator console on a desktop browser. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(facilitatorUrl: string): Promise<void> {
    await this.page.goto(facilitatorUrl);
    await expect(this.page.getByRole('navigation', { name: 'Session phases' })).toBeVisible();
    // The key leaves the address bar once it is stored.
    await expect(this.page).not.toHaveURL(/#key=/);
  }

  participants(): Locator {
    return this.page.getByTestId('participant');
  }

  async expectParticipants(names: string[]): Promise<void> {
    for (const n of names) await expect(this.participants().filter({ hasText: n })).toHaveCount(1);
    await expect(this.participants()).toHaveCount(names.length);
  }

  async setPhase(phase: string): Promise<void> {
    await this.page.getByTestId(`phase-${phase}`).click();
    await expect(this.page.getByTestId(`phase-${phase}`)).toHaveAttribute('aria-current', 'step');
  }

  async reveal(): Promise<void> {
    await this.page.getByTestId('reveal').click();
    await expect(this.page.getByTestId('reveal')).toHaveAttribute('aria-pressed', 'true');
  }

  /** The "Presenting" switch: on, the console shows only what the projector shows. */
  presenting(): Locator {
    return this.page.getByTestId('presenting');
  }

  /** The facilitator's own view of every card and marker (not for the big screen). */
  async stopPresenting(): Promise<void> {
    await this.presenting().uncheck();
    await expect(this.presenting()).not.toBeChecked();
  }

  card(text: string): Locator {
    return this.page.getByTestId('card').filter({ hasText: text });
  }

  cell(dimension: string, stage: number): Locator {
    return this.page.locator(`[data-testid="cell"][data-cell="${dimension}/${stage}"]`);
  }

  async setVotesPerPerson(n: number): Promise<void> {
    const input = this.page.getByLabel('Votes per person');
    await input.fill(String(n));
    await input.press('Enter');
    await input.blur();
  }
}
