// What other features may use of patients; booking and the queue pick patients through here.
export { PatientPicker } from './PatientPicker';
export { PatientProfile } from './PatientProfile';
