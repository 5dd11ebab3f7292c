// Fixed content of the demo clinic: the seed document's own sample rows (shared/seeds, "Sample
// Data"), kept verbatim so the demo shows exactly what the document describes, and the lists
// the generator draws from.

export type Gender = 'MALE' | 'FEMALE' | 'OTHER';

export interface DoctorRecord {
  name: string;
  email: string;
  phone: string;
  specialization: string;
  experience: number;
  consultation_fee: string;
  rating: string;
  bio: string;
  address: string | null;
}

export interface PatientRecord {
  name: string;
  email: string;
  phone: string;
  date_of_birth: string;
  gender: Gender;
  address: string;
  medical_history: string | null;
}

/** A booking given by its doctor's and patient's positions in the generated lists. */
export interface SampleAppointment {
  doctor: number;
  patient: number;
  date: string;
  start_time: string;
  end_time: string;
  status: 'SCHEDULED';
  reason: string;
}

export const SAMPLE_DOCTORS: readonly DoctorRecord[] = [
  {
    name: 'Dr. John Smith',
    email: 'doctor1@example.com',
    phone: '+1234567890',
    specialization: 'Cardiology',
    experience: 10,
    consultation_fee: '150.00',
    rating: '4.50',
    bio: 'Experienced cardiologist with expertise in heart diseases',
    address: null,
  },
  {
    name: 'Dr. Sarah Johnson',
    email: 'doctor2@example.com',
    phone: '+1234567891',
    specialization: 'Dermatology',
    experience: 8,
    consultation_fee: '120.00',
    rating: '4.80',
    bio: 'Specialized in skin conditions and treatments',
    address: null,
  },
];

export const SAMPLE_PATIENTS: readonly PatientRecord[] = [
  {
    name: 'John Doe',
    email: 'patient1@example.com',
    phone: '+1234567892',
    date_of_birth: '1990-01-15',
    gender: 'MALE',
    address: '123 Main St, City, State',
    medical_history: 'No significant medical history',
  },
  {
    name: 'Jane Smith',
    email: 'patient2@example.com',
    phone: '+1234567893',
    date_of_birth: '1985-05-20',
    gender: 'FEMALE',
    address: '456 Oak Ave, City, State',
    medical_history: 'Allergic to penicillin',
  },
];

/** The seed's patient 1 sees its doctor 1, patient 2 doctor 2: positions 0 and 1 of both lists. */
export const SAMPLE_APPOINTMENTS: readonly SampleAppointment[] = [
  { doctor: 0, patient: 0, date: '2024-01-20', start_time: '10:00:00', end_time: '10:30:00', status: 'SCHEDULED', reason: 'Regular checkup' },
  { doctor: 1, patient: 1, date: '2024-01-21', start_time: '14:00:00', end_time: '14:30:00', status: 'SCHEDULED', reason: 'Skin consultation' },
];

export interface Specialty {
  name: string;
  /** Consultation fee range in whole rupees; fees are drawn in steps of 50. */
  fee: readonly [number, number];
  bio: string;
  reasons: readonly string[];
}

