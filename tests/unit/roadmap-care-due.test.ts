/**
 * A safety step in Before you act (safeguarding, the rules on financial promotions) blocks
 * public work, so it says who answers for it and by when: the named owner of the work it
 * blocks, or the facilitator names one (always in an anonymous room); 30 days after the plan's
 * start. Over every golden export, and on constructed boards.
 */
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { exportOf, roadmapOf, SAMPLES } from '../fixtures/samples.ts';
import { card, makeBoard, markersOn, participant, vote } from '../fixtures/boards.ts';

const section = (md: string, heading: string) => md.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const plus30 = (day: string) => {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + 30 * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
const isSafety = (line: string) => /^- (Safeguarding|Where young people are involved|The rules on financial promotions)/.test(line);

describe('a safety step in Before you act', () => {
  it('names who answers for it and a date 30 days after the plan starts, in every golden export', () => {
    let seen = 0;
    for (const sample of SAMPLES) {
      const board = sample.board();
      const roadmap = roadmapOf(sample, board);
      const lines = section(exportOf(sample), 'Before you act').split('\n').filter(isSafety);
      for (const line of lines) {
        seen++;
        expect(line, sample.file).toContain(`due by ${plus30(roadmap.start!)}, before the first public step that waits for it.`);
        const who = /Owner: (.+?); due/.exec(line)?.[1] ?? '';
        if (board.settings.anonymous) expect(who, sample.file).toBe('the facilitator names an owner at the first-30-days meeting');
        else {
          // The role, named by the item the step blocks, and that item is in the plan with someone on it.
          const item = /^whoever owns (.+) in this plan$/.exec(who)?.[1];
          expect(item, `${sample.file}: ${who}`).toBeDefined();
          const i = roadmap.initiatives.find((x) => x.title.startsWith(`${item}:`));
          expect(i && (i.owner || i.suggestedOwners[0]), `${sample.file}: ${item}`).toBeTruthy();
        }
        // No person's name is stored in a caution: it would outlive a switch to anonymous.
        for (const p of board.participants) expect(line, sample.file).not.toContain(p.name);
      }
    }
    // Harbourside's and Kestrel's financial promotions, Northfield's and Brightside's safeguarding.
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  const ids = ['p1', 'p2', 'p3'];
  const lender = (anonymous: boolean) => {
    const b = makeBoard({
      organisation: 'Northern Mortgages',
      participants: ids.map((id, i) => participant(id, ['Ann Lee', 'Bo Park', 'Cy Ode'][i]!, i)),
      markers: markersOn(ids, 'conversation', [1, 1, 1], [3, 3, 3]),
      votes: [vote('p2', 'dim:conversation', 3)],
      cards: [card('p2', 'Replies to customers go through the call centre script', 'conversation', 1)],
    });
    b.settings = { ...b.settings, organisationKind: 'company', anonymous };
    return b;
  };
  const financial = (r: ReturnType<typeof generateRoadmap>) => r.cautions!.find((c) => c.text.startsWith('The rules on financial'))!.text;

  it('gives the step to whoever owns the conversation it blocks, due 30 days after the start', () => {
    const r = generateRoadmap(lender(false), '2025-03-14');
    expect(r.initiatives.find((i) => i.dimension === 'conversation')!.suggestedOwners[0]).toBe('Bo Park');
    expect(financial(r)).toContain(
      'Owner: whoever owns Conversation & inbound communication in this plan; due by 13 April 2025, before the first public step that waits for it.',
    );
  });

  it('in an anonymous room, or with no start, the facilitator names one and the first-30-days meeting is the date', () => {
    expect(financial(generateRoadmap(lender(true), '2025-03-14'))).toContain(
      'Owner: the facilitator names an owner at the first-30-days meeting; due by 13 April 2025,',
    );
    expect(financial(generateRoadmap(lender(false)))).toContain('; due at the first-30-days meeting, before the first public step');
  });
});
