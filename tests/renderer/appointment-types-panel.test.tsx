import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { AppointmentTypeDto, Req } from '../../preload/contract';
import { switchLanguage } from '../../renderer/i18n';
import { words } from '../../renderer/i18n/instance';
import { clinicWrapper, fakeClinic, installClinic } from './fake-clinic';
import { fakeDesk } from './fake-desk';

// The administrator's appointment types: list, add, edit (with the doctors offering it, each
// with their own fee and length), take off the list and put back.

afterEach(() => cleanup());

const REVIEW: AppointmentTypeDto = {
  id: 9,
  name: 'Review',
  durationMinutes: 15,
  fee: '200.00',
  colour: '#4a90d9',
  mode: 'IN_PERSON',
  visitKind: 'FOLLOW_UP',
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  maxDaysAhead: null,
  prepayRequired: false,
  active: true,
  doctors: [{ doctorId: 2, fee: null, durationMinutes: 10, isDefault: false }],
};

async function renderPanel(initial: AppointmentTypeDto[] = []) {
  const desk = fakeDesk('ADMIN');
  const types = desk.state.types;
  types.push(...initial.map((t) => structuredClone(t)));
  const save = (id: number, req: Req<'appointmentTypes.create'>, active = true): AppointmentTypeDto => ({
    id,
    name: req.name,
    durationMinutes: req.durationMinutes,
    fee: Number(req.fee).toFixed(2),
    colour: req.colour ?? '#4a90d9',
    mode: req.mode ?? 'IN_PERSON',
    visitKind: req.visitKind ?? 'NEW',
    bufferBeforeMinutes: req.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: req.bufferAfterMinutes ?? 0,
    minNoticeMinutes: req.minNoticeMinutes ?? 0,
    maxDaysAhead: req.maxDaysAhead ?? null,
    prepayRequired: req.prepayRequired ?? false,
    active,
    doctors: (req.doctors ?? []).map((d) => ({
      doctorId: d.doctorId,
      fee: d.fee ?? null,
      durationMinutes: d.durationMinutes ?? null,
      isDefault: !!d.isDefault,
    })),
  });
  const fake = fakeClinic({
    ...desk.handlers,
    'appointmentTypes.create': (req) => {
      if (types.some((t) => t.name.toLowerCase() === req.name.trim().toLowerCase()))
        return { ok: false, error: { code: 'CONFLICT', message: 'Another appointment type already has this name', field: 'name' } };
      const t = save(desk.state.nextId++, req);
      types.push(t);
      return { ok: true, value: t };
    },
    'appointmentTypes.update': ({ id, active, ...rest }) => {
      const i = types.findIndex((t) => t.id === id);
      const old = types[i]!;
      const merged = { ...old, ...rest, active: active ?? old.active } as unknown as Req<'appointmentTypes.create'>;
      types[i] = save(id, merged, active ?? old.active);
      return { ok: true, value: types[i] };
    },
    'appointmentTypes.deactivate': ({ id }) => {
      const t = types.find((x) => x.id === id)!;
      t.active = false;
      return { ok: true, value: { ...t } };
    },
  });
  installClinic(fake.api);
  vi.resetModules();
  const wrapper = await clinicWrapper();
  // Rendered by itself, with no Loading around it to wait in while the panel's words arrive.
  await words().loadNamespaces('types');
  const { AppointmentTypesPanel } = await import('../../renderer/features/appointment-types/AppointmentTypesPanel');
  render(<AppointmentTypesPanel />, { wrapper });
  const sent = (channel: string) => fake.calls.filter((c) => c.channel === channel).map((c) => c.payload);
  return { desk, sent };
}

async function openAdd() {
  const add = await screen.findByRole('button', { name: 'Add an appointment type' });
  // It waits for the doctors the type can be offered by.
  await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(add);
}

