// One formatter per zone: building one (or a TZDate and a date-fns format) costs far more than
// using it, and every booking, queue and check-in asks for the clinic's time.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The clinic's wall-clock date and time now, in its configured zone (never the PC's). */
export function clinicNow(timeZone: string, now: number = Date.now()): { date: string; time: string } {
  const p: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(now)) p[type] = value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}
