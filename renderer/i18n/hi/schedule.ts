import type en from '../en/schedule';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  weekOf: '{{day}} से शुरू हफ़्ता',
  view: 'कैसे दिखाएँ',
  day: 'दिन',
  week: 'हफ़्ता',
  previousDay: 'पिछला दिन',
  previousWeek: 'पिछला हफ़्ता',
  today: 'आज',
  nextDay: 'अगला दिन',
  nextWeek: 'अगला हफ़्ता',
  date: 'तारीख',
  specialization: 'विशेषज्ञता',
  allSpecializations: 'सभी',
  rowMinutes: 'हर लाइन में कितने मिनट',
  book: 'बुक करें…',
  noDoctors: 'दिखाने के लिए कोई डॉक्टर नहीं है। एडमिन “डॉक्टर” सेक्शन में डॉक्टर और उनके समय जोड़ते हैं।',
  late: 'देरी…',
  lateFor: '{{column}}: देर से चल रहे हैं…',
  checkedIn: 'चेक-इन हो गया',
  legend: {
    label: 'रंगों का मतलब',
    hours: 'काम के घंटे',
    booked: 'बुक हुए',
    completed: 'पूरा हुआ',
    noShow: 'नहीं आए',
    showCancelled: 'रद्द हुए भी दिखाएँ ({{n}})',
  },
};
export default hi;
