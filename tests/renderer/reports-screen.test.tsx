import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../preload/contract';
import { appointmentType, fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';
import { sessionFor } from './fake-clinic';
import { switchLanguage } from '../../renderer/i18n';
import { fakeReports } from './fake-reports';

let print: ReturnType<typeof vi.fn>;
beforeEach(() => {
  print = vi.fn();
  window.print = print as unknown as typeof window.print;
  // jsdom draws nothing: a canvas has no context, and the chart says so quietly (the table carries the figures).
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(() => cleanup());

const printed = () => document.querySelector('.print-area')?.textContent ?? '';

/** Today: Asha seen by Dr. Anil Rao (paid 500 in cash), Ravi missed Dr. Sara Khan. */
function clinicOfToday(role: Role) {
  const desk = fakeDesk(role);
  const seen = desk.add(1, 1, '09:00', { status: 'COMPLETED', reason: 'Fever' });
  desk.add(2, 2, '10:00', { status: 'NO_SHOW' });
  const paid = desk.handlers['payments.record']!({ appointmentId: seen.id, method: 'CASH', pending: false });
  if (!('ok' in paid) || !paid.ok) throw new Error('payment not recorded');
  return desk;
}

async function openReports(role: Role) {
  const desk = clinicOfToday(role);
  const fake = await renderDesk(desk, fakeReports(desk, role));
  fireEvent.click(await screen.findByRole('button', { name: 'Reports' }));
  await screen.findByRole('heading', { name: 'Reports' });
  return fake;
}

describe('the Reports screen', () => {
  it('shows the day sheet per doctor and prints it in one click', async () => {
    await openReports('ADMIN');
    const sheet = await screen.findByRole('table', { name: 'Day sheet of Dr. Anil Rao' });
    const row = within(sheet).getByText('Asha Verma').closest('tr')!;
    expect(row.textContent).toContain('Fever');
    expect(row.textContent).toContain('+919811000001');
    expect(row.textContent).toMatch(/500\.00 \(paid\)/);
    expect(within(await screen.findByRole('table', { name: 'Day sheet of Dr. Sara Khan' })).getByText('no-show')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: 'Print day sheet' })[0]!);
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(printed()).toContain('Day sheet — Sunrise Clinic');
    expect(printed()).toContain('Asha Verma');
    expect(printed()).toContain('Ravi Kumar');
  });

  it('draws each report as a chart beside its table, the figures in the table', async () => {
    await openReports('ADMIN');
    fireEvent.click(screen.getByRole('tab', { name: 'Revenue' }));
    const perDoctor = await screen.findByRole('table', { name: 'Revenue per doctor' });
    const anil = within(perDoctor).getByText('Dr. Anil Rao').closest('tr')!;
    expect(anil.textContent).toMatch(/500\.00.*0\.00.*500\.00/);
    // The chart comes from its own lazily loaded chunk, named for screen readers.
    expect(await screen.findByRole('img', { name: 'Net revenue per doctor: chart of the figures in the table beside it' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'No-shows' }));
    const rates = await screen.findByRole('table', { name: 'No-show and cancellation rates per doctor' });
    expect(within(rates).getByText('Dr. Sara Khan').closest('tr')!.textContent).toContain('100.0 %');
    expect(await screen.findByRole('table', { name: 'No-shows and cancellations by weekday and hour' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Utilisation' }));
    const utilisation = await screen.findByRole('table', { name: 'Utilisation per doctor' });
    // 09:00–13:00 available (4.0 h), 15 minutes booked and seen.
    expect(within(utilisation).getByText('Dr. Anil Rao').closest('tr')!.textContent).toMatch(/4\.0.*0\.3.*0\.3/);
  });

  it('exports a report and says where the file went', async () => {
    const fake = await openReports('ADMIN');
    fireEvent.click(screen.getByRole('tab', { name: 'By status' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Export appointments by status as Excel' }));
    expect(await screen.findByText(/Saved 2 rows to \/home\/desk\/Downloads\/statusOverTime\.xlsx/)).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'reports.export')?.payload).toMatchObject({ kind: 'statusOverTime', format: 'xlsx', filters: { to: TODAY } });
  });

  it('shows a DOCTOR their own figures, offers no doctor filter, and never asks for another doctor', async () => {
    const fake = await openReports('DOCTOR');
    expect(screen.queryByLabelText('Doctor')).toBeNull();
    expect(screen.getByText('Your own figures.')).toBeTruthy();
    await screen.findByRole('table', { name: 'Day sheet of Dr. Anil Rao' });
    expect(screen.queryByRole('table', { name: 'Day sheet of Dr. Sara Khan' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'No-shows' }));
    const rates = await screen.findByRole('table', { name: 'No-show and cancellation rates per doctor' });
    expect(within(rates).queryByText('Dr. Sara Khan')).toBeNull();
    expect(fake.calls.filter((c) => c.channel.startsWith('reports.')).every((c) => (c.payload as { doctorId?: number }).doctorId === undefined)).toBe(true);
  });

  it('is not offered to the front desk, not even the day sheet on Today', async () => {
    const desk = clinicOfToday('RECEPTIONIST');
    await renderDesk(desk, fakeReports(desk, 'RECEPTIONIST'));
    await screen.findByRole('heading', { name: /^Today/ });
    expect(screen.queryByRole('button', { name: 'Reports' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Print day sheet' })).toBeNull();
  });

  it('prints the day sheet from Today and from the schedule in one click', async () => {
    const desk = clinicOfToday('ADMIN');
    const fake = await renderDesk(desk, fakeReports(desk, 'ADMIN'));
    await screen.findByRole('heading', { name: /^Today/ });
    // The button's words come with the reports' (fetched on first use): it shows once they are in.
    fireEvent.click(await screen.findByRole('button', { name: 'Print day sheet' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(printed()).toContain('Day sheet — Sunrise Clinic');
    expect(printed()).toContain('Asha Verma');
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Print day sheet' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    expect(fake.calls.filter((c) => c.channel === 'reports.daySheet').map((c) => c.payload)).toEqual([{ date: TODAY }, { date: TODAY }]);
  });

  it('filters every report by appointment type, beside the doctor filter, and exports with it', async () => {
    const desk = clinicOfToday('ADMIN');
    const type = (id: number, name: string, active = true) => appointmentType({ id, name, colour: '#4a90d9', active });
    desk.state.types.push(type(7, 'New visit'), type(8, 'Follow-up'), type(9, 'House call', false));
    // Asha's visit (Dr. Anil Rao) is a follow-up; Ravi's missed one with Dr. Sara Khan has no type.
    desk.state.appointments.find((a) => a.status === 'COMPLETED')!.appointmentTypeId = 8;
    const fake = await renderDesk(desk, fakeReports(desk, 'ADMIN'));
    fireEvent.click(await screen.findByRole('button', { name: 'Reports' }));
    await screen.findByRole('table', { name: 'Day sheet of Dr. Sara Khan' });

    const filter = await screen.findByRole('group', { name: 'Appointment types (none ticked: all)' });
    // Beside the doctor filter, every type offered, a retired one said so.
    expect(filter.previousElementSibling!.contains(screen.getByRole('combobox', { name: 'Doctor' }))).toBe(true);
    expect(
      within(filter)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement!.textContent),
    ).toEqual(['New visit', 'Follow-up', 'House call (no longer offered)']);
    const tick = (name: string) => fireEvent.click(within(filter).getByRole('checkbox', { name }));

    tick('Follow-up');
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'reports.daySheet').at(-1)?.payload).toEqual({ date: TODAY, appointmentTypeIds: [8] }));
    expect(within(await screen.findByRole('table', { name: 'Day sheet of Dr. Anil Rao' })).getByText('Asha Verma')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Day sheet of Dr. Sara Khan' })).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'No-shows' }));
    const rates = await screen.findByRole('table', { name: 'No-show and cancellation rates per doctor' });
    expect(within(rates).queryByText('Dr. Sara Khan')).toBeNull();
    expect(within(rates).getByText('Dr. Anil Rao')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'reports.attendance').at(-1)?.payload).toMatchObject({ appointmentTypeIds: [8] });

    fireEvent.click(screen.getByRole('button', { name: 'Export no-shows and cancellations as CSV' }));
    // One row here: "1 row", said as English says it.
    await screen.findByText(/Saved 1 row to/);
    expect(fake.calls.find((c) => c.channel === 'reports.export')?.payload).toMatchObject({ kind: 'attendance', filters: { appointmentTypeIds: [8] } });

    // Two types: both asked for, in one order whatever the order ticked.
    tick('New visit');
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'reports.attendance').at(-1)?.payload).toMatchObject({ appointmentTypeIds: [7, 8] }));
    // None ticked, all types again: the filter leaves the requests.
    tick('Follow-up');
    tick('New visit');
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'No-show and cancellation rates per doctor' })).getByText('Dr. Sara Khan')).toBeTruthy(),
    );
    expect(fake.calls.filter((c) => c.channel === 'reports.attendance').at(-1)?.payload).not.toHaveProperty('appointmentTypeIds');
  });

  it('refuses a range that ends before it starts, at the field', async () => {
    await openReports('ADMIN');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2000-01-01' } });
    expect(await screen.findByText('The end date must not be before the start date')).toBeTruthy();
    expect(screen.queryByRole('tablist', { name: 'Reports' })).toBeNull();
  });
});

