import type { URGENCIES } from '../../../preload/contract';

export const URGENCY_NAMES: Record<(typeof URGENCIES)[number], string> = { ROUTINE: 'Routine', SOON: 'Soon', URGENT: 'Urgent' };
