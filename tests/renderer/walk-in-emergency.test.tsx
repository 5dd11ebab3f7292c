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

describe('an emergency walk-in', () => {
  it('is sent with its reason, and waits first in the doctor’s queue marked as an emergency', async () => {
    const { box, sent } = await walkInForRavi('2');
    expect(within(box).queryByLabelText('Why it is an emergency')).toBeNull();
    fireEvent.click(within(box).getByRole('checkbox', { name: 'Emergency' }));
    fireEvent.change(within(box).getByLabelText('Why it is an emergency'), { target: { value: 'Chest pain' } });
    submit(box);
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 2')).toBeTruthy();
    expect(sent()).toEqual([{ patientId: 2, doctorId: 2, emergency: { reason: 'Chest pain' } }]);
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

  it('without a reason is refused at the reason box, in words, and sends nothing; unticked, the walk-in goes as an ordinary one', async () => {
    const { desk, box, sent } = await walkInForRavi('2');
    fireEvent.click(within(box).getByRole('checkbox', { name: 'Emergency' }));
    submit(box);
    const why = within(box).getByLabelText('Why it is an emergency');
    await waitFor(() => expect(why.getAttribute('aria-invalid')).toBe('true'));
    expect(within(box).getByRole('alert').textContent).toBe('Say why this is an emergency');
    expect(document.activeElement).toBe(why);
    // Too short a reason is the contract's to refuse, before anything is sent.
    fireEvent.change(why, { target: { value: 'ab' } });
    submit(box);
    await waitFor(() => expect(within(box).getByRole('alert').textContent).toBe('Say why this is an emergency'));
    expect(sent()).toEqual([]);
    expect(desk.state.appointments).toHaveLength(1);

    fireEvent.click(within(box).getByRole('checkbox', { name: 'Emergency' }));
    submit(box);
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 2')).toBeTruthy();
    expect(sent()).toEqual([{ patientId: 2, doctorId: 2 }]);
    expect(desk.state.priorities.size).toBe(0);
  });

  it('at a slot doctor is refused beside the mark, in main’s words, and adds nobody', async () => {
    const { desk, box, sent } = await walkInForRavi('1');
    fireEvent.click(within(box).getByRole('checkbox', { name: 'Emergency' }));
    fireEvent.change(within(box).getByLabelText('Why it is an emergency'), { target: { value: 'Chest pain' } });
    submit(box);
    const mark = within(box).getByRole('group', { name: 'Emergency' });
    expect(
      await within(mark).findByText("Dr. Anil Rao is not in an OPD session now: an emergency walk-in is for a token doctor's session", {
        selector: '[role=alert]',
      }),
    ).toBeTruthy();
    expect(sent()).toHaveLength(1);
    expect(desk.state.appointments.filter((a) => a.patientId === 2)).toEqual([]);
    expect(screen.getByRole('dialog', { name: 'Walk-in patient' })).toBeTruthy();
  });

  it('is what a session’s last, reserved token needs: an ordinary walk-in is refused beside the mark, the emergency then takes it', async () => {
    const { box, sent } = await walkInForRavi('2', { capacity: 2, emergencyReserve: 1 });
    submit(box);
    const mark = within(box).getByRole('group', { name: 'Emergency' });
    const reserveOnly = `Only the 1 token(s) kept for emergencies are left in Dr. Sara Khan's session of ${TODAY}, 09:00–13:00: book it as an emergency, or another session`;
    expect(await within(mark).findByText(reserveOnly, { selector: '[role=alert]' })).toBeTruthy();
    fireEvent.click(within(box).getByRole('checkbox', { name: 'Emergency' }));
    fireEvent.change(within(box).getByLabelText('Why it is an emergency'), { target: { value: 'Fainted in the queue' } });
    submit(box);
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 2')).toBeTruthy();
    expect(sent()).toEqual([
      { patientId: 2, doctorId: 2 },
      { patientId: 2, doctorId: 2, emergency: { reason: 'Fainted in the queue' } },
    ]);
  });
});
