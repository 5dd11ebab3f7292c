import { useState, type ReactNode } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Loading, preloadable } from '../../ui/lazy';
import type { BookingDraft } from '../booking';
import { LazyBookingDialog as BookingDialog } from '../booking/LazyBookingDialog';
import type { MoveTarget } from './MoveDialog';

// Each a chunk of its own, fetched on first open: the screens that open them (Today, the
// schedule) draw without them, and payment brings its QR code library.
const AppointmentDialog = preloadable(() => import('./AppointmentDialog').then((m) => m.AppointmentDialog));
const PaymentDialog = preloadable(() => import('../payments/PaymentDialog').then((m) => m.PaymentDialog));
const CancelDialog = preloadable(() => import('./CancelDialog').then((m) => m.CancelDialog));
const MoveDialog = preloadable(() => import('./MoveDialog').then((m) => m.MoveDialog));
const CompleteDialog = preloadable(() => import('./CompleteDialog').then((m) => m.CompleteDialog));

/** What a click on an appointment opens first, for the shell to fetch while the desk is idle. */
export const APPOINTMENT_DIALOGS = [AppointmentDialog, PaymentDialog];

export type OpenDialog =
  | { kind: 'details' | 'pay' | 'cancel' | 'complete'; appointment: AppointmentDto }
  | { kind: 'move'; appointment: AppointmentDto; target?: MoveTarget }
  | { kind: 'book'; draft: BookingDraft }
  | null;

/** The appointment dialogs a screen can open, one at a time; the schedule and the queue share them. */
export function useAppointmentDialogs(): [ReactNode, (next: OpenDialog) => void] {
  const { t } = useT('common');
  const [open, setOpen] = useState<OpenDialog>(null);
  const close = () => setOpen(null);
  let dialog: ReactNode = null;
  switch (open?.kind) {
    case 'details':
      dialog = <AppointmentDialog appointment={open.appointment} open={setOpen} onClose={close} />;
      break;
    case 'pay':
      dialog = <PaymentDialog appointment={open.appointment} onClose={close} />;
      break;
    case 'cancel':
      dialog = <CancelDialog appointment={open.appointment} onClose={close} />;
      break;
    case 'complete':
      dialog = <CompleteDialog appointment={open.appointment} onClose={close} />;
      break;
    case 'move':
      dialog = <MoveDialog appointment={open.appointment} target={open.target} onClose={close} />;
      break;
    case 'book':
      dialog = <BookingDialog draft={open.draft} onClose={close} />;
      break;
  }
  return [
    open && (
      <Loading key={open.kind} what={t(`dialog.${open.kind}`)} place="dialog" onClose={close}>
        {dialog}
      </Loading>
    ),
    setOpen,
  ];
}
