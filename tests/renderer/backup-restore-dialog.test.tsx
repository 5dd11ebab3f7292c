import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BackupFile, Req, RestoreResult, Result } from '../../preload/contract';
import { BackupPanel } from '../../renderer/features/backup/BackupPanel';
import { switchLanguage } from '../../renderer/i18n';
import { clinicSettings } from './fake-desk';
import { renderApp } from './render-app';

// Restoring a backup from the administrator's backup panel: the folder's backups, "Restore…",
// and a dialog that says what will happen and wants the clinic's name typed before it asks main.

const folder = '/media/usb/clinic';
const latest: BackupFile = {
  name: 'clinic-desk-embedded-20261124-213000.tar.gz.enc',
  kind: 'BACKUP',
  takenAt: '2026-11-24T21:30:00.000Z',
  bytes: 5 * 1024 * 1024,
  key: 'THIS_PC',
};
const safety: BackupFile = {
  name: 'before-restore/clinic-desk-embedded-20261120-101500.tar.gz.enc',
  kind: 'BEFORE_RESTORE',
  takenAt: '2026-11-20T10:15:00.000Z',
  bytes: 4 * 1024 * 1024,
  key: 'THIS_PC',
};
const foreign: BackupFile = {
  name: 'clinic-desk-embedded-20261101-080000.tar.gz.enc',
  kind: 'BACKUP',
  takenAt: '2026-11-01T08:00:00.000Z',
  bytes: 3 * 1024 * 1024,
  key: 'OTHER_KEY',
};
const WRONG_KEY = `${latest.name} was encrypted with clinic key 0123456789abcdef, but the key given (this PC's clinic key) is key fedcba9876543210: the wrong key.`;

beforeAll(() => import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces('backup')));
afterEach(cleanup);

function mount(restore: (req: Req<'backup.restore'>) => Result<RestoreResult> | Promise<Result<RestoreResult>>) {
  const { fake } = renderApp({
    role: 'ADMIN',
    handlers: {
      'settings.get': () => ({ ok: true, value: clinicSettings({ clinicName: 'Sunrise Clinic', timeZone: 'UTC' }) }),
      'backup.status': () => ({
        ok: true,
        value: { schedule: { enabled: true, timeOfDay: '21:30', folder, keepLast: 7, updatedAt: null }, lastRun: null, lastSuccess: null },
      }),
      'backup.list': () => ({ ok: true, value: { folder, files: [latest, safety, foreign] } }),
      'backup.restore': restore,
    },
    screen: <BackupPanel />,
  });
  return { restores: () => fake.calls.filter((c) => c.channel === 'backup.restore').map((c) => c.payload) };
}

const restored: RestoreResult = { restored: latest, safetyBackup: { ...safety, name: 'before-restore/clinic-desk-embedded-20261125-090000.tar.gz.enc' } };

describe('restoring a backup from the backup panel', () => {
  it('lists the folder’s backups; one of another clinic key says so and offers no restore', async () => {
    mount(() => ({ ok: true, value: restored }));
    const table = await screen.findByRole('table', { name: 'Backups in the folder' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      expect.stringMatching(/^2026-11-24 21:30Backup5\.0 MiBRestore…$/),
      expect.stringMatching(/^2026-11-20 10:15Safety backup, taken before a restore4\.0 MiBRestore…$/),
      expect.stringMatching(/^2026-11-01 08:00Backup Made with another clinic key: restore it with that PC’s recovery key/),
    ]);
    expect(screen.queryByRole('button', { name: 'Restore the backup of 2026-11-01 08:00' })).toBeNull();
  });

  it('says what will happen, wants the clinic’s name, shows a refusal in words, then restores', async () => {
    let answer: (r: Result<RestoreResult>) => void = () => undefined;
    const replies: Result<RestoreResult>[] = [{ ok: false, error: { code: 'CONFLICT', message: WRONG_KEY } }];
    const { restores } = mount(() => replies.shift() ?? new Promise((resolve) => (answer = resolve)));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore the backup of 2026-11-24 21:30' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 2026-11-24 21:30?' });
    expect(
      within(dialog).getByText(
        /is replaced by this backup from 2026-11-24 21:30\. Appointments, patients, payments and accounts added or changed since then are lost\./,
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText(/a safety backup of the records as they are now is taken/)).toBeTruthy();
    expect(within(dialog).getByText(/Everyone is signed out, on every PC, you too\./)).toBeTruthy();

    // Nothing is asked of main until the name is typed.
    const go = within(dialog).getByRole('button', { name: 'Restore and sign everyone out' });
    fireEvent.click(go);
    expect(await within(dialog).findByText('Type the clinic’s name exactly as shown above')).toBeTruthy();
    const name = within(dialog).getByLabelText('To confirm, type the clinic’s name: Sunrise Clinic');
    fireEvent.change(name, { target: { value: 'Sunrise' } });
    fireEvent.click(go);
    expect(restores()).toEqual([]);

    fireEvent.change(name, { target: { value: ' sunrise clinic ' } });
    fireEvent.click(go);
    expect((await within(dialog).findByRole('alert')).textContent).toBe(`The backup was not restored. ${WRONG_KEY}`);
    expect(restores()).toEqual([{ name: latest.name }]);

    // Again: main is working; the dialog says so and cannot be left meanwhile.
    fireEvent.click(go);
    expect((await within(dialog).findByRole('status')).textContent).toMatch(/^Restoring… First the safety backup/);
    expect((within(dialog).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    expect((go as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBeTruthy();
    await act(async () => answer({ ok: true, value: restored }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(restores()).toEqual([{ name: latest.name }, { name: latest.name }]);
  });

  it('speaks Hindi', async () => {
    onTestFinished(() => switchLanguage('en'));
    await act(() => switchLanguage('hi'));
    const { restores } = mount(() => ({ ok: false, error: { code: 'CONFLICT', message: WRONG_KEY } }));
    expect(await screen.findByRole('heading', { name: 'बैकअप वापस लाएँ' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'फ़ोल्डर में रखे बैकअप' });
    expect(within(table).getByText('सुरक्षा बैकअप, जो बैकअप वापस लाने से पहले लिया गया')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '2026-11-24 21:30 का बैकअप वापस लाएँ' }));
    const dialog = await screen.findByRole('dialog', { name: '2026-11-24 21:30 का बैकअप वापस लाएँ?' });
    expect(within(dialog).getByText(/क्लिनिक का पूरा रिकॉर्ड 2026-11-24 21:30 के इस बैकअप से बदल दिया जाएगा/)).toBeTruthy();
    expect(within(dialog).getByText(/अभी के रिकॉर्ड का एक सुरक्षा बैकअप/)).toBeTruthy();
    expect(within(dialog).getByText(/हर PC पर सभी लोग साइन आउट हो जाएँगे/)).toBeTruthy();
    const go = within(dialog).getByRole('button', { name: 'वापस लाएँ और सबको साइन आउट करें' });
    fireEvent.click(go);
    expect(await within(dialog).findByText('क्लिनिक का नाम ठीक वैसा ही लिखें जैसा ऊपर दिखाया गया है')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('पक्का करने के लिए क्लिनिक का नाम लिखें: Sunrise Clinic'), { target: { value: 'Sunrise Clinic' } });
    fireEvent.click(go);
    expect((await within(dialog).findByRole('alert')).textContent).toBe(`बैकअप वापस नहीं लाया गया। ${WRONG_KEY}`);
    expect(restores()).toEqual([{ name: latest.name }]);
  });
});
