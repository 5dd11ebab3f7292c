import { describe, expect, it } from 'vitest';
import { USER_ROW_MAX_AGE_MS, UserCache } from '../../main/auth/user-cache';
import type { CurrentUser } from '../../main/shared/call-context';

const desk: CurrentUser = { id: 7, email: 'desk@clinic.test', displayName: 'Desk', role: 'RECEPTIONIST', doctorId: null, language: 'en' };

function setup() {
  let clock = 1_000_000;
  const rows = new Map<number, CurrentUser | undefined>([[7, desk]]);
  const reads: number[] = [];
  const cache = new UserCache(
    async (id) => {
      reads.push(id);
      return rows.get(id);
    },
    () => clock,
  );
  return { cache, rows, reads, advance: (ms: number) => (clock += ms) };
}

describe('UserCache', () => {
  it('reads a user’s row once per max age, and again after it', async () => {
    const { cache, reads, advance } = setup();
    expect(await cache.get(7)).toEqual(desk);
    advance(USER_ROW_MAX_AGE_MS - 1);
    expect(await cache.get(7)).toEqual(desk);
    expect(reads).toEqual([7]);
    advance(1);
    await cache.get(7);
    expect(reads).toEqual([7, 7]);
  });

  it('sees another PC’s disabling of the account within the max age', async () => {
    const { cache, rows, advance } = setup();
    await cache.get(7);
    rows.set(7, undefined);
    advance(USER_ROW_MAX_AGE_MS);
    expect(await cache.get(7)).toBeUndefined();
  });

  it('applies this PC’s change at once once the account is forgotten, also over a read already under way', async () => {
    const { cache, rows, reads } = setup();
    await cache.get(7);
    rows.set(7, { ...desk, role: 'DOCTOR', doctorId: 3 });
    cache.forget(7);
    expect(await cache.get(7)).toMatchObject({ role: 'DOCTOR', doctorId: 3 });

    // A read that started before a change must not put the old row back after forget().
    rows.set(7, desk);
    cache.forget(7);
    const stale = cache.get(7);
    rows.set(7, undefined);
    cache.forget(7);
    expect(await stale).toEqual(desk);
    expect(await cache.get(7)).toBeUndefined();
    expect(reads).toHaveLength(4);
  });

  it('shares a read under way among every get of that user meanwhile, but not across a forget()', async () => {
    const rows = new Map<number, CurrentUser | undefined>([[7, desk]]);
    const pending: (() => void)[] = [];
    const reads: number[] = [];
    // Each read answers only when let go, so the gets below all arrive while it is under way.
    const cache = new UserCache((id) => {
      reads.push(id);
      const row = rows.get(id);
      return new Promise((resolve) => pending.push(() => resolve(row)));
    });
    const burst = Array.from({ length: 16 }, () => cache.get(7));
    expect(reads).toEqual([7]);
    pending.shift()!();
    expect(await Promise.all(burst)).toEqual(Array(16).fill(desk));
    expect(reads).toEqual([7]);

    // Changed while a read is under way: later gets read again, and only the new row is kept.
    cache.forget(7);
    const before = cache.get(7);
    rows.set(7, { ...desk, role: 'DOCTOR', doctorId: 3 });
    cache.forget(7);
    const after = [cache.get(7), cache.get(7)];
    expect(reads).toEqual([7, 7, 7]);
    pending.shift()!();
    pending.shift()!();
    expect(await before).toEqual(desk);
    expect(await Promise.all(after)).toEqual(Array(2).fill({ ...desk, role: 'DOCTOR', doctorId: 3 }));
    expect(await cache.get(7)).toMatchObject({ role: 'DOCTOR' });
    expect(reads).toHaveLength(3);
  });

  it('a failed read fails every get that shared it, and the next get reads again', async () => {
    let fail = true;
    const reads: number[] = [];
    const cache = new UserCache(async (id) => {
      reads.push(id);
      if (fail) throw new Error('connection lost');
      return desk;
    });
    const [a, b] = [cache.get(7), cache.get(7)];
    await expect(a).rejects.toThrow('connection lost');
    await expect(b).rejects.toThrow('connection lost');
    fail = false;
    expect(await cache.get(7)).toEqual(desk);
    expect(reads).toEqual([7, 7]);
  });
});
