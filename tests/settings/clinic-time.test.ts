import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { clinicNow } from '../../main/settings/clinic-time';

describe('clinicNow', () => {
  it('is the wall clock of the clinic’s zone, whatever the PC’s, across midnight and DST changes', () => {
    const zones = ['Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    const instants = [
      Date.UTC(2026, 2, 29, 0, 59, 59), // London springs forward at 01:00 UTC
      Date.UTC(2026, 2, 29, 1, 0, 0),
      Date.UTC(2026, 10, 1, 5, 59, 59), // New York falls back at 06:00 UTC
      Date.UTC(2026, 10, 1, 6, 0, 0),
      Date.UTC(2026, 10, 25, 18, 30, 0), // midnight in Kolkata
      Date.UTC(2026, 11, 31, 23, 59, 59),
    ];
    for (const zone of zones) {
      for (const at of instants) {
        const local = new TZDate(at, zone);
        expect(clinicNow(zone, at), `${zone} at ${new Date(at).toISOString()}`).toEqual({ date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm:ss') });
      }
    }
  });

  it('says 00, never 24, for the hour after midnight', () => {
    expect(clinicNow('Asia/Kolkata', Date.UTC(2026, 10, 25, 18, 30, 5))).toEqual({ date: '2026-11-26', time: '00:00:05' });
  });
});
