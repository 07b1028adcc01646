/**
 * Messages between nodes are checked where they arrive from Redis (server/cluster/messages.ts):
 * every kind the nodes send reads back as sent, and anything else is refused there, before the
 * router reads a field of it.
 */
import { describe, expect, it } from 'vitest';
import { readMessage, type Message } from '../../server/cluster/messages.ts';

const sent: Message[] = [
  { t: 'open', from: 'a', sid: 's1', code: 'ROOM01', role: 'participant', participantId: 'p1', name: 'Ana' },
  { t: 'open', from: 'a', sid: 's2', code: 'ROOM01', role: 'facilitator', participantId: null, name: null },
  { t: 'ev', from: 'a', sid: 's1', event: 'sync', args: [{ $b: 'AAE=' }], ack: 0 },
  { t: 'ev', from: 'a', sid: 's1', event: 'command', args: [{ type: 'stage:set' }] },
  { t: 'leave', from: 'a', sid: 's1' },
  { t: 'opened', sid: 's1', error: null },
  { t: 'opened', sid: 's1', error: { code: 'TOO_MANY_CONNECTIONS', message: 'Too many.' } },
  { t: 'emit', sids: ['s1', 's2'], event: 'presence', args: [{ online: 2 }] },
  { t: 'ack', sid: 's1', id: 0, args: [{ ok: true }] },
  { t: 'close', sids: ['s1'] },
  { t: 'drop', sids: ['s1'] },
  { t: 'call', from: 'a', id: 4, method: 'roomInfo', args: ['ROOM01'] },
  { t: 'result', id: 4, value: { name: 'Board' } },
  { t: 'result', id: 4 },
  { t: 'result', id: 4, moved: true },
  { t: 'result', id: 4, error: { code: 'WORKSHOP_NOT_FOUND', message: 'No such workshop.' } },
  { t: 'deleted', code: 'ROOM01' },
];

describe('messages between nodes', () => {
  it('reads every kind the nodes send as it was sent', () => {
    for (const msg of sent) expect(readMessage(JSON.stringify(msg))).toEqual(msg);
  });

  it('refuses text that is not JSON, an unknown kind, and a known kind with a field missing or of the wrong type', () => {
    for (const text of [
      'not json',
      '"drop"',
      'null',
      '{"sids":["s1"]}',
      '{"t":"hello","sids":["s1"]}',
      '{"t":"drop"}',
      '{"t":"drop","sids":"s1"}',
      '{"t":"ack","sid":"s1","id":"0","args":[]}',
      '{"t":"ev","from":"a","sid":"s1","event":"sync","args":{"0":1}}',
      '{"t":"open","from":"a","sid":"s1","code":"ROOM01","role":"owner","participantId":null,"name":null}',
      '{"t":"opened","sid":"s1"}',
    ]) {
      expect(() => readMessage(text), text).toThrow();
    }
  });
});
