import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
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

// The screens are rendered by themselves, with no Loading around them to wait in while their words arrive.
beforeAll(() => import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces('admin')));

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

  it('sets the gateway’s public address and the join window: https only, no query, whole minutes in range; emptied, it is cleared', async () => {
    const fake = await open({
      'video.updateSettings': (req) => ({ ok: true, value: { ...STORED, ...req, apiKeySecretSet: true, authTokenSet: false } as VideoSettingsDto }),
    });
    const address = screen.getByLabelText('Gateway public address');
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save video settings' }));

    fireEvent.change(address, { target: { value: 'http://gateway.clinic.example' } });
    save();
    expect(await screen.findByText('The gateway address must be a full https:// address')).toBeTruthy();
    fireEvent.change(address, { target: { value: 'https://gateway.clinic.example/?x=1' } });
    save();
    expect(await screen.findByText('The gateway address is where the gateway is reached: leave out any ? or # part')).toBeTruthy();
    fireEvent.change(address, { target: { value: 'https://gateway.clinic.example' } });
    fireEvent.change(screen.getByLabelText('Join opens (minutes before the start)'), { target: { value: '2000' } });
    save();
    expect(await screen.findByText('At most a day (1440 minutes)')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'video.updateSettings')).toBe(false);

    fireEvent.change(screen.getByLabelText('Join opens (minutes before the start)'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('Join closes (minutes after the end)'), { target: { value: '45' } });
    save();
    const sent = () => fake.calls.filter((c) => c.channel === 'video.updateSettings').map((c) => c.payload);
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toMatchObject({
      publicBaseUrl: 'https://gateway.clinic.example',
      joinOpensMinutes: 20,
      joinClosesMinutes: 45,
    });

    // Emptied, the address is cleared (null), not sent as "".
    fireEvent.change(address, { target: { value: '' } });
    save();
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[1]).toMatchObject({ publicBaseUrl: null });
  });
});
