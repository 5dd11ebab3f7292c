// What other features may use of booking: the dialog (the shell's and the schedule's) and the
// outside-hours override a move shares with a booking.
export { BookingDialog, type BookingDraft } from './BookingDialog';
export { OVERRIDE_FIELDS, OutsideHours, overrideOf } from './OutsideHours';
