import type { Refusals } from '../../refusals';

/** Spans of time said inside other sentences (main/shared/durations.ts). */
const hi: Refusals = {
  '{0} day': '{0} दिन',
  '{0} days': '{0} दिन',
  '{0} hour': '{0} घंटा',
  '{0} hours': '{0} घंटे',
  '{0} minute': '{0} मिनट',
  '{0} minutes': '{0} मिनट',
  '{0} seconds': '{0} सेकंड',
};
export default hi;
