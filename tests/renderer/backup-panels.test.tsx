import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRun, BackupStatus, HealthReport } from '../../preload/contract';
import { BackupPanel } from '../../renderer/features/backup/BackupPanel';
import { HealthPanel } from '../../renderer/features/backup/HealthPanel';
import type { FakeHandlers } from './fake-clinic';
import { clinicSettings } from './fake-desk';
import { renderApp } from './render-app';

const schedule = { enabled: true, timeOfDay: '21:30', folder: '/media/usb/clinic', keepLast: 7, updatedAt: '2026-11-20T10:00:00.000Z' };
const good: BackupRun = {
  id: 1,
  trigger: 'SCHEDULED',
  startedAt: '2026-11-24T21:30:00.000Z',
  finishedAt: '2026-11-24T21:30:05.000Z',
  ok: true,
  file: '/media/usb/clinic/clinic-desk-embedded-20261124-213000.tar.gz',
  bytes: 5 * 1024 * 1024,
  message: null,
};
const failed: BackupRun = {
  ...good,
  id: 2,
  finishedAt: '2026-11-25T21:30:02.000Z',
  ok: false,
  file: null,
  bytes: null,
  message: 'The backup folder /media/usb/clinic cannot be used: ENOENT',
};

const mount = (component: 'BackupPanel' | 'HealthPanel', handlers: FakeHandlers) =>
  renderApp({
    role: 'ADMIN',
    handlers: {
      'settings.get': () => ({ ok: true, value: clinicSettings({ timeZone: 'UTC' }) }),
      'backup.list': () => ({ ok: true, value: { folder: schedule.folder, files: [] } }),
      ...handlers,
    },
    screen: component === 'BackupPanel' ? <BackupPanel /> : <HealthPanel />,
  }).fake;

// The panels are rendered by themselves, with no Loading around them to wait in while their words arrive.
beforeAll(() => import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces('backup')));
afterEach(cleanup);

