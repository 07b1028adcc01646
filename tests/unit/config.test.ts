/** Configuration: each setting is written once (server/config.ts) and listed once for operators. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_KEYS, loadConfig } from '../../server/config.ts';

describe('config', () => {
  it('maps each variable to its camelCase field, with the derived values', () => {
    const c = loadConfig({
      MAX_CONNECTIONS_PER_PARTICIPANT: '7',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      RETENTION_DAYS: '2',
      REDIS_URL: '',
    });
    expect(c.maxConnectionsPerParticipant).toBe(7);
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.retentionMs).toBe(2 * 86_400_000);
    expect([c.redisUrl, c.cluster]).toEqual([undefined, false]);
    expect(loadConfig({ REDIS_URL: 'redis://r:6379', DATABASE_URL: 'postgres://p/db' }).cluster).toBe(true);
    expect(path.isAbsolute(c.dataDir)).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('docs/operations.md lists every variable the server reads, and no other', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/operations.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Environment variables'));
    const listed = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...ENV_KEYS].sort());
  });
});
