// What other features may use of patients; booking and the queue pick patients through here.
export { NewPatientDialog } from './NewPatientDialog';
export { PatientPicker } from './PatientPicker';
export { PatientProfile } from './PatientProfile';
export { PatientsScreen } from './PatientsScreen';
export { usePatientSearch } from './usePatientSearch';
