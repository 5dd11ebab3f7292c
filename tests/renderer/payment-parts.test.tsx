import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentDto, Res } from '../../preload/contract';
import { ClinicProvider, newQueryClient } from '../../renderer/api/context';
import { AccountSummary } from '../../renderer/features/payments/AccountSummary';
import { PaymentDialog } from '../../renderer/features/payments/PaymentDialog';
import { ReceiptStep } from '../../renderer/features/payments/ReceiptStep';
import { isMoreThan, openingValues, recordRequest, type PaymentValues } from '../../renderer/features/payments/take-payment';
import { TakePaymentForm } from '../../renderer/features/payments/TakePaymentForm';
import { fakeClinic, type FakeHandlers } from './fake-clinic';
import { fakeDesk } from './fake-desk';

afterEach(() => cleanup());
beforeEach(() => {
  window.print = vi.fn() as unknown as typeof window.print;
});

type Totals = Res<'payments.forAppointment'>['totals'];
const totals = (t: Partial<Totals>): Totals => ({ paid: '0.00', refunded: '0.00', balance: '0.00', pending: '0.00', fee: '500.00', due: '500.00', ...t });
const typed = (v: Partial<PaymentValues>): PaymentValues => ({ ...openingValues(totals({})), ...v });

/** Renders over a fake clinic that sends no change events: whatever refreshes, the reply refreshed. */
function renderOver(handlers: FakeHandlers, ui: ReactNode) {
  const fake = fakeClinic(handlers);
  render(createElement(ClinicProvider, { api: fake.api, client: newQueryClient(), children: ui }));
  return fake;
}

describe('the payment request from what was typed', () => {
  it('opens on cash with what is due, and with no amount when nothing or nothing known is due', () => {
    expect(openingValues(totals({}))).toMatchObject({ method: 'CASH', amount: '500.00', advance: false, pending: false });
    expect(openingValues(totals({ due: '0.00' })).amount).toBe('');
    expect(openingValues(totals({ fee: null, due: null })).amount).toBe('');
  });

  it('sends only what the chosen method shows: no UTR on cash, no "pending" on card, no reason once the advance box is unticked', () => {
    expect(recordRequest(7, typed({ method: 'CASH', reference: '4123', pending: true, advanceReason: 'left over' }))).toEqual({
      appointmentId: 7,
      method: 'CASH',
      amount: '500.00',
      pending: false,
    });
    expect(recordRequest(7, typed({ method: 'CARD', reference: 'A1', pending: true }))).toEqual({
      appointmentId: 7,
      method: 'CARD',
      reference: 'A1',
      amount: '500.00',
      pending: false,
    });
    expect(recordRequest(7, typed({ method: 'UPI', reference: '4123', pending: true, amount: ' ' }))).toEqual({
      appointmentId: 7,
      method: 'UPI',
      reference: '4123',
      pending: true,
    });
    expect(recordRequest(7, typed({ advance: true, advanceReason: 'Dressings' }))).toMatchObject({ advanceReason: 'Dressings' });
  });
});

describe('the account part', () => {
  const settings = { 'settings.get': fakeDesk().handlers['settings.get']! };

  it('shows money on its way only when there is some, in the clinic’s currency', async () => {
    renderOver(settings, <AccountSummary totals={totals({ balance: '200.00', due: '300.00' })} />);
    await waitFor(() => expect(screen.getByLabelText('Account').textContent).toBe('Fee₹500.00Paid so far₹200.00Due₹300.00'));
    cleanup();
    renderOver(settings, <AccountSummary totals={totals({ pending: '500.00', due: '0.00' })} />);
    await waitFor(() => expect(screen.getByText('Pending').nextElementSibling?.textContent).toBe('₹500.00'));
  });
});

