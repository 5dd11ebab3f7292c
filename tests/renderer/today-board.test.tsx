import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentDto, Req } from '../../preload/contract';
import { todayIn } from '../../renderer/lib/dates';
import { clinicSettings, fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];
afterEach(() => cleanup());

const at = () => new Date().toISOString();
const seen = (tokenNo: number): Partial<AppointmentDto> => ({ status: 'COMPLETED', checkedInAt: at(), completedAt: at(), tokenNo });

/**
 * Dr. Rao: Asha expected at 09:00, Ravi checked in (token 1), Ravi seen at 11:30 with a UPI
 * payment still pending. Dr. Khan: Asha seen and unpaid, Ravi seen and paid, Asha did not come.
 */
function busyDay() {
  const desk = fakeDesk();
  const record = (req: Req<'payments.record'>) => desk.handlers['payments.record']!(req);
  const ashaExpected = desk.add(1, 1, '09:00');
  const raviWaiting = desk.add(2, 1, '09:30', { checkedInAt: at(), tokenNo: 1 });
  const ashaUnpaid = desk.add(1, 2, '10:00', seen(1));
  const raviPaid = desk.add(2, 2, '10:30', seen(2));
  desk.add(1, 2, '11:00', { status: 'NO_SHOW' });
  const raviPending = desk.add(2, 1, '11:30', seen(2));
  void record({ appointmentId: raviPaid.id, method: 'CASH', pending: false });
  void record({ appointmentId: raviPending.id, method: 'UPI', reference: '412345678901', pending: true });
  return { desk, ashaExpected, raviWaiting, ashaUnpaid };
}

const counts = () =>
  Object.fromEntries(
    within(screen.getByRole('group', { name: /^Today’s counts/ }))
      .getAllByRole('button')
      .map((b) => [b.querySelector('span')!.textContent, Number(b.querySelector('strong')!.textContent)]),
  );
const column = (doctor: string) => screen.getByRole('region', { name: doctor });
const rowOf = (table: HTMLElement, patient: string) =>
  within(table)
    .getAllByRole('row')
    .filter((r) => r.textContent?.includes(patient));

