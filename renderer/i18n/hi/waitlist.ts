import type en from '../en/waitlist';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  title: 'वेटिंग लिस्ट',
  add: 'वेटिंग लिस्ट में जोड़ें…',
  urgency: { ROUTINE: 'सामान्य', SOON: 'जल्दी', URGENT: 'बहुत ज़रूरी' },
  waiting: {
    title: 'इंतज़ार में',
    none: 'जल्दी समय के लिए कोई इंतज़ार में नहीं है।',
    col: { patient: 'मरीज़', with: 'किसके साथ', when: 'कब', urgency: 'कितना ज़रूरी', note: 'नोट', actions: 'काम' },
    anyOf: '{{specialization}} का कोई भी डॉक्टर',
    remove: 'हटाएँ',
    removeOf: '{{patient}} को वेटिंग लिस्ट से हटाएँ',
    removed: '{{patient}} वेटिंग लिस्ट से हटा दिए गए',
  },
  offers: {
    title: 'खाली हुआ समय',
    none: 'अभी देने के लिए कोई खाली समय नहीं।',
    list: 'ऑफ़र',
    book: 'बुक करें',
    booked: '{{patient}} का {{doctor}} के साथ अपॉइंटमेंट बुक हुआ, {{day}} {{time}}',
  },
  entry: {
    title: 'वेटिंग लिस्ट में जोड़ें',
    form: 'वेटिंग लिस्ट की एंट्री',
    choosePatient: 'पहले मरीज़ चुनें',
    anyDoctor: 'किसी खास विभाग का कोई भी डॉक्टर',
    anyLength: 'कोई भी (जितना समय खाली हो)',
    specialization: 'विभाग',
    chooseSpecialization: 'विभाग चुनें',
    from: 'से',
    until: 'तक',
    notBefore: 'इससे पहले नहीं',
    notBeforeHint: 'खाली: कभी भी',
    notAfter: 'इसके बाद नहीं',
    urgency: 'कितना ज़रूरी',
    note: 'नोट',
    submit: 'वेटिंग लिस्ट में जोड़ें',
    done: '{{patient}} को वेटिंग लिस्ट में जोड़ दिया गया',
  },
};
export default hi;
