/**
 * India's gazetted holidays of 2027 whose dates are fixed by the calendar, for a clinic to import
 * and then edit. The lunar and regional ones (Holi, Id-ul-Fitr, Buddha Purnima, Id-ul-Zuha,
 * Muharram, Janmashtami, Milad-un-Nabi, Dussehra, Diwali, Guru Nanak's Birthday, Mahavir
 * Jayanti) are left out: the Government of India's 2027 list could not be found to check their
 * dates against, and a wrong date would close the clinic on a working day. Add them by hand once
 * the Department of Personnel and Training publishes the list.
 */
export const INDIA_2027: readonly { date: string; name: string }[] = [
  { date: '2027-01-26', name: 'Republic Day' },
  // Good Friday follows Easter, fixed by the Gregorian computus (Easter Sunday 2027 is 28 March).
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-08-15', name: 'Independence Day' },
  { date: '2027-10-02', name: "Mahatma Gandhi's Birthday" },
  { date: '2027-12-25', name: 'Christmas Day' },
];
