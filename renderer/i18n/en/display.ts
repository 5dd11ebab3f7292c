// The waiting room's token display (the TV): no patient names, only tokens and doctors.
export default {
  label: 'Token display',
  // The heading until the board has been read (it carries the clinic's name).
  clinicDesk: 'Clinic Desk',
  now: 'Now',
  next: 'Next',
  reconnecting: 'Reconnecting…',
  priority: { EMERGENCY: 'Emergency', ELDERLY: 'Priority', PREGNANT: 'Priority', CHILD: 'Priority' },
};
