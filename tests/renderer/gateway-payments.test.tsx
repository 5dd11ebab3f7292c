import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentSettingsDto, ReconciliationDto, ReconciliationRunDto } from '../../preload/contract';
import { ClinicProvider, newQueryClient } from '../../renderer/api/context';
import { DayEndScreen } from '../../renderer/features/payments/DayEndScreen';
import { PaymentDialog } from '../../renderer/features/payments/PaymentDialog';
import { PaymentSettingsPanel } from '../../renderer/features/payments/PaymentSettingsPanel';
import { ReconciliationPanel } from '../../renderer/features/payments/ReconciliationPanel';
import { ReconciliationRunsPanel } from '../../renderer/features/payments/ReconciliationRunsPanel';
import { PrintArea } from '../../renderer/features/print/print';
import { fakeClinic, type FakeHandlers } from './fake-clinic';
import { clinicSettings, fakeDesk } from './fake-desk';

afterEach(() => cleanup());
beforeEach(() => {
  window.print = vi.fn() as unknown as typeof window.print;
});

function renderOver(handlers: FakeHandlers, ui: ReactNode) {
  const fake = fakeClinic(handlers);
  render(createElement(ClinicProvider, { api: fake.api, client: newQueryClient(), children: ui }));
  return fake;
}

describe('collecting by gateway in the payment dialog', () => {
  function open(overrides: FakeHandlers | ((desk: ReturnType<typeof fakeDesk>) => FakeHandlers) = {}) {
    const desk = fakeDesk();
    const a = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    const fake = fakeClinic({ ...desk.handlers, ...(typeof overrides === 'function' ? overrides(desk) : overrides) });
    desk.connect(fake);
    render(
      createElement(ClinicProvider, {
        api: fake.api,
        client: newQueryClient(),
        children: (
          <>
            <PaymentDialog appointment={a} onClose={() => undefined} />
            <PrintArea />
          </>
        ),
      }),
    );
    return { desk, fake, a };
  }

  it('shows Razorpay’s QR for what is due as pending, and turns it paid live when the webhook’s change event lands', async () => {
    const { desk } = open();
    const box = await screen.findByRole('dialog', { name: 'Payment — Asha Verma' });
    fireEvent.click(await within(box).findByRole('button', { name: 'Gateway QR for ₹500.00' }));
    const qr = await within(box).findByRole('img', { name: 'Razorpay UPI QR code: pay ₹500.00' });
    const payment = desk.state.payments.at(-1)!;
    // Main's copy of Razorpay's image: the renderer loads nothing from the internet.
    expect(qr.getAttribute('src')).toBe(`data:image/png;base64,${btoa(`qr-of-payment-${payment.id}`)}`);
    expect(within(box).getByLabelText('Gateway payment status').textContent).toBe('pending');
    expect(within(box).getByRole('button', { name: 'Show to patient' })).toBeTruthy();
    // Nothing is due while the QR waits: no second QR, no cash charge, and the desk is not asked to confirm it.
    expect(within(box).queryByRole('button', { name: /Gateway QR for/ })).toBeNull();
    expect(within(box).queryByRole('button', { name: /^Confirm / })).toBeNull();
    expect(within(box).getByText(/waiting for the patient to pay through the gateway/)).toBeTruthy();

    desk.gatewayPaid(payment.id);
    expect(await within(box).findByText(/received through the gateway — receipt CD-2026-000001/)).toBeTruthy();
    expect(within(box).getByText('paid')).toBeTruthy();
    expect(within(box).queryByRole('img', { name: /Razorpay UPI QR code/ })).toBeNull();
    // Paid: nothing is due, so nothing more is offered to collect it with.
    expect(within(box).queryByRole('button', { name: 'Send payment link' })).toBeNull();
    expect(within(box).queryByRole('button', { name: /Gateway QR for/ })).toBeNull();
  });

  it('sends a payment link through the outbox, and prints the open link as a payment request', async () => {
    const { fake, desk, a } = open({
      'messaging.sendNow': ({ appointmentId, kind }) => ({
        ok: true,
        value: {
          id: 77,
          appointmentId,
          patientId: 1,
          patientName: 'Asha Verma',
          kind,
          channel: 'SMS',
          status: 'QUEUED',
          body: null,
          dueAt: new Date().toISOString(),
          sentAt: null,
          deliveredAt: null,
          attempts: 0,
          error: null,
        },
      }),
    });
    const box = await screen.findByRole('dialog', { name: 'Payment — Asha Verma' });
    fireEvent.click(await within(box).findByRole('button', { name: 'Send payment link' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'messaging.sendNow').map((c) => c.payload)).toEqual([{ appointmentId: a.id, kind: 'PAYMENT_LINK' }]),
    );

    fireEvent.click(within(box).getByRole('button', { name: 'Print payment link' }));
    await waitFor(() => expect(window.print).toHaveBeenCalledTimes(1));
    const link = desk.state.payments.find((p) => p.gatewayVia === 'LINK')!;
    const slip = document.querySelector('.print-area [aria-label="Payment request"]')!;
    expect(slip.textContent).toContain(`Pay online: ${link.gatewayUrl}`);
    expect(slip.textContent).toContain('₹500.00');
    expect(slip.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(`Payment link QR code: ${link.gatewayUrl}`);

    // Printed again: the same open link, not a second one.
    fireEvent.click(within(box).getByRole('button', { name: 'Print payment link' }));
    await waitFor(() => expect(window.print).toHaveBeenCalledTimes(2));
    expect(fake.calls.filter((c) => c.channel === 'payments.collect')).toHaveLength(1);
  });

  it('without the gateway offers no gateway QR or link, says why, and leaves the UPI QR and UTR to take the payment', async () => {
    const reason = 'Razorpay is not set up (no key secret in the payment settings): take the payment below with the UPI QR and the UTR';
    const { fake } = open((desk) => ({
      'payments.forAppointment': async (req) => {
        const r = await desk.handlers['payments.forAppointment']!(req);
        return r.ok ? { ok: true, value: { ...r.value, gatewayUnavailable: reason } } : r;
      },
    }));
    const box = await screen.findByRole('dialog', { name: 'Payment — Asha Verma' });
    expect(await within(box).findByText(`${reason}.`)).toBeTruthy();
    expect(within(box).queryByRole('button', { name: /Gateway QR for/ })).toBeNull();
    expect(within(box).queryByRole('button', { name: 'Send payment link' })).toBeNull();
    expect(within(box).getByRole('button', { name: 'Take payment' })).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'payments.collect')).toBe(false);
  });

  it('says why the gateway refused', async () => {
    open({
      'payments.collect': () => ({
        ok: false,
        error: { code: 'UNAVAILABLE', message: 'Razorpay is not set up: an administrator enters the key id and key secret in the payment settings' },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Gateway QR for ₹500.00' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Razorpay is not set up');
  });
});

const STORED: PaymentSettingsDto = {
  upiVpa: 'sunriseclinic@okhdfcbank',
  upiPayeeName: 'Sunrise Clinic',
  razorpayKeyId: 'rzp_test_Clinic0Desk0Key',
  razorpayKeySecretSet: true,
  razorpayWebhookSecretSet: false,
  teleconsultPrepay: false,
  razorpayTestMode: true,
  gatewayConfigured: true,
  webhookPath: '/webhooks/razorpay',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('payment gateway settings', () => {
  it('never shows a secret, says only whether each is set, and sends a secret only when one is typed', async () => {
    const secret = 'NewWebhookSecret_0123456789';
    const fake = renderOver(
      {
        'payments.getSettings': () => ({ ok: true, value: STORED }),
        'payments.updateSettings': (req) => ({
          ok: true,
          value: { ...STORED, teleconsultPrepay: req.teleconsultPrepay ?? false, razorpayWebhookSecretSet: !!req.razorpayWebhookSecret },
        }),
      },
      <PaymentSettingsPanel />,
    );
    await screen.findByRole('form', { name: 'Payment settings' });
    expect((screen.getByLabelText('Key secret') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Key secret').getAttribute('type')).toBe('password');
    expect(screen.getByText(/Stored key secret: set: leave empty to keep it/)).toBeTruthy();
    expect(screen.getByText(/Stored webhook secret: not set\./)).toBeTruthy();
    expect(screen.getByText(/in test mode/)).toBeTruthy();
    expect((screen.getByLabelText('Provider') as HTMLSelectElement).value).toBe('RAZORPAY');

    fireEvent.click(screen.getByLabelText('Teleconsultation patients pay before they join'));
    fireEvent.change(screen.getByLabelText('Webhook secret'), { target: { value: secret } });
    fireEvent.click(screen.getByRole('button', { name: 'Save payment settings' }));
    expect(await screen.findByText(/Stored webhook secret: set/)).toBeTruthy();
    const sent = fake.calls.filter((c) => c.channel === 'payments.updateSettings').map((c) => c.payload as Record<string, unknown>);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ razorpayWebhookSecret: secret, teleconsultPrepay: true, razorpayKeyId: STORED.razorpayKeyId });
    // The stored key secret was never retyped, so it is never sent (not even as empty, which would clear it).
    expect('razorpayKeySecret' in sent[0]!).toBe(false);
    // Saved, the typed secret is gone from the screen.
    expect((screen.getByLabelText('Webhook secret') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('removes a stored secret only after a confirmation, and then shows it as not set and the gateway as not set up', async () => {
    const fake = renderOver(
      {
        'payments.getSettings': () => ({ ok: true, value: STORED }),
        'payments.updateSettings': (req) => ({
          ok: true,
          value: { ...STORED, razorpayKeySecretSet: req.razorpayKeySecret !== null, gatewayConfigured: req.razorpayKeySecret !== null },
        }),
      },
      <PaymentSettingsPanel />,
    );
    await screen.findByRole('form', { name: 'Payment settings' });
    // The webhook secret is not set: there is nothing to remove.
    expect(screen.queryByRole('button', { name: 'Remove webhook secret…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove key secret…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove the Razorpay key secret?' });
    expect(within(confirm).getByText(/takes payments with the UPI QR and the UTR instead/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.filter((c) => c.channel === 'payments.updateSettings')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Remove key secret…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove the key secret' }));
    expect(await screen.findByText(/Stored key secret: not set\./)).toBeTruthy();
    expect(screen.getByText('The payment gateway is not set up: enter the key id and key secret.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove key secret…' })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    const sent = fake.calls.filter((c) => c.channel === 'payments.updateSettings').map((c) => c.payload);
    // Only the secret, as null: nothing else the form holds is sent with it.
    expect(sent).toEqual([{ razorpayKeySecret: null }]);
  });

  it('catches a malformed key id at its box before sending, and puts main’s refusal on the field it names', async () => {
    const fake = renderOver(
      {
        'payments.getSettings': () => ({ ok: true, value: STORED }),
        'payments.updateSettings': () => ({ ok: false, error: { code: 'INVALID', field: 'upiVpa', message: 'This UPI ID is not the clinic’s bank account' } }),
      },
      <PaymentSettingsPanel />,
    );
    await screen.findByRole('form', { name: 'Payment settings' });
    fireEvent.change(screen.getByLabelText('Key id'), { target: { value: 'key_123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save payment settings' }));
    expect(await screen.findByText('A Razorpay key id looks like rzp_live_… or rzp_test_…')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'payments.updateSettings')).toBe(false);

    fireEvent.change(screen.getByLabelText('Key id'), { target: { value: STORED.razorpayKeyId } });
    fireEvent.click(screen.getByRole('button', { name: 'Save payment settings' }));
    const refusal = await screen.findByText('This UPI ID is not the clinic’s bank account');
    const vpa = screen.getByLabelText('Clinic UPI ID');
    expect(vpa.getAttribute('aria-invalid')).toBe('true');
    expect(vpa.getAttribute('aria-describedby')).toContain(refusal.id);
    await waitFor(() => expect(document.activeElement).toBe(vpa));
  });
});

describe('reconciliation with the gateway', () => {
  const DAY: ReconciliationDto = {
    date: '2026-11-30',
    gatewayPayments: 3,
    settled: '1200.00',
    mismatches: [
      {
        kind: 'ONLY_AT_GATEWAY',
        gatewayPaymentId: 'pay_A1',
        paymentId: null,
        clinicAmount: null,
        gatewayAmount: '300.00',
        note: 'Captured by Razorpay (upi) with no payment in Clinic Desk',
      },
      {
        kind: 'ONLY_IN_CLINIC',
        gatewayPaymentId: 'pay_B2',
        paymentId: 41,
        clinicAmount: '500.00',
        gatewayAmount: null,
        note: 'Paid in Clinic Desk, not among the payments Razorpay lists for the day',
      },
      {
        kind: 'AMOUNT_DIFFERS',
        gatewayPaymentId: 'pay_C3',
        paymentId: 42,
        clinicAmount: '500.00',
        gatewayAmount: '450.00',
        note: 'Razorpay has INR 450.00, Clinic Desk INR 500.00',
      },
    ],
    byGatewayMethod: [
      { method: 'upi', currency: 'INR', net: '950.00', payments: 2 },
      { method: 'card', currency: 'INR', net: '500.00', payments: 1 },
    ],
  };

  it('asks for the chosen day and labels each difference by the side that has it', async () => {
    const fake = renderOver(
      {
        'settings.get': () => ({ ok: true, value: clinicSettings({ updatedAt: '2026-12-01T00:00:00.000Z' }) }),
        'payments.reconciliation': ({ date }) => ({ ok: true, value: { ...DAY, date } }),
      },
      <ReconciliationPanel />,
    );
    fireEvent.change(await screen.findByLabelText('Day'), { target: { value: '2026-11-30' } });
    const table = await screen.findByRole('table', { name: 'Differences' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Only at Razorpay', 'pay_A1', '—', '—', '300.00', 'Captured by Razorpay (upi) with no payment in Clinic Desk'],
      ['Only in Clinic Desk', 'pay_B2', '#41', '500.00', '—', 'Paid in Clinic Desk, not among the payments Razorpay lists for the day'],
      ['Another amount', 'pay_C3', '#42', '500.00', '450.00', 'Razorpay has INR 450.00, Clinic Desk INR 500.00'],
    ]);
    expect(screen.getByText('3 differences to look at.')).toBeTruthy();
    const takings = screen.getByRole('table', { name: 'Gateway takings by method' });
    expect(
      within(takings)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['MethodNetPayments', 'UPI₹950.002', 'Card₹500.001']);
    expect(fake.calls.filter((c) => c.channel === 'payments.reconciliation').at(-1)?.payload).toEqual({ date: '2026-11-30' });
  });
});

describe('reconciliation runs', () => {
  it('lists the stored runs, opens one with its differences, and runs a chosen day now', async () => {
    const fresh: ReconciliationDto = { date: '2026-11-29', gatewayPayments: 0, settled: '0.00', mismatches: [], byGatewayMethod: [] };
    const stored: ReconciliationRunDto[] = [
      { date: '2026-11-30', ranAt: '2026-12-01T00:30:00.000Z', differences: 1, status: 'DIFFERENCES', result: DAY_WITH_ONE },
    ];
    const fake = renderOver(
      {
        'payments.reconciliationRuns': () => ({ ok: true, value: stored.map(({ result: _, ...summary }) => summary) }),
        'payments.reconciliationRun': ({ date }) => {
          const run = stored.find((r) => r.date === date);
          return run
            ? { ok: true, value: run }
            : { ok: false, error: { code: 'NOT_FOUND', message: 'The reconciliation has not run for this day', field: 'date' } };
        },
        'payments.runReconciliation': ({ date }) => {
          const run: ReconciliationRunDto = { date, ranAt: '2026-12-02T09:00:00.000Z', differences: 0, status: 'AGREES', result: { ...fresh, date } };
          stored.unshift(run);
          return { ok: true, value: run };
        },
      },
      <ReconciliationRunsPanel />,
    );
    const runs = await screen.findByRole('table', { name: 'Reconciliation runs' });
    expect(within(runs).getAllByRole('row')[1]!.textContent).toContain('Differences to look at');
    fireEvent.click(within(runs).getByRole('button', { name: 'Open the run of 2026-11-30' }));
    const differences = await screen.findByRole('table', { name: 'Differences' });
    expect(within(differences).getByText('pay_A1')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Day to reconcile'), { target: { value: '2026-11-29' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    expect(await screen.findByText('The books agree.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Reconciliation runs' })).getAllByRole('row')).toHaveLength(3));
    expect(fake.calls.filter((c) => c.channel === 'payments.runReconciliation').map((c) => c.payload)).toEqual([{ date: '2026-11-29' }]);
  });
});

const DAY_WITH_ONE: ReconciliationDto = {
  date: '2026-11-30',
  gatewayPayments: 1,
  settled: '0.00',
  mismatches: [
    {
      kind: 'ONLY_AT_GATEWAY',
      gatewayPaymentId: 'pay_A1',
      paymentId: null,
      clinicAmount: null,
      gatewayAmount: '300.00',
      note: 'Captured by Razorpay (upi) with no payment in Clinic Desk',
    },
  ],
  byGatewayMethod: [],
};

describe('the day-end', () => {
  it('shows the gateway takings by method when there are some, and no such table when there are none', async () => {
    const desk = fakeDesk();
    const takings = [{ method: 'upi', currency: 'INR', net: '1300.00', payments: 2 }];
    let gatewayByMethod = takings;
    renderOver(
      {
        ...desk.handlers,
        'payments.dayEnd': async (req) => {
          const r = await desk.handlers['payments.dayEnd']!(req);
          return r.ok ? { ok: true, value: { ...r.value, gatewayByMethod } } : r;
        },
      },
      <DayEndScreen />,
    );
    const table = await screen.findByRole('table', { name: 'Gateway takings by method' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['MethodNetPayments', 'UPI₹1,300.002']);
    gatewayByMethod = [];
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-11-30' } });
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Gateway takings by method' })).toBeNull());
    expect(screen.queryByText('Through the gateway')).toBeNull();
  });
});
