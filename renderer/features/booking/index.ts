// What other features may use of booking: the dialog (the shell's and the schedule's) and the
// outside-hours switch a move shares with a booking.
export { BookingDialog, type BookingDraft } from './BookingDialog';
export { OutsideHours } from './OutsideHours';