/** One generated doctor per entry, in this order. */
export const SPECIALTIES: readonly Specialty[] = [
  {
    name: 'General Medicine',
    fee: [300, 600],
    bio: 'General physician for fevers, infections, diabetes and blood pressure care',
    reasons: ['Fever and cough', 'Headache', 'Stomach pain', 'Blood pressure check', 'Diabetes review', 'Body ache and fatigue'],
  },
  {
    name: 'Paediatrics',
    fee: [400, 800],
    bio: 'Paediatrician caring for newborns, children and adolescents',
    reasons: ['Vaccination', 'Child with fever', 'Growth and development check', 'Cold and cough', 'Newborn check-up'],
  },
  {
    name: 'Cardiology',
    fee: [800, 1500],
    bio: 'Cardiologist for chest pain, heart rhythm problems and hypertension',
    reasons: ['Chest pain', 'ECG review', 'Palpitations', 'Hypertension follow-up', 'Breathlessness on exertion'],
  },
  {
    name: 'Dermatology',
    fee: [500, 1000],
    bio: 'Dermatologist for skin, hair and nail conditions',
    reasons: ['Skin rash', 'Acne', 'Hair fall', 'Eczema flare-up', 'Fungal infection'],
  },
  {
    name: 'Orthopaedics',
    fee: [600, 1200],
    bio: 'Orthopaedic surgeon for joint pain, sports injuries and fractures',
    reasons: ['Knee pain', 'Lower back pain', 'Fracture follow-up', 'Shoulder stiffness', 'Sprained ankle'],
  },
  {
    name: 'ENT',
    fee: [400, 800],
    bio: 'ENT specialist for ear, nose and throat problems',
    reasons: ['Ear pain', 'Sinusitis', 'Sore throat', 'Hearing check', 'Nosebleeds'],
  },
  {
    name: 'Gynaecology',
    fee: [500, 1000],
    bio: "Gynaecologist and obstetrician for women's health and pregnancy care",
    reasons: ['Antenatal check-up', 'Irregular periods', 'PCOS follow-up', 'Pelvic pain'],
  },
  {
    name: 'Ophthalmology',
    fee: [400, 900],
    bio: 'Eye specialist for vision, cataract and eye infections',
    reasons: ['Eye test', 'Red eye', 'Blurred vision', 'Cataract review', 'Watery eyes'],
  },
  {
    name: 'Psychiatry',
    fee: [800, 1500],
    bio: 'Psychiatrist for anxiety, depression and sleep disorders',
    reasons: ['Anxiety', 'Sleep problems', 'Medication review', 'Low mood', 'Stress at work'],
  },
  {
    name: 'Dentistry',
    fee: [300, 700],
    bio: 'Dental surgeon for check-ups, fillings and root canal treatment',
    reasons: ['Toothache', 'Teeth cleaning', 'Root canal follow-up', 'Bleeding gums', 'Sensitive teeth'],
  },
];

/** Reasons that fit any specialty. */
export const COMMON_REASONS: readonly string[] = ['Follow-up', 'Review of test results', 'Routine check-up', 'Second opinion', 'Prescription renewal'];

/** Reasons of the seed's two sample doctors, whose specialties also appear in SPECIALTIES. */
export function reasonsFor(specialization: string): readonly string[] {
  return SPECIALTIES.find((s) => s.name === specialization)?.reasons ?? COMMON_REASONS;
}

export const MEDICAL_HISTORY: readonly string[] = [
  'Type 2 diabetes',
  'Hypertension',
  'Asthma',
  'Hypothyroidism',
  'Allergic to penicillin',
  'Allergic to sulfa drugs',
  'Migraine',
  'Appendectomy in childhood',
  'High cholesterol',
  'Seasonal allergic rhinitis',
  'Iron-deficiency anaemia',
  'Osteoarthritis of the knees',
  'Gastritis',
  'Childhood tuberculosis, treated',
];

export const LOCALITY_SUFFIXES: readonly string[] = ['Nagar', 'Colony', 'Road', 'Marg', 'Layout', 'Enclave', 'Extension', 'Cross Road'];

/** Weekly working hours, [start, end] per session; index 0 = Sunday … 6 = Saturday. */
export type WeeklyHours = readonly (readonly (readonly [string, string])[])[];

const SPLIT: readonly (readonly [string, string])[] = [
  ['09:00', '13:00'],
  ['16:00', '19:00'],
];
const MORNING: readonly (readonly [string, string])[] = [['09:00', '13:00']];

/** Doctor n keeps pattern n while patterns last, so each pattern is on show; the rest draw one. */
export const WEEKLY_HOURS: readonly WeeklyHours[] = [
  // Split shifts on weekdays and a Saturday morning.
  [[], SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, MORNING],
  // Split shifts, weekdays only.
  [[], SPLIT, SPLIT, SPLIT, SPLIT, SPLIT, []],
  // Mornings only, Monday to Saturday.
  [[], [['09:30', '13:30']], [['09:30', '13:30']], [['09:30', '13:30']], [['09:30', '13:30']], [['09:30', '13:30']], [['09:30', '13:30']]],
  // Alternate mornings and evenings, for a doctor who also works at a hospital.
  [[], [['10:00', '14:00']], [['16:00', '20:00']], [['10:00', '14:00']], [['16:00', '20:00']], [['10:00', '14:00']], [['10:00', '13:00']]],
  // Evening consultant with a Saturday morning.
  [[], [['17:00', '20:00']], [['17:00', '20:00']], [['17:00', '20:00']], [['17:00', '20:00']], [['17:00', '20:00']], [['10:00', '13:00']]],
];
