import type en from '../en/shell';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  appName: 'क्लिनिक डेस्क',
  starting: 'क्लिनिक डेस्क शुरू हो रहा है…',
  section: {
    queue: 'आज',
    schedule: 'शेड्यूल',
    patients: 'मरीज़',
    waitlist: 'वेटिंग लिस्ट',
    recalls: 'रिकॉल',
    inbox: 'इनबॉक्स',
    payments: 'भुगतान',
    reports: 'रिपोर्ट',
    doctors: 'डॉक्टर',
    admin: 'एडमिन',
  },
  sections: 'सेक्शन',
  signedInAs: '{{name}} ({{role}}) के रूप में साइन इन',
  searchOrDo: 'खोजें या करें…',
  lock: 'लॉक करें',
  signOut: 'साइन आउट',
  openBackups: 'बैकअप खोलें',
  signIn: {
    title: 'क्लिनिक डेस्क में साइन इन करें',
    email: 'ईमेल',
    password: 'पासवर्ड',
    submit: 'साइन इन करें',
    submitting: 'साइन इन हो रहा है…',
  },
  locked: {
    title: 'क्लिनिक डेस्क लॉक है',
    hint: '{{name}} के रूप में साइन इन। आगे बढ़ने के लिए अपना पासवर्ड डालें।',
    unlock: 'अनलॉक करें',
  },
  command: {
    book: 'अपॉइंटमेंट बुक करें',
    walkin: 'वॉक-इन मरीज़ जोड़ें',
    newPatient: 'नया मरीज़ रजिस्टर करें',
    callNext: 'मेरा अगला मरीज़ बुलाएँ',
    go: '{{section}} पर जाएँ',
    lock: 'स्क्रीन लॉक करें',
    signOut: 'साइन आउट',
    help: 'कीबोर्ड शॉर्टकट',
  },
  palette: {
    title: 'जाएँ या करें',
    label: 'कमांड या मरीज़',
    results: 'नतीजे',
    placeholder: 'कोई काम या मरीज़ का नाम, फ़ोन या नंबर लिखें',
    empty: 'कुछ नहीं मिला।',
    openPatient: 'मरीज़ खोलें:',
  },
  shortcuts: {
    title: 'कीबोर्ड शॉर्टकट',
    palette: 'कमांड पैलेट: काम और मरीज़',
    lists: 'सूची में: ऊपर-नीचे, खोलें',
    closeDialog: 'डायलॉग बंद करें',
    undo: 'मेरा पिछला कदम वापस लें (चेक-इन, पूरा, नहीं आए)',
    callNextAnywhere: 'इस पीसी के किसी भी प्रोग्राम से मेरा अगला मरीज़ बुलाएँ',
  },
};
export default hi;