describe('appointment types (admin)', () => {
  it('adds a type offered by one doctor at their own fee, as that doctor’s default', async () => {
    const { sent } = await renderPanel();
    expect(await screen.findByText(/No appointment types yet/)).toBeTruthy();
    await openAdd();
    const box = await screen.findByRole('dialog', { name: 'Add an appointment type' });
    fireEvent.change(within(box).getByLabelText('Name'), { target: { value: 'Dressing' } });
    fireEvent.change(within(box).getByLabelText('Length (minutes)'), { target: { value: '20' } });
    fireEvent.change(within(box).getByLabelText('Fee'), { target: { value: '250' } });
    fireEvent.change(within(box).getByLabelText('Free after (minutes)'), { target: { value: '5' } });
    const rao = within(box).getByRole('group', { name: 'Dr. Anil Rao' });
    fireEvent.click(within(rao).getByLabelText('Dr. Anil Rao'));
    fireEvent.change(within(rao).getByLabelText('Own fee'), { target: { value: '300' } });
    fireEvent.click(within(rao).getByLabelText('Their default type'));
    fireEvent.click(within(box).getByRole('button', { name: 'Add the type' }));
    const table = await screen.findByRole('table', { name: 'Appointment types' });
    expect(sent('appointmentTypes.create')).toEqual([
      {
        name: 'Dressing',
        durationMinutes: 20,
        fee: '250',
        colour: '#4a90d9',
        mode: 'IN_PERSON',
        visitKind: 'NEW',
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 5,
        minNoticeMinutes: 0,
        maxDaysAhead: null,
        prepayRequired: false,
        doctors: [{ doctorId: 1, fee: '300', durationMinutes: null, isDefault: true }],
      },
    ]);
    const row = within(table).getByText('Dressing').closest('tr')!;
    expect(row.textContent).toContain('20 min (+0/5)');
    expect(row.textContent).toContain('Dr. Anil Rao (₹300.00) — default');
  });

  it('offers “pay before they join” for a video type only, and sends it only while the type is video', async () => {
    const { sent } = await renderPanel();
    await openAdd();
    const box = await screen.findByRole('dialog', { name: 'Add an appointment type' });
    fireEvent.change(within(box).getByLabelText('Name'), { target: { value: 'Video review' } });
    fireEvent.change(within(box).getByLabelText('Fee'), { target: { value: '400' } });
    const prepay = /Patients pay before they join/;
    expect(within(box).queryByLabelText(prepay)).toBeNull();
    fireEvent.change(within(box).getByLabelText('Where'), { target: { value: 'VIDEO' } });
    fireEvent.click(await within(box).findByLabelText(prepay));
    fireEvent.change(within(box).getByLabelText('Where'), { target: { value: 'IN_PERSON' } });
    await waitFor(() => expect(within(box).queryByLabelText(prepay)).toBeNull());
    fireEvent.change(within(box).getByLabelText('Where'), { target: { value: 'VIDEO' } });
    expect(((await within(box).findByLabelText(prepay)) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(box).getByRole('button', { name: 'Add the type' }));
    await screen.findByRole('table', { name: 'Appointment types' });
    expect(sent('appointmentTypes.create')).toMatchObject([{ name: 'Video review', mode: 'VIDEO', prepayRequired: true }]);
  });

  it('puts the contract’s message on the doctor’s own row, and main’s refusal on its field; nothing bad is sent', async () => {
    const { sent } = await renderPanel([REVIEW]);
    await openAdd();
    const box = await screen.findByRole('dialog', { name: 'Add an appointment type' });
    fireEvent.change(within(box).getByLabelText('Name'), { target: { value: 'review' } });
    const rao = within(box).getByRole('group', { name: 'Dr. Anil Rao' });
    fireEvent.click(within(rao).getByLabelText('Dr. Anil Rao'));
    fireEvent.change(within(rao).getByLabelText('Own fee'), { target: { value: 'lots' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add the type' }));
    expect(await within(rao).findByText('Use an amount such as 500 or 499.50')).toBeTruthy();
    expect(sent('appointmentTypes.create')).toHaveLength(0);
    fireEvent.change(within(rao).getByLabelText('Own fee'), { target: { value: '' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add the type' }));
    expect(await within(box).findByText('Another appointment type already has this name')).toBeTruthy();
    expect(within(box).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(sent('appointmentTypes.create')).toHaveLength(1);
  });

  it('edits a type with its doctors as they are, takes it off the booking list and puts it back', async () => {
    const { desk, sent } = await renderPanel([REVIEW]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Review' }));
    const box = await screen.findByRole('dialog', { name: 'Edit Review' });
    const khan = within(box).getByRole('group', { name: 'Dr. Sara Khan' });
    expect((within(khan).getByLabelText('Dr. Sara Khan') as HTMLInputElement).checked).toBe(true);
    expect((within(khan).getByLabelText('Own length (minutes)') as HTMLInputElement).value).toBe('10');
    fireEvent.change(within(box).getByLabelText('Length (minutes)'), { target: { value: '25' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Save the type' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('appointmentTypes.update')[0]).toMatchObject({
      id: 9,
      durationMinutes: 25,
      doctors: [{ doctorId: 2, fee: null, durationMinutes: 10, isDefault: false }],
    });
    expect(await screen.findByText('25 min')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Review' }));
    expect(await screen.findByText('Off the list')).toBeTruthy();
    expect(desk.state.types[0]!.active).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Reactivate Review' }));
    await screen.findByRole('button', { name: 'Deactivate Review' });
    expect(sent('appointmentTypes.update').at(-1)).toEqual({ id: 9, active: true });
  });

  it('speaks Hindi to a Hindi desk: the list and the dialog, with no English word left', async () => {
    onTestFinished(() => switchLanguage('en'));
    await switchLanguage('hi');
    await renderPanel([{ ...REVIEW, bufferAfterMinutes: 5, doctors: [{ doctorId: 2, fee: '250.00', durationMinutes: 10, isDefault: true }] }]);
    const table = await screen.findByRole('table', { name: 'अपॉइंटमेंट के प्रकार' });
    expect(within(table).getByRole('columnheader', { name: 'अवधि' })).toBeTruthy();
    const row = within(table).getByText('Review').closest('tr')!;
    expect(row.textContent).toContain('15 मिनट (+0/5)');
    expect(row.textContent).toContain('Dr. Sara Khan (₹250.00, 10 मिनट) — डिफ़ॉल्ट');
    expect(within(row).getByText('चालू')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Review बंद करें' }));
    expect(await within(table).findByText('बुकिंग सूची से बाहर')).toBeTruthy();

    const add = screen.getByRole('button', { name: 'अपॉइंटमेंट का प्रकार जोड़ें' });
    await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(add);
    const box = await screen.findByRole('dialog', { name: 'अपॉइंटमेंट का प्रकार जोड़ें' });
    const where = within(box).getByLabelText('कहाँ');
    expect(within(where).getByRole('option', { name: 'क्लिनिक में' })).toBeTruthy();
    fireEvent.change(where, { target: { value: 'VIDEO' } });
    expect(await within(box).findByLabelText(/^मरीज़ वीडियो कॉल से जुड़ने से पहले भुगतान करें/)).toBeTruthy();
    expect(within(box).getByRole('group', { name: 'कौन-से डॉक्टर देखते हैं' })).toBeTruthy();
    const rao = within(box).getByRole('group', { name: 'Dr. Anil Rao' });
    fireEvent.click(within(rao).getByLabelText('Dr. Anil Rao'));
    expect(within(rao).getByLabelText('अपनी अवधि (मिनट)')).toBeTruthy();
    expect(within(rao).getByLabelText('इनका डिफ़ॉल्ट प्रकार')).toBeTruthy();
    expect(within(box).getByRole('button', { name: 'रद्द करें' })).toBeTruthy();

    // Every word of the panel and its dialog is Hindi; the types' and doctors' names stay as they are.
    const english =
      /(?<![A-Za-z])(Appointment types?|Type|Length|Fee|Doctors|Status|Actions|min|default|Active|Off the list|Edit|Deactivate|Reactivate|Name|Colour|Where|In person|Video|Visit|New visit|Follow-up|Free before|Free after|Notice|Days ahead|Empty|Patients pay|Own fee|Own length|Their default|Add the type|Cancel)(?![a-z])/;
    const texts = [...document.querySelectorAll('section *, [role="dialog"] form *')].flatMap((e) => [
      ...[...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? ''),
      e.getAttribute('aria-label') ?? '',
    ]);
    expect(texts.filter((text) => english.test(text))).toEqual([]);
  });
});