describe('the Today board', () => {
  it('counts the day: expected, waiting, with the doctor, seen, no-show and unpaid', async () => {
    const { desk } = busyDay();
    await renderDesk(desk);
    await screen.findByRole('region', { name: 'Today with Dr. Sara Khan' });
    await waitFor(() => expect(counts()).toEqual({ Expected: 1, Waiting: 1, 'With doctor': 0, Seen: 3, 'No-show': 1, Unpaid: 1 }));
  });

  it('groups per doctor, the next patient first: the one checked in before the one still expected', async () => {
    const { desk } = busyDay();
    await renderDesk(desk);
    const rao = await screen.findByRole('region', { name: 'Today with Dr. Anil Rao' });
    const waiting = await within(rao).findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    const expected = await within(rao).findByRole('table', { name: 'Expected for Dr. Anil Rao' });
    const next = within(rao).getByText('Next:').parentElement!;
    expect(next.textContent).toBe('Next: token 1 · Ravi Kumar');
    // The waiting room (whoever "Call next" takes) comes before who is still to arrive.
    expect(next.compareDocumentPosition(waiting) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(waiting.compareDocumentPosition(expected) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(waiting).getByText('Ravi Kumar')).toBeTruthy();
    expect(within(expected).getByText('Asha Verma')).toBeTruthy();

    const khan = column('Today with Dr. Sara Khan');
    // Nobody of Dr. Khan's is waiting or expected: no "next", and none of Dr. Rao's rows.
    expect(within(khan).queryByText('Next:')).toBeNull();
    expect(within(khan).queryByRole('table', { name: 'Expected for Dr. Sara Khan' })).toBeNull();
    expect(within(khan).getAllByRole('row')).toHaveLength(4);
  });

  it('marks who is unpaid, paid or has a payment on its way, and lists the pending UPI payment to confirm', async () => {
    const { desk } = busyDay();
    await renderDesk(desk);
    const khanSeen = await screen.findByRole('table', { name: 'Seen by Dr. Sara Khan' });
    await waitFor(() => expect(rowOf(khanSeen, 'Ravi Kumar')[0]!.textContent).toContain('paid'));
    const [ashaSeen, ashaNoShow] = rowOf(khanSeen, 'Asha Verma') as [HTMLElement, HTMLElement];
    expect(within(ashaSeen).getByText('unpaid')).toBeTruthy();
    expect(within(ashaSeen).getByText('Completed')).toBeTruthy();
    expect(within(rowOf(khanSeen, 'Ravi Kumar')[0]!).queryByText('unpaid')).toBeNull();
    expect(within(ashaNoShow).getByText('Did not come')).toBeTruthy();
    expect(within(ashaNoShow).queryByText(/paid/)).toBeNull();
    const raoSeen = screen.getByRole('table', { name: 'Seen by Dr. Anil Rao' });
    expect(within(rowOf(raoSeen, 'Ravi Kumar')[0]!).getByText('payment pending')).toBeTruthy();

    const pending = screen.getByRole('region', { name: 'Pending payments' });
    expect(within(pending).getByRole('listitem').textContent).toContain('Ravi Kumar · Dr. Anil Rao · ₹500.00 · UPI 412345678901');
    fireEvent.click(within(pending).getByRole('button', { name: 'Confirm the payment from Ravi Kumar' }));
    expect(await screen.findByRole('dialog', { name: 'Payment — Ravi Kumar' })).toBeTruthy();
  });

  it('takes payment from an unpaid row, and the board says paid without a reload', async () => {
    const { desk } = busyDay();
    await renderDesk(desk);
    const khanSeen = await screen.findByRole('table', { name: 'Seen by Dr. Sara Khan' });
    await waitFor(() => expect(counts().Unpaid).toBe(1));
    fireEvent.click(within(khanSeen).getByRole('button', { name: 'Take payment from Asha Verma' }));
    const box = await screen.findByRole('dialog', { name: 'Payment — Asha Verma' });
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('700.00'));
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    await within(box).findByText(/^Received ₹700.00/);
    fireEvent.click(within(box).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(counts().Unpaid).toBe(0));
    expect(within(rowOf(khanSeen, 'Asha Verma')[0]!).queryByText('unpaid')).toBeNull();
  });

  it('finds by name, phone or token, and narrows to a count when it is pressed', async () => {
    const { desk } = busyDay();
    await renderDesk(desk);
    await screen.findByRole('region', { name: 'Today with Dr. Sara Khan' });
    const find = screen.getByLabelText('Find on the board');

    fireEvent.change(find, { target: { value: 'ASHA' } });
    await waitFor(() => expect(counts()).toEqual({ Expected: 1, Waiting: 0, 'With doctor': 0, Seen: 1, 'No-show': 1, Unpaid: 1 }));
    expect(screen.queryByText('Ravi Kumar', { selector: 'td, strong' })).toBeNull();

    // Ravi's number as the desk types it, without the country code.
    fireEvent.change(find, { target: { value: '98110 00002' } });
    await waitFor(() => expect(counts()).toEqual({ Expected: 0, Waiting: 1, 'With doctor': 0, Seen: 2, 'No-show': 0, Unpaid: 0 }));

    fireEvent.change(find, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unpaid 1' }));
    expect(screen.getByRole('button', { name: 'Unpaid 1' }).getAttribute('aria-pressed')).toBe('true');
    // Only Asha's unpaid visit is left: Dr. Rao has nothing unpaid, so his column goes.
    expect(screen.queryByRole('region', { name: 'Today with Dr. Anil Rao' })).toBeNull();
    const khanSeen = screen.getByRole('table', { name: 'Seen by Dr. Sara Khan' });
    expect(
      within(khanSeen)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toHaveLength(2);
    expect(rowOf(khanSeen, 'Asha Verma')).toHaveLength(1);
    // The counts still say the whole (filtered) day, so the desk sees what it left out.
    expect(counts().Seen).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Unpaid 1' }));
    expect(screen.getByRole('region', { name: 'Today with Dr. Anil Rao' })).toBeTruthy();
  });

  it('draws every doctor of a clinic of many (the first columns at once, the others just after) and keeps each current', async () => {
    const desk = fakeDesk();
    const extra = Array.from({ length: 8 }, (_, i) => ({ ...desk.state.doctors[0]!, id: 10 + i, name: `Dr. Extra ${i + 1}` }));
    desk.state.doctors.push(...extra);
    extra.forEach((d, i) => desk.add(1, d.id, `${String(9 + i).padStart(2, '0')}:00`));
    await renderDesk(desk);
    for (const d of extra) {
      const own = await screen.findByRole('region', { name: `Today with ${d.name}` });
      expect(await within(own).findByRole('button', { name: 'Check in Asha Verma' })).toBeTruthy();
    }
    // A booking for the last doctor, made on another PC, reaches the last column.
    const last = extra.at(-1)!;
    desk.handlers['appointments.book']!({ patientId: 2, doctorId: last.id, date: TODAY, startTime: '12:30' });
    expect(await within(column(`Today with ${last.name}`)).findByRole('button', { name: 'Check in Ravi Kumar' })).toBeTruthy();
  });

  it('shows the whole day per status on request, across doctors', async () => {
    const { desk } = busyDay();
    await renderDesk(desk);
    await screen.findByRole('region', { name: 'Today with Dr. Sara Khan' });
    fireEvent.click(screen.getByRole('button', { name: 'Per status' }));
    const seenToday = screen.getByRole('table', { name: 'Seen today' });
    expect(within(seenToday).getAllByRole('row')).toHaveLength(5);
    expect(within(seenToday).getAllByText('Dr. Sara Khan')).toHaveLength(3);
    expect(screen.getByRole('table', { name: 'Expected today' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Waiting for Dr. Anil Rao' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Today with Dr. Sara Khan' })).toBeNull();
  });

  it('asks for the day’s appointments, money and lobby by the clinic’s date alone, never first by the PC’s', async () => {
    // A clinic whose date is not the PC's now, whatever the hour.
    const pc = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const timeZone = todayIn('Etc/GMT-14') !== pc ? 'Etc/GMT-14' : 'Etc/GMT+12';
    const desk = fakeDesk();
    const asked = { list: [] as string[], money: [] as string[], lobby: [] as string[] };
    await renderDesk(desk, {
      'settings.get': () => ({ ok: true, value: clinicSettings({ timeZone }) }),
      'appointments.list': (req) => (asked.list.push(`${req.from}…${req.to}`), desk.handlers['appointments.list']!(req)),
      'payments.ofDay': (req) => (asked.money.push(req.date), desk.handlers['payments.ofDay']!(req)),
      'video.waitingOnline': (req) => (asked.lobby.push(req.date ?? 'by appointment'), desk.handlers['video.waitingOnline']!(req)),
    });
    const day = todayIn(timeZone);
    await screen.findByRole('heading', { name: /^Today · / });
    await waitFor(() => expect(asked.money).toContain(day));
    await waitFor(() => expect(asked.lobby).toContain(day));
    await waitFor(() => expect(asked.list).toContain(`${day}…${day}`));
    expect(asked).toEqual({ list: [`${day}…${day}`], money: [day], lobby: [day] });
  });
});
