import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'That date range has already passed': 'तारीखों की वह अवधि निकल चुकी है',
  'No {0} doctor offers {1}': '{0} का कोई डॉक्टर {1} नहीं देखता',
  'No such offer': 'ऐसा कोई ऑफ़र नहीं मिला',
  'This time has gone': 'यह समय अब खाली नहीं है',
  'This offer has already been booked': 'यह ऑफ़र पहले ही बुक हो चुका है',
  'This patient is no longer waiting': 'यह मरीज़ अब इंतज़ार में नहीं है',
  'This time has gone: {0}': 'यह समय अब खाली नहीं है: {0}',
  'This entry is no longer waiting': 'यह एंट्री अब इंतज़ार में नहीं है',
  'No such waitlist entry': 'वेटिंग लिस्ट में ऐसी कोई एंट्री नहीं मिली',
};
export default hi;
