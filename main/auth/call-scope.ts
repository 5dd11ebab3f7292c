import type { ChannelName } from '../../preload/contract';

/**
 * What a call window's session may call: the call itself, its patient's record beside it, and
 * its own session. Everything else its user's role allows (bookings, payments, admin) stays in
 * the window that opened the call.
 */
export const CALL_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'auth.status',
  'auth.touch',
  'auth.lock',
  'auth.logout',
  'video.joinWindow',
  'video.callInfo',
  'video.start',
  'video.patientLink',
  'video.waitingOnline',
  'video.reportEvent',
  'video.end',
  'appointments.complete',
  // A call the patient never joined ends as "did not come" instead.
  'appointments.noShow',
  'patients.get',
  'patients.update',
]);
