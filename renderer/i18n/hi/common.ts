import type en from '../en/common';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  role: { ADMIN: 'एडमिन', DOCTOR: 'डॉक्टर', RECEPTIONIST: 'रिसेप्शन', PATIENT: 'मरीज़' },
  status: { SCHEDULED: 'तय', COMPLETED: 'पूरा हुआ', CANCELLED: 'रद्द', NO_SHOW: 'नहीं आए' },
  sex: { MALE: 'पुरुष', FEMALE: 'महिला', OTHER: 'अन्य' },
  method: { CASH: 'नकद', CARD: 'कार्ड', UPI: 'UPI', OTHER: 'अन्य', gateway: 'गेटवे' },
  money: { PAID: 'भुगतान हुआ', PENDING: 'भुगतान बाकी', UNPAID: 'भुगतान नहीं हुआ' },
  loading: 'लोड हो रहा है…',
  opening: '{{what}} खुल रहा है…',
  couldNotOpen: '{{what}} नहीं खुल सका: {{problem}}',
  tryAgain: 'फिर से कोशिश करें',
  close: 'बंद करें',
  cancel: 'रद्द करें',
  save: 'सेव करें',
  saving: 'सेव हो रहा है…',
  dismiss: 'हटाएँ',
  doctor: 'डॉक्टर',
  allDoctors: 'सभी डॉक्टर',
  secret: { set: '{{name}} सेव है: रखने के लिए खाली छोड़ें, बदलने के लिए नया लिखें।', notSet: '{{name}} सेव नहीं है।' },
  language: 'भाषा',
  theme: { label: 'थीम', system: 'सिस्टम थीम', light: 'लाइट', dark: 'डार्क', contrast: 'हाई कॉन्ट्रास्ट' },
  dialog: {
    details: 'अपॉइंटमेंट',
    pay: 'भुगतान का फ़ॉर्म',
    cancel: 'रद्द करने का फ़ॉर्म',
    move: 'समय बदलने का फ़ॉर्म',
    complete: 'विज़िट पूरी करने का फ़ॉर्म',
    book: 'बुकिंग फ़ॉर्म',
  },
  minutes_one: '{{count}} मिनट',
  minutes_other: '{{count}} मिनट',
};
export default hi;
