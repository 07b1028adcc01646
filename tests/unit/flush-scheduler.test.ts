/**
 * When rooms flush: at once (end of the turn) when the server is quiet, so a lone edit is not
 * delayed; gathered for a short window when flushes follow each other closely, so the rooms'
 * changes share one storage transaction; never longer than the window, and at once when many
 * rooms wait. The clock and timers are vitest's fake ones, so nothing here depends on the machine.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlushScheduler } from '../../server/rooms/flush-scheduler.ts';

beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] }));
afterEach(() => void vi.useRealTimers());

function setup(maxRooms = 8) {
  const scheduler = new FlushScheduler({ gatherMs: 2, maxRooms, now: () => Date.now() });
  const ran: string[] = [];
  const room = (name: string) => () => void ran.push(name);
  return { scheduler, ran, room };
}

describe('flush scheduler', () => {
  it('flushes a change on a quiet server at the end of the turn, not later', () => {
    const { scheduler, ran, room } = setup();
    scheduler.request(room('a'));
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a']);
  });

  it('flushes a room once however often it asked before the flush', () => {
    const { scheduler, ran, room } = setup();
    const a = room('a');
    scheduler.request(a);
    scheduler.request(a);
    scheduler.request(room('b'));
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a', 'b']);
  });

  it('gathers the changes that follow a flush closely into one flush, held no longer than the window', () => {
    const { scheduler, ran, room } = setup();
    scheduler.request(room('a'));
    vi.advanceTimersByTime(0);
    ran.length = 0;
    // Within the window after that flush: the server is busy, so these wait for each other.
    vi.advanceTimersByTime(1);
    scheduler.request(room('b'));
    vi.advanceTimersByTime(0);
    scheduler.request(room('c'));
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(ran).toEqual(['b', 'c']);
  });

  it('does not hold the room the last flush took: one phone editing as fast as it is acknowledged has no one to wait for', () => {
    const { scheduler, ran, room } = setup();
    const a = room('a');
    scheduler.request(a);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(1);
    scheduler.request(a);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a', 'a']);
  });

  it('goes back to flushing at the end of the turn once the server is quiet again', () => {
    const { scheduler, ran, room } = setup();
    scheduler.request(room('a'));
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(5);
    ran.length = 0;
    scheduler.request(room('b'));
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['b']);
  });

  it('flushes at the end of the turn when as many rooms as it gathers at most are waiting', () => {
    const { scheduler, ran, room } = setup(3);
    scheduler.request(room('a'));
    vi.advanceTimersByTime(0);
    ran.length = 0;
    scheduler.request(room('b'));
    scheduler.request(room('c'));
    vi.advanceTimersByTime(0);
    expect(ran).toEqual([]);
    scheduler.request(room('d'));
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['b', 'c', 'd']);
    // Its timer is gone: nothing runs twice.
    vi.advanceTimersByTime(10);
    expect(ran).toEqual(['b', 'c', 'd']);
  });
});
