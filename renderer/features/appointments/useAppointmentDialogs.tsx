import { useState, type ReactNode } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { BookingDialog, type BookingDraft } from '../booking';
import { PaymentDialog } from '../payments/PaymentDialog';
import { AppointmentDialog } from './AppointmentDialog';
import { CancelDialog } from './CancelDialog';
import { MoveDialog, type MoveTarget } from './MoveDialog';

export type OpenDialog =
  | { kind: 'details' | 'pay' | 'cancel'; appointment: AppointmentDto }
  | { kind: 'move'; appointment: AppointmentDto; target?: MoveTarget }
  | { kind: 'book'; draft: BookingDraft }
  | null;

/** The appointment dialogs a screen can open, one at a time; the schedule and the queue share them. */
export function useAppointmentDialogs(): [ReactNode, (next: OpenDialog) => void] {
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
    case 'move':
      dialog = <MoveDialog appointment={open.appointment} target={open.target} onClose={close} />;
      break;
    case 'book':
      dialog = <BookingDialog draft={open.draft} onClose={close} />;
      break;
  }
  return [dialog, setOpen];
}
