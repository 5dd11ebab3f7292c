import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VideoSettingsDto } from '../../preload/contract';
import { VideoSettingsPanel } from '../../renderer/features/admin/VideoSettingsPanel';
import type { FakeHandlers } from './fake-clinic';
import { renderApp } from './render-app';

const STORED: VideoSettingsDto = {
  accountSid: `AC${'a'.repeat(32)}`,
  apiKeySid: `SK${'b'.repeat(32)}`,
  apiKeySecretSet: true,
  authTokenSet: false,
  webhookUrl: null,
  joinUrlTemplate: null,
  publicBaseUrl: null,
  joinOpensMinutes: 10,
  joinClosesMinutes: 30,
  configured: false,
  updatedAt: '2026-11-01T00:00:00.000Z',
};

async function open(handlers: FakeHandlers) {
  const { fake } = renderApp({
    role: 'ADMIN',
    handlers: { 'video.getSettings': () => ({ ok: true, value: STORED }), ...handlers },
    screen: <VideoSettingsPanel />,
  });
  await screen.findByRole('form', { name: 'Video settings' });
  return fake;
}

afterEach(cleanup);

describe('video settings', () => {
  it('keeps stored secrets unless a new one is typed; a bad SID is caught at its box before sending, main’s refusal lands on its field', async () => {
    let attempt = 0;
    const fake = await open({
      'video.updateSettings': (req) =>
        ++attempt === 1
          ? { ok: false, error: { code: 'INVALID', field: 'webhookUrl', message: 'Twilio cannot reach this address' } }
          : { ok: true, value: { ...STORED, authTokenSet: !!req.authToken, configured: true } },
    });
    expect((screen.getByLabelText('Twilio Account SID') as HTMLInputElement).value).toBe(STORED.accountSid);
    expect((screen.getByLabelText('API Key secret') as HTMLInputElement).value).toBe('');

    fireEvent.change(screen.getByLabelText('Twilio Account SID'), { target: { value: 'AC123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save video settings' }));
    expect(await screen.findByText('An Account SID starts with AC followed by 32 hex digits')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'video.updateSettings')).toBe(false);

    fireEvent.change(screen.getByLabelText('Twilio Account SID'), { target: { value: STORED.accountSid } });
    fireEvent.change(screen.getByLabelText('Webhook address'), { target: { value: 'https://clinic.example/hooks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save video settings' }));
    const refusal = await screen.findByText('Twilio cannot reach this address');
    expect(screen.getByLabelText('Webhook address').getAttribute('aria-describedby')).toContain(refusal.id);

    fireEvent.change(screen.getByLabelText('Auth Token'), { target: { value: 'aNewAuthToken0123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save video settings' }));
    expect(await screen.findByText('Video consultations are set up.')).toBeTruthy();
    const sent = fake.calls.filter((c) => c.channel === 'video.updateSettings').map((c) => c.payload as Record<string, unknown>);
    // The stored API Key secret was never retyped, so it is never sent; the new Auth Token is.
    expect(sent.every((p) => !('apiKeySecret' in p) || p.apiKeySecret === undefined)).toBe(true);
    expect(sent.at(-1)).toMatchObject({
      accountSid: STORED.accountSid,
      webhookUrl: 'https://clinic.example/hooks',
      authToken: 'aNewAuthToken0123456789',
      joinUrlTemplate: null,
    });
    expect((screen.getByLabelText('Auth Token') as HTMLInputElement).value).toBe('');
  });
});
