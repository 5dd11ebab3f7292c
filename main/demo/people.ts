import type { Faker } from '@faker-js/faker';
import { isoDate } from './calendar';
import { LOCALITY_SUFFIXES, MEDICAL_HISTORY, SPECIALTIES, type DoctorRecord, type Gender, type PatientRecord } from './catalogue';

// Emails are built from names, so they must survive names like "Anand Swarup" or "D'Souza".
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** An Indian mobile number in E.164: +91, then ten digits starting 6–9. */
function indianMobile(faker: Faker): string {
  return `+91${faker.helpers.arrayElement(['6', '7', '8', '9'])}${faker.string.numeric(9)}`;
}

function indianAddress(faker: Faker): string {
  const house = faker.number.int({ min: 1, max: 999 });
  const locality = `${faker.person.lastName()} ${faker.helpers.arrayElement(LOCALITY_SUFFIXES)}`;
  const pin = `${faker.number.int({ min: 1, max: 8 })}${faker.string.numeric(5)}`;
  return `${house}, ${locality}, ${faker.location.city()}, ${faker.location.state()} ${pin}`;
}

/** A multiple of 50 rupees in [min, max], as NUMERIC(10,2) text. */
function feeInRupees(faker: Faker, [min, max]: readonly [number, number]): string {
  return `${faker.number.int({ min: Math.ceil(min / 50), max: Math.floor(max / 50) }) * 50}.00`;
}

/** 3.50–5.00 as NUMERIC(3,2) text, built from hundredths so no float is ever rounded. */
function rating(faker: Faker): string {
  const hundredths = faker.number.int({ min: 350, max: 500 });
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** One doctor per specialty. `taken` holds emails already in use and receives the new ones. */
export function generateDoctors(faker: Faker, taken: Set<string>): DoctorRecord[] {
  return SPECIALTIES.map((specialty) => {
    const sex = faker.person.sexType();
    const first = faker.person.firstName(sex);
    const last = faker.person.lastName();
    const base = `${emailPart(first)}.${emailPart(last)}`;
    let email = `${base}@clinic.demo`;
    for (let n = 2; taken.has(email); n++) email = `${base}${n}@clinic.demo`;
    taken.add(email);
    const experience = faker.number.int({ min: 1, max: 35 });
    return {
      name: `Dr. ${first} ${last}`,
      email,
      phone: indianMobile(faker),
      specialization: specialty.name,
      experience,
      consultation_fee: feeInRupees(faker, specialty.fee),
      rating: rating(faker),
      bio: `${specialty.bio}; ${experience} ${experience === 1 ? 'year' : 'years'} in practice.`,
      address: indianAddress(faker),
    };
  });
}

function gender(faker: Faker): Gender {
  const r = faker.number.float();
  if (r < 0.015) return 'OTHER';
  return r < 0.5075 ? 'MALE' : 'FEMALE';
}

function medicalHistory(faker: Faker): string | null {
  if (faker.number.float() >= 0.35) return null;
  return faker.helpers.arrayElements(MEDICAL_HISTORY, { min: 1, max: 2 }).join('; ');
}

/**
 * `count` patients aged 0–95 on `today`. The running number in each email (from `firstNumber`,
 * so batches can follow one another) keeps name-based addresses unique without depending on
 * which names happen to repeat.
 */
export function generatePatients(faker: Faker, count: number, today: string, firstNumber = 1): PatientRecord[] {
  const refDate = new Date(`${today}T00:00:00Z`);
  const patients: PatientRecord[] = [];
  for (let i = firstNumber; i < firstNumber + count; i++) {
    const g = gender(faker);
    const first = faker.person.firstName(g === 'MALE' ? 'male' : g === 'FEMALE' ? 'female' : faker.person.sexType());
    const last = faker.person.lastName();
    patients.push({
      name: `${first} ${last}`,
      email: `${emailPart(first)}.${emailPart(last)}${i}@example.com`,
      phone: indianMobile(faker),
      date_of_birth: isoDate(faker.date.birthdate({ mode: 'age', min: 0, max: 95, refDate })),
      gender: g,
      address: indianAddress(faker),
      medical_history: medicalHistory(faker),
    });
  }
  return patients;
}
