import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HolidaysPanel } from '../../renderer/features/holidays/HolidaysPanel';
import { fakeDesk, TODAY } from './fake-desk';
import { renderApp, renderDesk } from './render-app';

// The administrator's holidays: a year at a time, added by hand or imported, renamed and
// removed; a holiday over booked patients asks, as leave does; the schedule shows the day closed.

// The panel is rendered by itself, with no Loading around it to wait in while its words arrive.
beforeAll(() => import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces('holidays')));
afterEach(() => cleanup());

function renderPanel() {
  const desk = fakeDesk('ADMIN');
  const { fake } = renderApp({ role: 'ADMIN', handlers: desk.handlers, screen: <HolidaysPanel /> });
  const sent = (channel: string) => fake.calls.filter((c) => c.channel === channel).map((c) => c.payload);
  return { desk, sent };
}

const rowsOf = async () =>
  within(await screen.findByRole('table', { name: 'Holidays' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);

async function showYear(year: number) {
  const shown = Number(TODAY.slice(0, 4));
  for (let y = shown; y < year; y++) fireEvent.click(await screen.findByRole('button', { name: 'Next year' }));
  await screen.findByText(String(year));
}

async function addHoliday(date: string, name: string) {
  const form = await screen.findByRole('form', { name: 'Add a holiday' });
  fireEvent.change(within(form).getByLabelText('Date'), { target: { value: date } });
  fireEvent.change(within(form).getByLabelText('Name'), { target: { value: name } });
  fireEvent.click(within(form).getByRole('button', { name: 'Add a holiday' }));
}

describe('holidays panel', () => {
  it('imports India 2027 once however often it is pressed, naming a booked day it passed over', async () => {
    const { desk, sent } = renderPanel();
    desk.add(1, 1, '10:00', { date: '2027-03-26' });
    await showYear(2027);
    expect(await screen.findByText('No holidays in 2027.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import India 2027' }));
    await waitFor(async () => expect(await rowsOf()).toHaveLength(4));
    expect((await rowsOf())[0]).toContain('Republic Day');
    expect((await screen.findByRole('status')).textContent).toMatch(/^Not added, as patients are booked: Good Friday \(.* 2027-03-26\)/);
    fireEvent.click(await screen.findByRole('button', { name: 'Import India 2027' }));
    await waitFor(() => expect(sent('holidays.import')).toHaveLength(2));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Import India 2027' }) as HTMLButtonElement).disabled).toBe(false));
    expect(await rowsOf()).toHaveLength(4);
    expect(desk.state.holidays).toHaveLength(4);
  });

  it('adds, renames and removes a holiday', async () => {
    const { desk, sent } = renderPanel();
    await showYear(2027);
    await addHoliday('2027-06-01', 'Founders Day');
    await waitFor(async () => expect(await rowsOf()).toEqual([expect.stringContaining('Founders Day')]));
    expect(sent('holidays.add')).toEqual([{ date: '2027-06-01', name: 'Founders Day' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Rename Founders Day' }));
    const box = await screen.findByRole('dialog', { name: 'Rename Founders Day' });
    fireEvent.change(within(box).getByLabelText('Name'), { target: { value: 'Foundation Day' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Rename' }));
    await waitFor(async () => expect(await rowsOf()).toEqual([expect.stringContaining('Foundation Day')]));

    fireEvent.click(screen.getByRole('button', { name: 'Remove Foundation Day' }));
    expect(await screen.findByText('No holidays in 2027.')).toBeTruthy();
    expect(desk.state.holidays).toEqual([]);
  });

  it('a holiday over booked patients is added only once they are cancelled with a reason', async () => {
    const { desk, sent } = renderPanel();
    const booked = desk.add(1, 1, '10:00', { date: '2027-06-02' });
    await showYear(2027);
    await addHoliday('2027-06-02', 'Sudden Closure');
    const box = await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    expect(within(box).getByText('Asha Verma')).toBeTruthy();
    expect(desk.state.holidays).toEqual([]);
    fireEvent.change(within(box).getByLabelText('Reason for cancelling'), { target: { value: 'The clinic is closed that day' } });
    fireEvent.change(within(box).getByLabelText('What the patients will be told (optional)'), { target: { value: 'We are closed for repairs.' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Cancel the appointment and continue' }));
    await waitFor(async () => expect(await rowsOf()).toEqual([expect.stringContaining('Sudden Closure')]));
    expect(sent('holidays.add')[1]).toEqual({
      date: '2027-06-02',
      name: 'Sudden Closure',
      cancelBooked: { reason: 'The clinic is closed that day', tellPatients: 'We are closed for repairs.' },
    });
    expect(desk.state.appointments.find((a) => a.id === booked.id)?.status).toBe('CANCELLED');
  });

  it('shows a refusal on its field', async () => {
    renderPanel();
    await addHoliday('2027-06-03', '   ');
    const form = await screen.findByRole('form', { name: 'Add a holiday' });
    expect(await within(form).findByText('Give the holiday a name')).toBeTruthy();
  });
});

describe('schedule on a holiday', () => {
  it('shows the day closed, by the holiday’s name', async () => {
    const desk = fakeDesk();
    desk.state.holidays.push({ id: 1, date: TODAY, name: 'Clinic Foundation Day' });
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    const column = await screen.findByRole('region', { name: 'Dr. Sara Khan' });
    expect(await within(column).findByText('Clinic closed: Clinic Foundation Day')).toBeTruthy();
  });
});
