/**
 * The recogniser that finds a time window in a barrier's text (shared/rules/barrier-window.ts):
 * many phrasings in English, German and French that name months, seasons or "until", and the
 * ones it must leave alone because they name no month. The plan starts in December 2026 unless
 * a case says otherwise, so "October" is October 2027 and "January" is January 2027.
 */
import { describe, expect, it } from 'vitest';
import { holdWords, monthOf, readHold, writeHold } from '../../shared/domain/months.ts';
import { findWindow } from '../../shared/rules/barrier-window.ts';

const DEC_2026 = monthOf('2026-12-07')!;
const said = (text: string, start = DEC_2026) => {
  const w = findWindow(text, start);
  return w ? writeHold(w) : null;
};

describe('findWindow', () => {
  it.each([
    // English
    ["The regulator's quiet period from October to November", '2027-10/2027-11'],
    ['The busy season runs to January', '/2027-01'],
    ['The supplier contract ends in September', '/2027-09'],
    ['Our agency contract runs until the end of March', '/2027-03'],
    ['Budget frozen till February', '/2027-02'],
    ['Nothing new between June and August, half the team is away', '2027-06/2027-08'],
    ['Audit March–May', '2027-03/2027-05'],
    ['Pre-election period March - May', '2027-03/2027-05'],
    ['No new campaigns before the election in May', '2027-05/2027-05'],
    ['Not before April: the new CRM goes live then', '/2027-03'],
    ['Not until October', '/2027-09'],
    ['After Christmas we have the capacity', '/2026-12'],
    ['Everyone is away in summer', '2027-06/2027-08'],
    ['Christmas is our peak for donations', '2026-12/2026-12'],
    ['The new website launches in September and takes the digital team until then', '2027-09/2027-09'],
    ['Contract with the call centre runs to September 2028', '/2028-09'],
    ['from October 2027 to March 2028 the office moves', '2027-10/2028-03'],
    ['Winter is when the gritting service takes every officer', '2026-12/2027-02'],
    // German
    ['Die Ruhephase des Regulators von Oktober bis November', '2027-10/2027-11'],
    ['Der Lieferantenvertrag läuft bis September', '/2027-09'],
    ['Bis Ende März keine neuen Projekte', '/2027-03'],
    ['Zwischen Juni und August ist das Team im Urlaub', '2027-06/2027-08'],
    ['Nicht vor April', '/2027-03'],
    ['Ab Oktober haben wir Zeit', '/2027-09'],
    ['Nach Weihnachten', '/2026-12'],
    ['Im Sommer ist niemand da', '2027-06/2027-08'],
    // French
    ["La période de réserve d'octobre à novembre", '2027-10/2027-11'],
    ["Le contrat du prestataire court jusqu'à septembre", '/2027-09'],
    ["Jusqu'en mars, le budget est gelé", '/2027-03'],
    ["Jusqu'à Noël, l'équipe est débordée", '/2026-12'],
    ['De mars à mai, période électorale', '2027-03/2027-05'],
    ['Pas avant avril', '/2027-03'],
    ["À partir d'octobre seulement", '/2027-09'],
    ["Après l'été", '/2027-08'],
    ['Entre juin et août, personne', '2027-06/2027-08'],
  ])('%s -> %s', (text, window) => {
    expect(said(text)).toBe(window);
  });

  it.each([
    'The busy season runs to the end of the busy season',
    'The busy season',
    'We may not have the time for this',
    'Staff may leave if we push this',
    'We march on regardless of sign-off',
    'Jan in IT has no time',
    'Sept personnes seulement dans le service',
    'Open 9 to 5 only',
    'Too many sign-offs',
    'The mayor reads every post',
    'Nobody owns our social accounts',
    'Leadership does not see the value',
    '',
  ])('names no month: %s', (text) => {
    expect(findWindow(text, DEC_2026)).toBeNull();
  });

  it('resolves a month to the next one on or after the start, and a range that covers the start to the current one', () => {
    const march2025 = monthOf('2025-03-14')!;
    expect(said('The pre-election period from March to May stops new public campaigns', march2025)).toBe('2025-03/2025-05');
    expect(said('from January to March', march2025)).toBe('2025-01/2025-03');
    expect(said('The contract runs to February', march2025)).toBe('/2026-02');
  });

  it('holds nothing back for a "not before" month that has already begun', () => {
    expect(findWindow('Not before December', DEC_2026)).toBeNull();
  });
});

describe('a window in the card and in words', () => {
  it('round-trips and reads as the plan says it', () => {
    expect(holdWords(readHold('2027-10/2027-11')!)).toBe('from October to November 2027');
    expect(holdWords(readHold('2027-11/2028-01')!)).toBe('from November 2027 to January 2028');
    expect(holdWords(readHold('/2027-09')!)).toBe('not before October 2027');
    expect(holdWords(readHold('2027-12/2027-12')!)).toBe('December 2027');
    expect(writeHold(readHold('/2027-09')!)).toBe('/2027-09');
  });

  it('reads nothing from a malformed or backwards window', () => {
    for (const bad of ['2027-13/2027-14', '2027-11/2027-10', '2027-10', '27-10/27-11', '/', '2027-10/', 42, null]) {
      expect(readHold(bad)).toBeNull();
    }
  });
});