describe('BackupPanel', () => {
  it('shows the schedule and warns while the latest backup failed, until a backup now succeeds', async () => {
    let status: BackupStatus = {
      schedule,
      lastRun: failed,
      lastSuccess: good,
    };
    const fake = mount('BackupPanel', {
      'backup.status': () => ({ ok: true, value: status }),
      'backup.runNow': () => {
        const run = { ...good, id: 3, trigger: 'MANUAL' as const };
        status = { schedule, lastRun: run, lastSuccess: run };
        return { ok: true, value: run };
      },
    });
    expect(
      await screen.findByText(/^The backup of .+ failed: The backup folder \/media\/usb\/clinic cannot be used: ENOENT\. The latest good backup is from .+\.$/),
    ).toBeTruthy();
    expect((screen.getByLabelText('Backup folder') as HTMLInputElement).value).toBe('/media/usb/clinic');
    expect((screen.getByLabelText('Time of day') as HTMLInputElement).value).toBe('21:30');
    expect(screen.getByText(/Last good backup: .*clinic-desk-embedded-20261124-213000\.tar\.gz \(5\.0 MiB\)/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText(/Last backup: .*clinic-desk-embedded/);
    expect(screen.queryByText(/failed/)).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'backup.runNow')).toHaveLength(1);
  });

  it('saves the schedule, and shows a refusal at the field it is about', async () => {
    const saved: unknown[] = [];
    const fake = mount('BackupPanel', {
      'backup.status': () => ({ ok: true, value: { schedule: { ...schedule, enabled: false, folder: '' }, lastRun: null, lastSuccess: null } }),
      'backup.saveSchedule': (req) => {
        if (req.folder === '/mnt/gone')
          return { ok: false, error: { code: 'INVALID', field: 'folder', message: 'Clinic Desk cannot write to /mnt/gone from this PC (ENOENT).' } };
        saved.push(req);
        return { ok: true, value: { ...req, updatedAt: '2026-11-25T10:00:00.000Z' } };
      },
    });
    expect(await screen.findByText('Last backup: none yet')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Back up every day'));
    fireEvent.change(screen.getByLabelText('Backup folder'), { target: { value: '/mnt/gone' } });
    fireEvent.change(screen.getByLabelText('Backups to keep'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    const folder = screen.getByLabelText('Backup folder');
    expect(await within(folder.parentElement!).findByRole('alert')).toHaveProperty(
      'textContent',
      'Clinic Desk cannot write to /mnt/gone from this PC (ENOENT).',
    );
    expect(folder.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(folder, { target: { value: '/media/usb/clinic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(saved).toEqual([{ enabled: true, timeOfDay: '21:30', folder: '/media/usb/clinic', keepLast: 10 }]);
    expect(fake.calls.filter((c) => c.channel === 'backup.saveSchedule')).toHaveLength(2);
  });
});

describe('BackupPanel recovery key', () => {
  const status: BackupStatus = { schedule, lastRun: good, lastSuccess: good };
  const recoveryKey = 'CDK1-' + 'x'.repeat(48);

  it('asks for the key only when the ADMIN wants it, shows it until hidden', async () => {
    const fake = mount('BackupPanel', {
      'backup.status': () => ({ ok: true, value: status }),
      'backup.exportRecoveryKey': () => ({ ok: true, value: { keyId: '0123456789abcdef', recoveryKey } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show recovery key' }));
    const box = (await screen.findByLabelText(/Recovery key \(clinic key 0123456789abcdef\)/)) as HTMLTextAreaElement;
    expect(box.value).toBe(recoveryKey);
    expect(fake.calls.filter((c) => c.channel === 'backup.exportRecoveryKey')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Hide recovery key' }));
    expect(screen.queryByDisplayValue(recoveryKey)).toBeNull();
    // Hidden, it is nowhere: showing it again asks main again.
    fireEvent.click(screen.getByRole('button', { name: 'Show recovery key' }));
    expect(((await screen.findByLabelText(/Recovery key \(clinic key/)) as HTMLTextAreaElement).value).toBe(recoveryKey);
    expect(fake.calls.filter((c) => c.channel === 'backup.exportRecoveryKey')).toHaveLength(2);
  });

  it('says why when the key cannot be exported', async () => {
    mount('BackupPanel', {
      'backup.status': () => ({ ok: true, value: status }),
      'backup.exportRecoveryKey': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Only an administrator can do this.' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show recovery key' }));
    expect(await screen.findByText('Only an administrator can do this.')).toBeTruthy();
    expect(screen.queryByLabelText(/Recovery key \(clinic key/)).toBeNull();
  });
});

describe('HealthPanel', () => {
  it('lists tables with rows, dead rows and sizes, the indexes, and the last good backup', async () => {
    const report: HealthReport = {
      databaseMode: 'server',
      databaseBytes: 12 * 1024 * 1024,
      tables: [
        {
          name: 'appointment_entities',
          rows: 5400,
          deadRows: 12,
          totalBytes: 2 * 1024 * 1024,
          inserted: 5500,
          updated: 40,
          deleted: 100,
          lastVacuum: null,
          lastAnalyze: null,
        },
        {
          name: 'patient_entities',
          rows: 2000,
          deadRows: 0,
          totalBytes: 800 * 1024,
          inserted: 2000,
          updated: 3,
          deleted: 0,
          lastVacuum: '2026-11-25T03:00:00.000Z',
          lastAnalyze: null,
        },
      ],
      indexes: [{ table: 'appointment_entities', name: 'excl_appointment_doctor_overlap', scans: 311, tuplesRead: 900, tuplesFetched: 850, bytes: 400 * 1024 }],
      lastBackup: failed,
      lastSuccessfulBackup: good,
    };
    mount('HealthPanel', { 'health.get': () => ({ ok: true, value: report }) });
    const tables = await screen.findByRole('table', { name: 'Tables' });
    const rows = within(tables)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toMatch(/^appointment_entities5400122\.0 MiBnever$/);
    expect(rows[2]).toMatch(/^patient_entities20000800 KiB/);
    expect(within(screen.getByRole('table', { name: 'Indexes' })).getByText('excl_appointment_doctor_overlap')).toBeTruthy();
    expect(screen.getByText(/Clinic server, 12\.0 MiB\. Last good backup: .*clinic-desk-embedded-20261124-213000/)).toBeTruthy();
    expect(screen.getByText(/The latest backup failed: The backup folder/)).toBeTruthy();
  });

  it('shows why when the report cannot be loaded', async () => {
    mount('HealthPanel', { 'health.get': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' } }) });
    expect((await screen.findByRole('alert')).textContent).toBe('The clinic database cannot be reached.');
  });
});
