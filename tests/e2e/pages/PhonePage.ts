import { expect, type Locator, type Page } from '@playwright/test';

/** The participant's phone: join page and the phone app, phase by phase. */
export class PhonePage {
  constructor(readonly page: Page) {}

  get context() {
    return this.page.context();
  }

  /** Joins by typing the code, as a person holding a phone would. */
  async join(code: string, name: string): Promise<void> {
    await this.page.goto('/j');
    await this.page.getByLabel('Room code').fill(code);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Join' }).click();
    await expect(this.page).toHaveURL(new RegExp(`/j/${code}$`));
    await this.expectPhase('lobby');
  }

  phase(): Locator {
    return this.page.getByTestId('phase');
  }

  async expectPhase(phase: string): Promise<void> {
    await expect(this.phase()).toHaveAttribute('data-phase', phase);
  }

  sync(): Locator {
    return this.page.getByTestId('sync');
  }

  async expectSynced(): Promise<void> {
    await expect(this.sync()).toHaveText('Online');
  }

  // ------------------------------------------------------------ map
  myCards(): Locator {
    return this.page.getByTestId('my-card');
  }

  roomCards(): Locator {
    return this.page.getByTestId('room-cards').locator('li');
  }

  async addCard(text: string, dimension: string, stage: number): Promise<void> {
    await this.page.getByLabel('How do we work today?').fill(text);
    await this.page.getByLabel('Dimension', { exact: true }).selectOption({ label: dimension });
    await this.page.locator(`label:has(> input[name="card-stage"][value="${stage}"])`).click();
    await this.page.getByRole('button', { name: 'Add card' }).click();
    await expect(this.myCards().filter({ hasText: text })).toHaveCount(1);
  }

  myCard(text: string): Locator {
    return this.myCards().filter({ hasText: text });
  }

  /** The card form's submit button ("Add card", or "Save card" while editing). */
  addCardButton(): Locator {
    return this.page.getByRole('button', { name: 'Add card' });
  }

  /** A stage of the card form, as a finger taps it. */
  async tapStage(stage: number): Promise<void> {
    await this.page.locator(`label:has(> input[name="card-stage"][value="${stage}"])`).tap();
    await expect(this.page.locator(`input[name="card-stage"][value="${stage}"]`)).toBeChecked();
  }

  // ------------------------------------------------------------ assess
  dimension(key: string): Locator {
    return this.page.locator(`[data-testid="assess-dimension"][data-dimension="${key}"]`);
  }

  /** Assess shows one dimension at a time: go to this one through the overview list, unless it is showing. */
  async showDimension(key: string): Promise<void> {
    const d = this.dimension(key);
    if (await d.isVisible()) return;
    const toggle = this.page.getByTestId('assess-overview-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.page
      .getByRole('navigation', { name: 'All dimensions' })
      .locator(`[data-testid="assess-jump"][data-dimension="${key}"]`)
      .click();
    await expect(d).toBeVisible();
  }

  assessPosition(): Locator {
    return this.page.getByTestId('assess-position');
  }

  async setMarkers(key: string, now: number, target: number): Promise<void> {
    await this.showDimension(key);
    const d = this.dimension(key);
    await d
      .getByRole('radiogroup', { name: /^Now/ })
      .getByRole('radio', { name: new RegExp(`^${now} `) })
      .check();
    await d
      .getByRole('radiogroup', { name: /^Target/ })
      .getByRole('radio', { name: new RegExp(`^${target} `) })
      .check();
  }

  distribution(key: string): Locator {
    return this.dimension(key).getByTestId('distribution');
  }

  // ------------------------------------------------------------ prioritise
  budget(): Locator {
    return this.page.getByTestId('vote-budget');
  }

  voteItem(target: string): Locator {
    return this.page.locator(`[data-testid="vote-item"][data-target="${target}"]`);
  }

  addVote(target: string): Locator {
    return this.voteItem(target).getByRole('button', { name: /^Add a vote/ });
  }

  removeVote(target: string): Locator {
    return this.voteItem(target).getByRole('button', { name: /^Remove a vote/ });
  }

  votesOn(target: string): Locator {
    return this.voteItem(target).locator('output');
  }

  async openTab(name: 'Dimensions' | 'Cards' | 'Barriers'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  barrier(text: string): Locator {
    return this.page.getByTestId('barrier').filter({ hasText: text });
  }

  /**
   * Writes a barrier on the Barriers tab, tied to a dimension (by name), held until a horizon (by label)
   * and blocking new work until a month (yyyy-mm) if given.
   */
  async addBarrier(text: string, opts: { dimension?: string; notBefore?: string; blockedUntil?: string } = {}): Promise<void> {
    await this.openTab('Barriers');
    await this.page.getByLabel('Barrier', { exact: true }).fill(text);
    if (opts.dimension) await this.page.getByLabel(/^Holds back/).selectOption({ label: opts.dimension });
    if (opts.notBefore) {
      const select = this.page.getByLabel(/^When can that work start/);
      const value = await select.locator('option', { hasText: `Not before ${opts.notBefore} (` }).getAttribute('value');
      await select.selectOption(value!);
    }
    if (opts.blockedUntil) await this.page.getByLabel(/^Blocked until/).fill(opts.blockedUntil);
    await this.page.getByRole('button', { name: 'Add barrier' }).click();
    await expect(this.barrier(text)).toHaveCount(1);
  }

  // ------------------------------------------------------------ roadmap
  initiative(id: string): Locator {
    return this.page.locator(`[data-testid="initiative"][data-id="${id}"]`);
  }

  /** "I'll take this" on an initiative, in the Roadmap phase. */
  async volunteer(id: string): Promise<void> {
    const button = this.initiative(id).getByTestId('volunteer');
    await expect(button).toHaveText("I'll take this");
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
}
