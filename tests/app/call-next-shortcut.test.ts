import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NEXT_ACCELERATOR, callNextShortcut, callNextThroughRouter } from '../../main/app/call-next-shortcut';
import { toTime } from '../../main/availability/wall-clock';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

/** electron's globalShortcut as the OS sees it: which keys are held, and by which callback. */
class FakeGlobalShortcut {
  readonly held = new Map<string, () => void>();
  readonly calls: string[] = [];
  /** Keys another program holds. */
  readonly taken = new Set<string>();
  register(accelerator: string, callback: () => void): boolean {
    this.calls.push(`register ${accelerator}`);
    if (this.taken.has(accelerator) || this.held.has(accelerator)) return false;
    this.held.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.calls.push(`unregister ${accelerator}`);
    this.held.delete(accelerator);
  }
  press(accelerator = CALL_NEXT_ACCELERATOR): void {
    this.held.get(accelerator)?.();
  }
}

describe.each(MODES)('the OS-wide Call next shortcut (%s)', (mode: Mode) => {
  let h: Harness;
  let today: string;
  let patients: number[];
  let nextPatient = 0;
  const dispose: (() => void)[] = [];

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${new Date().toISOString().slice(0, 10)}T06:00:00Z`);
    today = clinicNow((await h.services.settings.get()).timeZone, h.clock.now).date;
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 10 }, (_, i) => ({ name: `Shortcut Patient ${i}`, email: `sc${i}@example.com` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
  });
  afterEach(() => {
    for (const d of dispose.splice(0)) d();
  });
  afterAll(() => h.dispose());

  const newDoctor = async (name: string, room: string | null = null): Promise<number> =>
    (
      await h
        .knex('doctor_entities')
        .insert({ name, room, email: `${name.replace(/\W/g, '').toLowerCase()}@clinic.test` })
        .returning('id')
    )[0].id;

  /** A checked-in patient of the doctor today with this token. */
  async function waiting(doctorId: number, token: number): Promise<number> {
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({
        patient_id: patients[nextPatient],
        doctor_id: doctorId,
        appointment_date: today,
        start_time: toTime(nextPatient * 15),
        end_time: toTime(++nextPatient * 15),
        checked_in_at: new Date(),
        token_no: token,
      })
      .returning('id');
    return id;
  }
  const calledAt = async (id: number) => (await h.knex('appointment_entities').where({ id }).first('called_at')).called_at as Date | null;

  /** The shell's wiring over the harness's services: the PC's windows are `windows`, the press goes through the router. */
  function start(windows: Set<string>) {
    const shortcuts = new FakeGlobalShortcut();
    const shown: { title: string; body: string }[] = [];
    const log = vi.fn();
    const callNext = vi.fn(callNextThroughRouter(h.services.router, 'desk-pc'));
    const shortcut = callNextShortcut({
      shortcuts,
      sessions: h.services.sessions,
      windowKeys: () => [...windows],
      loadUser: (id) => h.services.auth.loadUser(id),
      callNext,
      show: (outcome) => shown.push(outcome),
      log,
    });
    dispose.push(() => shortcut.dispose());
    const holding = () => waitFor('the shortcut to be registered', () => (shortcuts.held.has(CALL_NEXT_ACCELERATOR) ? true : undefined));
    return { shortcuts, shown, log, callNext, shortcut, holding };
  }

  /** Signs a user in, in one of this PC's windows. */
  async function signInHere(windows: Set<string>, role: 'DOCTOR' | 'RECEPTIONIST', doctorId?: number) {
    const user = await h.signInAs(role, doctorId ? { doctorId } : {});
    windows.add(user.sessionKey);
    h.services.sessions.signIn(user.sessionKey, user.userId);
    return user;
  }

  it('is held only while a doctor is signed in and unlocked here: taken on sign-in and unlock, let go on lock, sign-out and dispose', async () => {
    const windows = new Set<string>();
    const { shortcuts, shortcut, holding } = start(windows);
    // A receptionist's window holds nothing: there is no "their doctor" to call for. Nor does a
    // doctor signed in elsewhere (a browser tab of the bridge is no window of this PC).
    const desk = await signInHere(windows, 'RECEPTIONIST');
    const elsewhere = await h.signInAs('DOCTOR');
    const doctor = await signInHere(windows, 'DOCTOR');
    await holding();
    expect(shortcuts.calls).toEqual([`register ${CALL_NEXT_ACCELERATOR}`]);

    // Locked (by hand or by the idle timer), it is let go at once, before anything else runs.
    h.services.sessions.setLocked(doctor.sessionKey, true);
    expect(shortcuts.held.size).toBe(0);
    h.services.sessions.setLocked(doctor.sessionKey, false);
    await holding();
    h.services.sessions.lockIdle(-1);
    expect(shortcuts.held.size).toBe(0);
    h.services.sessions.setLocked(doctor.sessionKey, false);
    await holding();

    h.services.sessions.signOut(doctor.sessionKey);
    expect(shortcuts.held.size).toBe(0);
    h.services.sessions.signIn(doctor.sessionKey, doctor.userId);
    await holding();
    // Quitting lets it go, and later sign-ins no longer take it.
    shortcut.dispose();
    expect(shortcuts.held.size).toBe(0);
    h.services.sessions.signOut(doctor.sessionKey);
    h.services.sessions.signIn(doctor.sessionKey, doctor.userId);
    expect(shortcuts.held.size).toBe(0);
    expect(shortcuts.calls.filter((c) => c.startsWith('register'))).toHaveLength(4);
    expect(shortcuts.calls.filter((c) => c.startsWith('unregister'))).toHaveLength(4);
    h.services.sessions.signOut(doctor.sessionKey);
    h.services.sessions.signOut(desk.sessionKey);
    h.services.sessions.signOut(elsewhere.sessionKey);
  });

  it("a press calls the signed-in doctor's next token, not another doctor's, and says which token; with nobody waiting it says so", async () => {
    const drA = await newDoctor('Dr. Asha Rao', 'Room 4');
    const otherDoctorsPatient = await waiting(await newDoctor('Dr. Vikram Sen'), 1);
    const first = await waiting(drA, 1);
    const second = await waiting(drA, 2);
    const windows = new Set<string>();
    const { shortcuts, shown, callNext, holding } = start(windows);
    const doctor = await signInHere(windows, 'DOCTOR', drA);
    await holding();

    shortcuts.press();
    await waitFor('the outcome', () => shown[0]);
    expect(callNext.mock.calls).toEqual([[doctor.sessionKey, { doctorId: drA }]]);
    expect(shown).toEqual([{ title: 'Token 1 called', body: 'Dr. Asha Rao · Room 4' }]);
    expect(await calledAt(first)).not.toBeNull();
    expect(await calledAt(second)).toBeNull();
    expect(await calledAt(otherDoctorsPatient)).toBeNull();
    // The call is the doctor's own, audited as the queue button's is.
    expect(await h.knex('audit_log').where({ action: 'appointments.callNext', entity_id: first, outcome: 'OK' }).pluck('user_id')).toEqual([doctor.userId]);

    // Token 1 has not come in yet: main's refusal is shown, and nobody else is called.
    shortcuts.press();
    await waitFor('the refusal', () => shown[1]);
    expect(shown[1]).toEqual({
      title: 'Call next',
      body: 'Token 1 has been called and is not with the doctor yet: mark them in, skip them or send them back first',
    });
    expect(await calledAt(second)).toBeNull();

    await h.knex('appointment_entities').whereIn('id', [first, second]).update({ status: 'COMPLETED', completed_at: new Date() });
    shortcuts.press();
    await waitFor('the empty queue', () => shown[2]);
    expect(shown[2]).toEqual({ title: 'Call next', body: 'Nobody is waiting for this doctor' });
    h.services.sessions.signOut(doctor.sessionKey);
  });

  it("a locked session's press does nothing, even one already on its way; keys another program holds are logged, not fatal", async () => {
    const drB = await newDoctor('Dr. Meera Iyer');
    const patient = await waiting(drB, 1);
    const windows = new Set<string>();
    const { shortcuts, shown, callNext, log, holding } = start(windows);
    const doctor = await signInHere(windows, 'DOCTOR', drB);
    await holding();
    // The OS delivered the press just as the screen locked: the callback runs after the lock.
    const pressed = shortcuts.held.get(CALL_NEXT_ACCELERATOR)!;
    h.services.sessions.setLocked(doctor.sessionKey, true);
    pressed();
    shortcuts.press();
    // Unlocking takes the keys again; the press before it never reached main.
    h.services.sessions.setLocked(doctor.sessionKey, false);
    await holding();
    expect(callNext).not.toHaveBeenCalled();
    expect(shown).toEqual([]);
    expect(await calledAt(patient)).toBeNull();
    shortcuts.press();
    await waitFor('the outcome', () => shown[0]);
    expect(shown).toEqual([{ title: 'Token 1 called', body: 'Dr. Meera Iyer' }]);
    expect(callNext).toHaveBeenCalledTimes(1);
    h.services.sessions.signOut(doctor.sessionKey);

    shortcuts.taken.add(CALL_NEXT_ACCELERATOR);
    h.services.sessions.signIn(doctor.sessionKey, doctor.userId);
    await waitFor('the log line', () => log.mock.calls[0]);
    expect(log.mock.calls[0]).toEqual([
      'the Call next shortcut is taken by another program; Call next stays in the app',
      { accelerator: 'CommandOrControl+Alt+N' },
    ]);
    expect(shortcuts.held.size).toBe(0);
    h.services.sessions.signOut(doctor.sessionKey);
  });
});
