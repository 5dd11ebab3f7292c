import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type BoardDto } from '../../preload/contract';
import type { Bridge } from '../../main/bridge/server';
import { toTime } from '../../main/availability/wall-clock';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { startTestBridge } from '../support/test-bridge';
import { TEST_PASSWORD, expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const NAMES = ['Ravi Kumar', 'Sunita Devi Sharma', 'Mohammed Iqbal', 'Lakshmi Narayanan'];
const PHONE = '+919812345678';

describe.each(MODES)('the token board (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string };
  let doctor: number;
  let ids: number[];

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = await h.signInAs('RECEPTIONIST');
    const today = clinicNow((await h.services.settings.get()).timeZone).date;
    [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha@clinic.test', room: 'Room 4' }).returning('id');
    const patients = await h
      .knex('patient_entities')
      .insert(NAMES.map((name, i) => ({ name, phone: PHONE, email: `b${i}@example.com` })))
      .returning('id');
    ids = (
      await h
        .knex('appointment_entities')
        .insert(
          patients.map(({ id }: { id: number }, i: number) => ({
            patient_id: id,
            doctor_id: doctor,
            appointment_date: today,
            start_time: toTime(i * 15),
            end_time: toTime((i + 1) * 15),
            checked_in_at: new Date(),
            token_no: i + 1,
          })),
        )
        .returning('id')
    ).map((r: { id: number }) => r.id);
  });
  afterAll(() => h.dispose());

  const openDisplay = async () => expectOk<{ ticket: string }>(await h.callRaw('board.openDisplay', {}, desk.sessionKey)).ticket;
  /** The board as the display tab reads it: no session, only the ticket. */
  const show = async (ticket: string) => h.callRaw('board.show', { ticket }, 'display-tab-without-session');

  it('shows the called token and the next ones in call order, with the room and priority, and never a name', async () => {
    const ticket = await openDisplay();
    expectOk(await h.callRaw('appointments.setPriority', { id: ids[3], priority: 'EMERGENCY', reason: 'Breathless' }, desk.sessionKey));
    expectOk(await h.callRaw('appointments.callNext', { doctorId: doctor }, desk.sessionKey));
    const reply = await show(ticket);
    const board = expectOk<BoardDto>(reply);
    expect(board.doctors).toEqual([
      {
        doctorId: doctor,
        doctorName: 'Dr. Asha Rao',
        room: 'Room 4',
        now: { tokenNo: 4, initials: null, priority: 'EMERGENCY' },
        next: [1, 2, 3].map((tokenNo) => ({ tokenNo, initials: null, priority: null })),
      },
    ]);
    const wire = JSON.stringify(reply);
    for (const part of [...NAMES.flatMap((n) => n.split(' ')), PHONE, '98123']) expect(wire).not.toContain(part);
  });

  it('shows initials, and only initials, and says calls aloud, when the clinic chose so in its settings', async () => {
    const admin = (await h.signInAs('ADMIN')).sessionKey;
    expect(expectOk<BoardDto>(await show(await openDisplay())).speaks).toBe(false);
    expect(expectOk(await h.call('settings.update', { boardNames: 'INITIALS', boardSpeaks: true }, admin))).toMatchObject({
      boardNames: 'INITIALS',
      boardSpeaks: true,
    });
    const reply = await show(await openDisplay());
    const board = expectOk<BoardDto>(reply);
    expect(board.speaks).toBe(true);
    expect([board.doctors[0]!.now, ...board.doctors[0]!.next].map((t) => t!.initials)).toEqual(['LN', 'RK', 'SS', 'MI']);
    const wire = JSON.stringify(reply);
    for (const part of NAMES.flatMap((n) => n.split(' '))) expect(wire).not.toContain(part);
    expect(await h.call('settings.update', { boardNames: 'FULL' as never }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'boardNames' },
    });
    expectOk(await h.call('settings.update', { boardNames: 'NONE', boardSpeaks: false }, admin));
    expect(expectOk<BoardDto>(await show(await openDisplay())).doctors[0]!.now!.initials).toBeNull();
  });

  it('refuses an unknown ticket, and its holder gets nothing from any other channel', async () => {
    const ticket = await openDisplay();
    expect(await show('x'.repeat(43))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'ticket' } });
    expect(await show('short')).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    for (const channel of Object.keys(channels).filter((c) => c !== 'board.show')) {
      // The ticket as a payload is refused everywhere (video.joinWindow's own ticket is another kind).
      const withTicket = await h.callRaw(channel, { ticket }, 'display-tab-without-session');
      expect({ channel, withTicket }).toMatchObject({
        channel,
        withTicket: { ok: false, error: { code: expect.stringMatching(/^(UNAUTHENTICATED|INVALID)$/) } },
      });
      // And a channel for signed-in users refuses the tab whatever it sends.
      if (channels[channel as keyof typeof channels].roles !== 'public') {
        const bare = await h.callRaw(channel, {}, 'display-tab-without-session');
        expect({ channel, bare }).toMatchObject({ channel, bare: { ok: false, error: { code: expect.stringMatching(/^(UNAUTHENTICATED|INVALID)$/) } } });
      }
    }
  });
});

describe('the token display over the browser bridge', () => {
  let bridge: Bridge;
  let knex: Knex;
  let dispose: () => Promise<void>;
  let base: string;
  const DESK = 'd'.repeat(24);
  const DISPLAY = 'e'.repeat(24);

  beforeAll(async () => {
    ({ bridge, base, knex, dispose } = await startTestBridge({ desk: true }));
  });
  afterAll(() => dispose());

  const call = async (channel: string, payload: unknown, client: string) =>
    (
      await fetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.token}`, 'X-Clinic-Client': client, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      })
    ).json();

  it('tells a display stream only that the board changed, and refuses a stream without a valid ticket', async () => {
    expect(await call('auth.login', { email: 'desk@clinic.test', password: TEST_PASSWORD }, DESK)).toMatchObject({ ok: true });
    const { value } = (await call('board.openDisplay', {}, DESK)) as { value: { ticket: string } };
    expect((await fetch(`${base}/api/events?token=${bridge.token}&client=${DISPLAY}&display=${'x'.repeat(43)}`)).status).toBe(401);

    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${bridge.token}&client=${DISPLAY}&display=${value.ticket}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value: chunk, done } = await reader.read();
        if (done) return;
        text += Buffer.from(chunk).toString('utf8');
      }
    })().catch(() => undefined);
    await waitFor('the stream to open', () => (text.includes(': connected') ? true : undefined));

    // A check-in at another desk: the change reaches the display as a bare "board changed".
    const [{ id: doctorId }] = await knex('doctor_entities').insert({ name: 'Dr. Stream', email: 'stream@clinic.test' }).returning('id');
    const [{ id: patientId }] = await knex('patient_entities').insert({ name: 'Geeta Bose', email: 'geeta@example.com' }).returning('id');
    const today = clinicNow((await bridge.services.settings.get()).timeZone).date;
    await knex('appointment_entities').insert({
      patient_id: patientId,
      doctor_id: doctorId,
      appointment_date: today,
      start_time: '10:00',
      end_time: '10:15',
      checked_in_at: new Date(),
      token_no: 1,
    });
    await waitFor('board.changed on the display stream', () => (text.includes('"board.changed"') ? true : undefined));
    const frames = text
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => JSON.parse(l.slice(5)) as { event: string; payload: unknown });
    expect(frames.every((f) => f.event === 'board.changed' && JSON.stringify(f.payload) === '{}')).toBe(true);
    expect(text).not.toContain('Geeta');
    controller.abort();
    await reading;
  });
});