describe('the Reports screen in Hindi', () => {
  afterEach(() => switchLanguage('en'));

  it('says its filters, day sheet, reports, charts and exports in Hindi', async () => {
    const desk = clinicOfToday('ADMIN');
    const hindi = { ...sessionFor('ADMIN'), language: 'hi' as const };
    const fake = await renderDesk(desk, {
      ...fakeReports(desk, 'ADMIN'),
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'रिपोर्ट' }));
    await screen.findByRole('heading', { name: 'रिपोर्ट' });
    const filters = screen.getByRole('group', { name: 'रिपोर्ट के फ़िल्टर' });
    expect(within(filters).getByRole('combobox', { name: 'किस हिसाब से जोड़ें' })).toBeTruthy();
    expect(within(filters).getByRole('option', { name: 'सभी विशेषज्ञताएँ' })).toBeTruthy();

    // The day sheet: headers, statuses and payments in Hindi, printed in Hindi too.
    const anil = await screen.findByRole('table', { name: 'Dr. Anil Rao की दिन की शीट' });
    expect(within(anil).getByRole('columnheader', { name: 'उम्र' })).toBeTruthy();
    expect(within(anil).getByText('Asha Verma').closest('tr')!.textContent).toMatch(/पूरा.*\(पूरा मिला\)/);
    expect(within(await screen.findByRole('table', { name: 'Dr. Sara Khan की दिन की शीट' })).getByText('नहीं आए')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'दिन की शीट प्रिंट करें' })[0]!);
    await waitFor(() => expect(print).toHaveBeenCalled());
    expect(printed()).toContain('दिन की शीट — Sunrise Clinic');

    // A report: its tables, the chart's name, the money by method in words.
    fireEvent.click(screen.getByRole('tab', { name: 'आमदनी' }));
    const perMethod = await screen.findByRole('table', { name: 'भुगतान के तरीके के अनुसार आमदनी' });
    expect(within(perMethod).getByRole('columnheader', { name: 'शुद्ध' })).toBeTruthy();
    expect(within(perMethod).getByText('नकद')).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'हर डॉक्टर की शुद्ध आमदनी: बगल की तालिका के आँकड़ों का चार्ट' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'न आने वाले' }));
    const heat = await screen.findByRole('table', { name: 'हफ़्ते के दिन और घंटे के अनुसार न आने वाले और रद्द' });
    expect(within(heat).getByRole('rowheader', { name: 'सोम' })).toBeTruthy();

    // An export says where the file went, in Hindi.
    fireEvent.click(screen.getByRole('button', { name: 'न आने वाले और रद्द CSV में एक्सपोर्ट करें' }));
    expect(await screen.findByText(/पंक्ति(याँ)? .* में सेव हुईं?/)).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'reports.export')).toBe(true);

    expect(document.querySelector('.reports-screen')!.textContent).not.toMatch(/Day sheet|Revenue|No-show|Export|Weekday|Group by|All doctors|Saved/);
  });
});
