import { z } from 'zod';
import { idSchema, instantSchema } from './dto';

/** Money as an exact decimal string ("500", "499.50"): never a float. */
export const moneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'Use an amount such as 500 or 499.50');

export const DEFAULT_SPECIALIZATIONS = [
  'General Medicine',
  'Paediatrics',
  'Cardiology',
  'Dermatology',
  'Orthopaedics',
  'ENT',
  'Gynaecology',
  'Ophthalmology',
  'Psychiatry',
  'Dentistry',
  'Neurology',
  'Physiotherapy',
] as const;

const doctorFields = {
  name: z.string().trim().min(1, 'Enter the doctor’s name').max(255),
  email: z.email('Enter a valid email address').max(255),
  phone: z.string().max(40).nullable().optional(),
  specialization: z.string().trim().max(100, 'At most 100 characters').nullable().optional(),
  experience: z.number().int('Whole years').min(0, 'Years of experience cannot be negative').max(80).nullable().optional(),
  consultationFee: moneySchema.nullable().optional(),
  rating: z
    .string()
    .trim()
    .regex(/^\d(\.\d{1,2})?$/, 'Use a rating such as 4.5')
    .refine((r) => Number(r) <= 5, 'A rating is at most 5.0')
    .nullable()
    .optional(),
  bio: z.string().max(5000).nullable().optional(),
  address: z.string().max(2000).nullable().optional(),
};

export const createDoctorSchema = z.strictObject(doctorFields);
export const updateDoctorSchema = z.strictObject({ id: idSchema, ...z.object(doctorFields).partial().shape });

export const doctorSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  specialization: z.string().nullable(),
  experience: z.number().nullable(),
  consultationFee: z.string().nullable(),
  rating: z.string().nullable(),
  bio: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  createdAt: instantSchema,
});
export type DoctorDto = z.infer<typeof doctorSchema>;

export const listDoctorsSchema = z.strictObject({
  specialization: z.string().trim().min(1).max(100).optional(),
  includeInactive: z.boolean().default(false),
});