describe('the method part', () => {
  const account = { appointmentId: 7, payments: [], totals: totals({}), gatewayUnavailable: null };

  it('shows the UPI QR place with the UPI fields only, and asks for the reference by its name for card and UPI', () => {
    renderOver({}, <TakePaymentForm account={account} onTaken={() => undefined} onClose={() => undefined} upiQr={<p>Scan to pay</p>} />);
    expect(screen.queryByText('Scan to pay')).toBeNull();
    expect(screen.queryByLabelText(/approval code|UTR/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'UPI' } });
    expect(screen.getByText('Scan to pay')).toBeTruthy();
    expect(screen.getByLabelText('UPI transaction id (UTR)')).toBeTruthy();
    expect(screen.getByLabelText('Not received yet (confirm when the credit shows)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'CARD' } });
    expect(screen.queryByText('Scan to pay')).toBeNull();
    expect(screen.queryByLabelText('Not received yet (confirm when the credit shows)')).toBeNull();
    expect(screen.getByLabelText('Card approval code')).toBeTruthy();
  });
});

describe('the payment form checks what was typed as the request it becomes', () => {
  it('refuses a card payment without its approval code at that field, focused, and sends nothing', async () => {
    const account = { appointmentId: 7, payments: [], totals: totals({}), gatewayUnavailable: null };
    const fake = renderOver({}, <TakePaymentForm account={account} onTaken={() => undefined} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'CARD' } });
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Take payment' }));
    const message = await screen.findByText('The amount must be more than zero');
    expect(screen.getByLabelText('Amount').getAttribute('aria-describedby')).toContain(message.id);
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '500' } });
    // The button is back once the first answer is in (it reads otherwise while a payment is sent).
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment' }));
    expect(await screen.findByText('Enter the card approval code or the UPI transaction id')).toBeTruthy();
    const reference = screen.getByLabelText('Card approval code');
    expect(reference.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(reference));
    expect(fake.calls.filter((c) => c.channel === 'payments.record')).toEqual([]);
  });

  it('puts main’s refusal about the amount on the amount, and one about the visit on the whole form', async () => {
    const account = { appointmentId: 7, payments: [], totals: totals({}), gatewayUnavailable: null };
    let refusal = { code: 'CONFLICT' as const, field: 'amount', message: 'Only INR 500.00 is due' };
    renderOver(
      { 'payments.record': () => ({ ok: false, error: refusal }) },
      <TakePaymentForm account={account} onTaken={() => undefined} onClose={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Take payment' }));
    expect(await screen.findByText('Only INR 500.00 is due')).toBeTruthy();
    expect(screen.getByLabelText('Amount').getAttribute('aria-invalid')).toBe('true');
    refusal = { code: 'CONFLICT', field: 'appointmentId', message: 'This appointment was cancelled' };
    // The button is back once the first answer is in (it reads otherwise while a payment is sent).
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment' }));
    expect(await screen.findByText('This appointment was cancelled')).toBeTruthy();
    expect(screen.getByLabelText('Amount').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('more than is due', () => {
  it('compares the typed amount with what is due exactly, to the paisa; an empty amount is main’s to compare', () => {
    expect(isMoreThan('300.01', '300.00')).toBe(true);
    expect(isMoreThan('300', '300.00')).toBe(false);
    expect(isMoreThan('299.9', '300.00')).toBe(false);
    expect(isMoreThan('1000', '999.99')).toBe(true);
    expect(isMoreThan(' ', '0.00')).toBe(false);
  });

  it('refuses an amount above what is due at the amount field and sends nothing; as an advance with its reason, sends it', async () => {
    const account = { appointmentId: 7, payments: [], totals: totals({ balance: '200.00', due: '300.00' }), gatewayUnavailable: null };
    const fake = renderOver(
      { 'payments.record': () => ({ ok: false, error: { code: 'CONFLICT', message: 'no' } }) },
      <TakePaymentForm account={account} onTaken={() => undefined} onClose={() => undefined} />,
    );
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '300.01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Take payment' }));
    expect(await screen.findByText('Only 300.00 is due for this visit. To take more, mark it as an advance and say why.')).toBeTruthy();
    expect(screen.getByLabelText('Amount').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.filter((c) => c.channel === 'payments.record')).toEqual([]);

    fireEvent.click(screen.getByLabelText('Take more than is due, as an advance'));
    fireEvent.change(screen.getByLabelText('Why an advance'), { target: { value: 'Dressings next week' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Take advance' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'payments.record').map((c) => c.payload)).toEqual([
        { appointmentId: 7, method: 'CASH', amount: '300.01', pending: false, advanceReason: 'Dressings next week' },
      ]),
    );
  });
});

describe('the amount part', () => {
  it('on a paid visit offers only the advance box; ticked, the amount, the reason and "Take advance"', () => {
    const paid = { appointmentId: 7, payments: [], totals: totals({ balance: '500.00', due: '0.00' }), gatewayUnavailable: null };
    renderOver({}, <TakePaymentForm account={paid} onTaken={() => undefined} onClose={() => undefined} />);
    expect(screen.getByText('Nothing is due for this visit: it is paid.')).toBeTruthy();
    expect(screen.queryByLabelText('Amount')).toBeNull();
    expect(screen.queryByLabelText('Method')).toBeNull();
    fireEvent.click(screen.getByLabelText('Take more than is due, as an advance'));
    expect((screen.getByLabelText('Amount') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Why an advance')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Take advance' })).toBeTruthy();
  });
});

describe('the receipt part', () => {
  const payment = (p: Partial<PaymentDto>): PaymentDto => ({
    id: 9,
    appointmentId: 7,
    kind: 'PAYMENT',
    refundOf: null,
    receiptNumber: 'CD-2026-000004',
    amount: '500.00',
    refunded: '0.00',
    currency: 'INR',
    status: 'PAID',
    method: 'CASH',
    reference: null,
    note: null,
    advance: false,
    receivedBy: 1,
    receivedByName: 'Priya Desk',
    paidAt: new Date().toISOString(),
    createdAt: new Date().toISOString(),
    patientName: 'Asha Verma',
    doctorName: 'Dr. Anil Rao',
    ...p,
  });

  it('prints the receipt of a paid payment, and offers none for a pending one', () => {
    const print = vi.fn();
    render(<ReceiptStep taken={payment({})} print={print} onClose={() => undefined} />);
    expect(screen.getByText('Received ₹500.00 — receipt CD-2026-000004.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    expect(print).toHaveBeenCalledWith(9);
    cleanup();
    render(<ReceiptStep taken={payment({ receiptNumber: null, status: 'PENDING' })} print={print} onClose={() => undefined} />);
    expect(screen.getByText(/Recorded ₹500\.00 as pending/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Print receipt' })).toBeNull();
  });
});

describe('the payment dialog on the data layer', () => {
  function deskWithCompletedVisit() {
    const desk = fakeDesk();
    const a = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    const fake = renderOver(desk.handlers, <PaymentDialog appointment={a} onClose={() => undefined} />);
    const asked = (channel: string) => fake.calls.filter((c) => c.channel === channel).length;
    return { desk, fake, asked };
  }

  it('refreshes the account from the reply, with no change event, so reopening never invites a second charge', async () => {
    const { asked } = deskWithCompletedVisit();
    const box = await screen.findByRole('dialog', { name: 'Payment — Asha Verma' });
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('500.00'));
    expect(asked('payments.forAppointment')).toBe(1);
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    expect(await within(box).findByText('Received ₹500.00 — receipt CD-2026-000001.')).toBeTruthy();
    await waitFor(() => expect(asked('payments.forAppointment')).toBe(2));
  });

  it('asks for the receipt afresh at each print, so a reprint after a refund says so', async () => {
    const { desk, asked } = deskWithCompletedVisit();
    const box = await screen.findByRole('dialog', { name: 'Payment — Asha Verma' });
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('500.00'));
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    fireEvent.click(await within(box).findByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(window.print).toHaveBeenCalledTimes(1));
    desk.state.payments[0]!.refunded = '100.00';
    fireEvent.click(within(box).getByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(window.print).toHaveBeenCalledTimes(2));
    expect(asked('payments.receipt')).toBe(2);
  });

  it('says why a receipt could not be printed', async () => {
    const desk = fakeDesk();
    const a = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    await desk.handlers['payments.record']!({ appointmentId: a.id, method: 'CASH' });
    renderOver(
      { ...desk.handlers, 'payments.receipt': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such receipt' } }) },
      <PaymentDialog appointment={a} onClose={() => undefined} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Reprint CD-2026-000001' }));
    expect(await screen.findByText('No such receipt')).toBeTruthy();
    expect(window.print).not.toHaveBeenCalled();
  });
});
