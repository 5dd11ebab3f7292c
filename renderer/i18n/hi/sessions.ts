import type en from '../en/sessions';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  list: 'OPD सेशन',
  none: 'अगले {{days}} दिनों में कोई सेशन तय नहीं है',
  col: { date: 'तारीख', hours: 'समय', doctor: 'डॉक्टर', room: 'कमरा', tokens: 'टोकन', numbers: 'नंबर', pace: 'हर टोकन पर मिनट' },
  tokensWithReserve: '{{booked}}/{{capacity}} ({{reserve}} इमरजेंसी के लिए)',
  edit: 'बदलें',
  editWho: '{{doctor}} का {{date}}, {{hours}} का सेशन बदलें',
  remove: 'हटाएँ',
  removed: 'सेशन हटा दिया गया',
  form: {
    label: 'OPD सेशन',
    chooseDoctor: 'डॉक्टर चुनें',
    date: 'तारीख',
    from: 'से',
    to: 'तक',
    tokens: 'टोकन',
    reserve: 'इमरजेंसी के लिए रखे गए',
    reserveHint: 'आखिरी टोकन, सिर्फ़ इमरजेंसी के लिए',
    room: 'कमरा',
    roomHint: 'खाली: डॉक्टर का अपना कमरा',
    add: 'सेशन जोड़ें',
    added: 'सेशन जोड़ा गया: {{doctor}}, {{date}} {{hours}}, {{capacity}} टोकन',
  },
  editing: {
    title: '{{doctor}} का {{date}} का सेशन बदलें',
    label: 'OPD सेशन बदलें',
    save: 'सेशन सेव करें',
    saved: 'सेशन सेव हुआ: {{doctor}}, {{date}} {{hours}}, टोकन {{first}}–{{last}}',
    noneBooked: 'अभी कोई टोकन बुक नहीं हुआ',
    booked: '{{highest}} तक के टोकन बुक हैं: कम से कम {{keep}} रखें',
  },
};
export default hi;
