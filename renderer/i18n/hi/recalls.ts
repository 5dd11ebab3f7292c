import type en from '../en/recalls';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  title: 'रिकॉल',
  which: 'कौन-से रिकॉल',
  state: { OVERDUE: 'समय निकल गया', DUE: 'आने वाले', BOOKED: 'बुक हो चुके' },
  table: { OVERDUE: 'समय निकल चुके रिकॉल', DUE: 'आने वाले रिकॉल', BOOKED: 'बाद में बुक हुए रिकॉल' },
  empty: { OVERDUE: 'समय निकल चुका कोई रिकॉल नहीं।', DUE: 'कोई आने वाला रिकॉल नहीं।', BOOKED: 'रिकॉल के बाद अभी तक कोई बुकिंग नहीं हुई।' },
  col: { patient: 'मरीज़', doctor: 'डॉक्टर', due: 'कब दिखाना है', reason: 'कारण', actions: 'काम' },
  anyDoctor: 'कोई भी',
  book: 'बुक करें…',
  bookOf: '{{patient}} को बुक करें',
  dismiss: 'हटाएँ',
  dismissOf: '{{patient}} का रिकॉल हटाएँ',
  dismissed: '{{patient}} का रिकॉल हटा दिया गया',
  add: {
    open: 'रिकॉल जोड़ें…',
    title: 'रिकॉल जोड़ें',
    form: 'रिकॉल',
    choosePatient: 'पहले मरीज़ चुनें',
    anyDoctor: 'कोई भी डॉक्टर',
    inDays: 'कितने दिन बाद फिर दिखाना है',
    due: '{{day}} को दिखाना है',
    reason: 'कारण',
    submit: 'रिकॉल जोड़ें',
    done: '{{patient}} का रिकॉल {{day}} के लिए रखा गया',
  },
};
export default hi;
