import { Faker, allLocales, base, en, type LocaleDefinition } from '@faker-js/faker';
import type { DoctorRecord, PatientRecord } from '../../main/demo/catalogue';
import { generateDoctors, generatePatients } from '../../main/demo/people';

// A city's patients: mostly Indian names, and many from elsewhere, so search meets the
// variety (and the spelling) of a real register, not a few dozen names over and over.
// Weights are per hundred; only Latin-script locales, as the desk types in Latin letters.
const LOCALES: readonly { id: keyof typeof allLocales; weight: number }[] = [
  { id: 'en_IN', weight: 40 },
  { id: 'en_US', weight: 8 },
  { id: 'en_GB', weight: 6 },
  { id: 'en_IE', weight: 3 },
  { id: 'en_NG', weight: 3 },
  { id: 'en_AU', weight: 2 },
  { id: 'es', weight: 6 },
  { id: 'es_MX', weight: 3 },
  { id: 'de', weight: 5 },
  { id: 'fr', weight: 5 },
  { id: 'it', weight: 4 },
  { id: 'pt_BR', weight: 4 },
  { id: 'nl', weight: 3 },
  { id: 'pl', weight: 3 },
  { id: 'tr', weight: 2 },
  { id: 'sv', weight: 2 },
  { id: 'ro', weight: 1 },
];

// Patients come in runs of one locale: a run shares a faker, and short runs still mix well.
const RUN = 25;

export class PeopleSource {
  private readonly fakers: Faker[];
  private readonly chooser: Faker;
  private readonly cumulative: number[];

  constructor(seed: number) {
    this.fakers = LOCALES.map(({ id }, i) => {
      const faker = new Faker({ locale: [allLocales[id] as LocaleDefinition, en, base] });
      faker.seed(seed + i + 1);
      return faker;
    });
    this.chooser = new Faker({ locale: [base] });
    this.chooser.seed(seed);
    let sum = 0;
    this.cumulative = LOCALES.map((l) => (sum += l.weight));
  }

  private pick(): Faker {
    const r = this.chooser.number.int({ min: 0, max: this.cumulative[this.cumulative.length - 1]! - 1 });
    return this.fakers[this.cumulative.findIndex((c) => r < c)]!;
  }

  /** `count` patients whose emails are numbered from `firstNumber`. */
  patients(count: number, firstNumber: number, today: string): PatientRecord[] {
    const out: PatientRecord[] = [];
    while (out.length < count) {
      const n = Math.min(RUN, count - out.length);
      out.push(...generatePatients(this.pick(), n, today, firstNumber + out.length));
    }
    return out;
  }

  /** One doctor per specialty per round, until `count`; emails stay unique across rounds. */
  doctors(count: number): DoctorRecord[] {
    const taken = new Set<string>();
    const out: DoctorRecord[] = [];
    while (out.length < count) out.push(...generateDoctors(this.pick(), taken));
    return out.slice(0, count);
  }
}
