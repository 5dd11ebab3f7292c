import { preloadable } from '../../ui/lazy';

/**
 * The booking dialog as a chunk of its own (the patient search and form come with it), fetched
 * on first open or when the desk is idle; the shell's Alt+N and the screens' Book… share it.
 */
export const LazyBookingDialog = preloadable(() => import('./BookingDialog').then((m) => m.BookingDialog));
