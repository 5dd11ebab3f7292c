// Words every screen shares: the contract's capitals in words, and the desk's everyday verbs.
export default {
  role: { ADMIN: 'Administrator', DOCTOR: 'Doctor', RECEPTIONIST: 'Front desk', PATIENT: 'Patient' },
  status: { SCHEDULED: 'Scheduled', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'Did not come' },
  sex: { MALE: 'Male', FEMALE: 'Female', OTHER: 'Other' },
  method: { CASH: 'Cash', CARD: 'Card', UPI: 'UPI', OTHER: 'Other', gateway: 'gateway' },
  money: { PAID: 'paid', PENDING: 'payment pending', UNPAID: 'unpaid' },
  loading: 'Loading…',
  opening: 'Opening {{what}}…',
  couldNotOpen: 'Could not open {{what}}: {{problem}}',
  tryAgain: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  dismiss: 'Dismiss',
  doctor: 'Doctor',
  allDoctors: 'All doctors',
  // A write-only secret's box says whether one is stored, never what it is.
  secret: { set: 'Stored {{name}}: set: leave empty to keep it, type a new one to replace it.', notSet: 'Stored {{name}}: not set.' },
  language: 'Language',
  theme: { label: 'Theme', system: 'System theme', light: 'Light', dark: 'Dark', contrast: 'High contrast' },
  // An appointment's dialogs by name, while one is on its way: "Opening the cancellation…".
  dialog: {
    details: 'the appointment',
    pay: 'the payment',
    cancel: 'the cancellation',
    move: 'the move',
    complete: 'the completion',
    book: 'the booking form',
  },
  minutes_one: '{{count}} minute',
  minutes_other: '{{count}} minutes',
};
