import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { FakeTwilio } from '../support/fake-twilio';
import type { Harness } from '../support/harness';
import { addPatient, configureMessaging, eventually, openDesk, startPc, type Desk } from './support';

// kill -9 of the sending PC in the middle of a batch, at the worst moment: Twilio has taken a
// message and the answer never came back. The next sender must neither lose the rest nor send
// that one again (it asks Twilio, finds it and records it as sent).
const CHILD = path.join(__dirname, 'sender-child.ts');
const COUNT = 20;
const HOLD_AFTER = 7;

function startChild(args: object): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  return { child, output };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

describe('kill -9 of the sender mid-batch (server)', () => {
  const fake = new FakeTwilio();
  let h: Harness;
  let desk: Desk;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    h = await startPc('server', undefined, { messagingSender: undefined });
    await configureMessaging(h.knex, { sendRatePerSecond: 50 });
    desk = await openDesk(h);
  }, 120_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map(killed));
    await h?.dispose();
    await fake.close();
  });

  it(`loses nothing and doubles nothing across the kill (${COUNT} confirmations)`, { timeout: 180_000 }, async () => {
    const ids: number[] = [];
    for (let i = 0; i < COUNT; i++) {
      const patient = await addPatient(h.knex, `Batch Patient ${i}`, `+9197000${String(10000 + i).slice(-5)}`);
      ids.push((await desk.book(desk.day(6), `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${['00', '15', '30', '45'][i % 4]}`, patient)).id);
    }
    const args = { config: h.db.config as ServerDatabaseConfig, twilio: await fake.url() };
    fake.answerMessagesUpTo = HOLD_AFTER;

    const statuses = async () => {
      const rows: { status: string }[] = await h.knex('patient_messages').whereIn('appointment_id', ids).where({ kind: 'CONFIRMATION' }).select('status');
      return rows.reduce<Record<string, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
    };

    const first = startChild(args);
    children.push(first.child);
    // The kill lands once Twilio holds a send unanswered and the sends it did answer are
    // recorded (a loaded machine may record an answer after the next send has gone out).
    await eventually(
      `message ${HOLD_AFTER + 1} to reach Twilio, and the first ${HOLD_AFTER} to be recorded as sent`,
      async () => (fake.messages.length > HOLD_AFTER && (await statuses()).SENT === HOLD_AFTER ? true : undefined),
      90_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the child said: ${first.output.join(' | ')}`);
    });
    first.child.kill('SIGKILL');
    await killed(first.child);
    // Up to four sends are in flight at once: every one Twilio took after the seventh is unanswered.
    const held = fake.messages.slice(HOLD_AFTER);
    // Claims commit before the call to Twilio, so a claimed send may not have reached it yet
    // when the kill lands: at least the held ones are SENDING, the rest still QUEUED.
    const { SENT, SENDING = 0, QUEUED = 0 } = await statuses();
    expect(SENT).toBe(HOLD_AFTER);
    expect(SENDING).toBeGreaterThanOrEqual(held.length);
    expect(SENDING + QUEUED).toBe(COUNT - HOLD_AFTER);

    fake.answerMessagesUpTo = Infinity;
    const second = startChild(args);
    children.push(second.child);
    await eventually('every confirmation sent', async () => ((await statuses()).SENT === COUNT ? true : undefined), 90_000);
    second.child.kill('SIGKILL');
    await killed(second.child);

    const phones: string[] = await h.knex('patient_entities').where('name', 'like', 'Batch Patient %').pluck('phone');
    const sentTo = fake.messages.map((m) => m.to).filter((to) => phones.includes(to));
    expect(sentTo).toHaveLength(COUNT);
    expect(new Set(sentTo).size).toBe(COUNT);
    // The messages whose answers were lost were recognised at Twilio, not sent again.
    for (const m of held)
      expect(await h.knex('patient_messages').where({ provider_id: m.sid }).first('status', 'attempts')).toEqual({ status: 'SENT', attempts: 1 });
    expect(first.output.filter((l) => l.startsWith('FAILED'))).toEqual([]);
  });
});
