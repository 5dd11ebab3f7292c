import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Knex } from 'knex';
import type { SettingsDto } from '../../preload/contract';

// The repository is replaced so the test decides when a read answers: the race is a read that
// left before a write and comes back after it.
const repo = vi.hoisted(() => ({ reads: [] as ((value: unknown) => void)[], stored: { timeZone: 'UTC' } as Record<string, unknown> }));
vi.mock('../../main/settings/repo', () => ({
  readSettings: () => new Promise((resolve) => repo.reads.push(resolve)),
  writeSettings: async (_trx: unknown, changes: Record<string, unknown>) => Object.assign(repo.stored, changes),
}));
const { SettingsService } = await import('../../main/settings/service');

const settings = (timeZone: string) => ({ timeZone }) as SettingsDto;
/** Answers the oldest read still waiting. */
const answerRead = (value: SettingsDto) => repo.reads.shift()!(value);

describe('the settings cache', () => {
  beforeEach(() => {
    repo.reads.length = 0;
  });

  it('keeps a read for later calls', async () => {
    const service = new SettingsService({} as Knex, () => 0);
    const first = service.get();
    answerRead(settings('Asia/Kolkata'));
    expect((await first).timeZone).toBe('Asia/Kolkata');
    expect((await service.get()).timeZone).toBe('Asia/Kolkata');
    expect(repo.reads).toHaveLength(0);
  });

  it('never keeps a read that started before this PC’s write and answered after it', async () => {
    const service = new SettingsService({} as Knex, () => 0);
    const early = service.get();
    await service.update({ timeZone: 'Asia/Kolkata' }, null);
    answerRead(settings('UTC'));
    expect((await early).timeZone).toBe('UTC');
    // The next call reads again, and sees the write.
    const next = service.get();
    expect(repo.reads).toHaveLength(1);
    answerRead(settings('Asia/Kolkata'));
    expect((await next).timeZone).toBe('Asia/Kolkata');
  });
});
