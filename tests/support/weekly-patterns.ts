/** A doctor's usual week in the tests: weekday mornings and evenings, 15-minute slots. */
export const MON_FRI = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startTime: '09:00', endTime: '13:00', slotMinutes: 15 },
  { weekday, startTime: '16:00', endTime: '19:00', slotMinutes: 15 },
]);
