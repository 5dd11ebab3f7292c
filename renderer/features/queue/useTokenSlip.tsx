import type { AppointmentDto } from '../../../preload/contract';
import { useSettings } from '../../api/clinic-data';
import { printDocument } from '../print/print';
import { TokenSlip } from './TokenSlip';

/** Prints a checked-in patient's token slip on the clinic's receipt paper. */
export function useTokenSlip(): (appointment: AppointmentDto) => void {
  const { settings } = useSettings();
  const clinicName = settings?.clinicName ?? '';
  const paper = settings?.receiptPaper ?? 'A5';
  return (appointment) => void printDocument(<TokenSlip appointment={appointment} clinicName={clinicName} />, paper);
}
