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

  /** Makes a new projector link; links given out before stop working. */
  async rotateProjectorLink(): Promise<void> {
    await this.page.getByTestId('facilitator-link-open').click();
    await this.page.getByRole('button', { name: 'New projector link' }).click();
    await expect(this.page.getByTestId('projector-rotated')).toBeVisible();
    await this.page.getByTestId('facilitator-link-panel').getByRole('button', { name: 'Close' }).click();
  }

  async setVotesPerPerson(n: number): Promise<void> {
    const input = this.page.getByLabel('Votes per person');
    await input.fill(String(n));
    await input.press('Enter');
    await input.blur();
  }

  // ------------------------------------------------------------ counts, reveal, barriers, settings

  /** "12 people · 36 of 120 answers": answers counted as people × dimensions. */
  answerCount(): Locator {
    return this.page.getByTestId('answer-count');
  }

  /** The dimensions short of answers, fewest first (Assess only). */
  shortDimensions(): Locator {
    return this.page.getByTestId('short-dimensions');
  }

  /** A phase's entries in the stepper: "hidden" or "revealed". */
  phaseState(phase: string): Locator {
    return this.page.getByTestId(`phase-state-${phase}`);
  }

  /** What moving to the next phase will open to everyone, said beside the Next button. */
  moveReveals(): Locator {
    return this.page.getByTestId('move-reveals');
  }

  barrier(text: string): Locator {
    return this.page.getByTestId('console-barrier').filter({ hasText: text });
  }

  /** Ties a barrier to what it holds back (a dimension, or 'The whole plan') and, optionally, a "not before" horizon. */
  async tieBarrier(text: string, dimension: string, notBefore?: string): Promise<void> {
    const b = this.barrier(text);
    await b.getByTestId('barrier-dimension').selectOption({ label: dimension });
    await expect(b.getByTestId('barrier-dimension').locator('option:checked')).toHaveText(dimension);
    if (notBefore) {
      await b.getByTestId('barrier-not-before').selectOption({ label: notBefore });
      await expect(b.getByTestId('barrier-not-before').locator('option:checked')).toHaveText(notBefore);
    }
  }

  /** Settings: who the organisation serves. */
  serves(): Locator {
    return this.page.getByLabel(/^Who the organisation serves/);
  }

  async setServes(words: string): Promise<void> {
    await this.serves().fill(words);
    await this.serves().blur();
  }

  // ------------------------------------------------------------ links and export

  /** The join panel's link, as the console words it ("Phones join at ..."). */
  joinLink(): Locator {
    return this.page.getByTestId('join-panel').first().getByTestId('join-link');
  }

  /** Opens the "Facilitator link" panel and shows the link and its QR code; returns the panel. */
  async openFacilitatorLink(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Facilitator link' }).click();
    const panel = this.page.getByRole('dialog', { name: 'Facilitator link' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Show link and QR code' }).click();
    await expect(panel.getByTestId('facilitator-link')).toBeVisible();
    return panel;
  }

  /** The Export phase's own panel: file name, preview and download button. */
  exportPanel(): Locator {
    return this.page.getByTestId('export-panel');
  }

  // ------------------------------------------------------------ moderation and owners

  /** Sets a canvas card aside through its move menu. */
  async setAside(text: string): Promise<void> {
    await this.card(text).click();
    const menu = this.page.getByRole('dialog', { name: 'Move card' });
    await menu.getByTestId('set-aside').click();
    await expect(menu).toBeHidden();
  }

  /** The "Set aside" list (closed by default, so a projected console never shows it). */
  setAsideList(): Locator {
    return this.page.getByTestId('set-aside-list');
  }

  async openSetAsideList(): Promise<void> {
    const list = this.setAsideList();
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
    await expect(list).toHaveAttribute('open', '');
  }

  async restore(text: string): Promise<void> {
    await this.openSetAsideList();
    await this.setAsideList()
      .getByRole('button', { name: `Restore: ${text}` })
      .click();
  }

  initiative(id: string): Locator {
    return this.page.locator(`[data-testid="initiative"][data-id="${id}"]`);
  }

  /** "3 of 5 first steps have an owner", on the Roadmap tab. */
  ownerCount(): Locator {
    return this.page.getByTestId('owner-count');
  }
}
