import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Req } from '../../preload/contract';
import { fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';

// jsdom lays nothing out: give lists a real size so the patient picker's virtualised rows render.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];
afterEach(() => cleanup());

const pressAlt = (letter: string) => fireEvent.keyDown(window, { altKey: true, code: `Key${letter.toUpperCase()}`, key: letter });

/** The desk with Dr. Sara Khan in a token session, Asha already holding its token 1; the walk-in dialog open for Ravi Kumar. */
async function walkInForRavi(doctorId: string, plan: Parameters<ReturnType<typeof fakeDesk>['openSession']>[1] = {}) {
  const desk = fakeDesk();
  desk.openSession(2, { room: 'OPD 2', ...plan });
  expect(desk.handlers['appointments.walkIn']!({ patientId: 1, doctorId: 2 })).toMatchObject({ ok: true, value: { tokenNo: 1 } });
  const fake = await renderDesk(desk);
  await screen.findByRole('heading', { name: /^Today/ });
  pressAlt('w');
  const box = await screen.findByRole('dialog', { name: 'Walk-in patient' });
  fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'ravi' } });
  await within(box).findByRole('option', { name: /Ravi Kumar/ });
  fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
  await within(box).findByRole('group', { name: 'Patient' });
  fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: doctorId } });
  const sent = () => fake.calls.filter((c) => c.channel === 'appointments.walkIn').map((c) => c.payload as Req<'appointments.walkIn'>);
  return { desk, box, sent };
}

const submit = (box: HTMLElement) => fireEvent.click(within(box).getByRole('button', { name: 'Add to today’s queue' }));
const choose = (box: HTMLElement, kind: string) => fireEvent.change(within(box).getByLabelText('Goes first'), { target: { value: kind } });

describe('a walk-in with priority', () => {
  it('an emergency is sent with its reason, and waits first in the doctor’s queue marked as one', async () => {
    const { box, sent } = await walkInForRavi('2');
    expect(within(box).queryByLabelText('Why this patient goes first')).toBeNull();
    choose(box, 'EMERGENCY');
    fireEvent.change(within(box).getByLabelText('Why this patient goes first'), { target: { value: 'Chest pain' } });
    submit(box);
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 2')).toBeTruthy();
    expect(sent()).toEqual([{ patientId: 2, doctorId: 2, priority: { kind: 'EMERGENCY', reason: 'Chest pain' } }]);
    // Token 2 is called before token 1: the emergency leads the list, tagged.
    const waiting = await screen.findByRole('list', { name: 'Waiting for Dr. Sara Khan' });
    await waitFor(() => expect(within(waiting).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = within(waiting).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(first).getByLabelText('Token 2').textContent).toBe('2');
    expect(within(first).getByText('Ravi Kumar')).toBeTruthy();
    expect(within(first).getByText('emergency')).toBeTruthy();
    expect(within(second).getByText('Asha Verma')).toBeTruthy();
    expect(within(second).queryByText('emergency')).toBeNull();
  });

  it('an elderly patient is sent with the kind and reason, and goes ahead tagged — at a slot doctor too', async () => {
    const { box, sent } = await walkInForRavi('1');
    expect(
      within(box)
        .getAllByRole('option')
        .filter((o) => (o as HTMLOptionElement).parentElement === within(box).getByLabelText('Goes first'))
        .map((o) => o.textContent),
    ).toEqual(['No — waits their turn', 'Emergency', 'Elderly', 'Pregnant', 'Child']);
    choose(box, 'ELDERLY');
    fireEvent.change(within(box).getByLabelText('Why this patient goes first'), { target: { value: 'Aged 84' } });
    submit(box);
    expect(await screen.findByText(/^Ravi Kumar added for Dr\. Anil Rao — token \d+$/)).toBeTruthy();
    expect(sent()).toEqual([{ patientId: 2, doctorId: 1, priority: { kind: 'ELDERLY', reason: 'Aged 84' } }]);
    const waiting = await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    const ravi = await within(waiting).findByText('Ravi Kumar');
    expect(within(ravi.closest('li')!).getByText('priority: elderly')).toBeTruthy();
  });

  it('without a reason is refused at the reason box, in words, and sends nothing; back to "waits their turn", the walk-in goes as an ordinary one', async () => {
    const { desk, box, sent } = await walkInForRavi('2');
    choose(box, 'PREGNANT');
    submit(box);
    const why = within(box).getByLabelText('Why this patient goes first');
    await waitFor(() => expect(why.getAttribute('aria-invalid')).toBe('true'));
    expect(within(box).getByRole('alert').textContent).toBe('Say why this patient goes first');
    expect(document.activeElement).toBe(why);
    // Too short a reason is the contract's to refuse, before anything is sent.
    fireEvent.change(why, { target: { value: 'ab' } });
    submit(box);
    await waitFor(() => expect(within(box).getByRole('alert').textContent).toBe('Say why this patient goes first'));
    expect(sent()).toEqual([]);
    expect(desk.state.appointments).toHaveLength(1);

    choose(box, '');
    expect(within(box).queryByLabelText('Why this patient goes first')).toBeNull();
    submit(box);
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 2')).toBeTruthy();
    expect(sent()).toEqual([{ patientId: 2, doctorId: 2 }]);
    expect(desk.state.priorities.size).toBe(0);
  });

  it('a session’s last, reserved token is an emergency’s: an ordinary or a child walk-in is refused beside the choice, the emergency then takes it', async () => {
    const { box, sent } = await walkInForRavi('2', { capacity: 2, emergencyReserve: 1 });
    submit(box);
    const group = within(box).getByRole('group', { name: 'Priority' });
    const reserveOnly = `Only the 1 token(s) kept for emergencies are left in Dr. Sara Khan's session of ${TODAY}, 09:00–13:00: book it as an emergency, or another session`;
    expect(await within(group).findByText(reserveOnly, { selector: '[role=alert]' })).toBeTruthy();
    choose(box, 'CHILD');
    fireEvent.change(within(box).getByLabelText('Why this patient goes first'), { target: { value: 'Three years old' } });
    submit(box);
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(await within(group).findByText(reserveOnly, { selector: '[role=alert]' })).toBeTruthy();
    choose(box, 'EMERGENCY');
    fireEvent.change(within(box).getByLabelText('Why this patient goes first'), { target: { value: 'Fainted in the queue' } });
    submit(box);
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 2')).toBeTruthy();
    expect(sent()).toEqual([
      { patientId: 2, doctorId: 2 },
      { patientId: 2, doctorId: 2, priority: { kind: 'CHILD', reason: 'Three years old' } },
      { patientId: 2, doctorId: 2, priority: { kind: 'EMERGENCY', reason: 'Fainted in the queue' } },
    ]);
  });
});
