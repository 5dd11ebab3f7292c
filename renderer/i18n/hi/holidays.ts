import type en from '../en/holidays';
import type { Translation } from '../shape';

const hi: Translation<typeof en> = {
  title: 'छुट्टियाँ',
  intro: 'इन दिनों क्लिनिक बंद रहता है: किसी डॉक्टर के घंटे नहीं बनते, और किसी की बुकिंग नहीं हो सकती।',
  year: 'वर्ष',
  previousYear: 'पिछला वर्ष',
  nextYear: 'अगला वर्ष',
  date: 'तारीख',
  name: 'नाम',
  actions: 'कार्य',
  none: '{{year}} में कोई छुट्टी नहीं।',
  add: 'छुट्टी जोड़ें',
  adding: 'जोड़ रहे हैं…',
  rename: 'नाम बदलें',
  renameOf: '{{name}} का नाम बदलें',
  remove: 'हटाएँ',
  removeOf: '{{name}} हटाएँ',
  added: '{{name}} जोड़ी गई; {{date}} को क्लिनिक बंद रहेगा।',
  addedCancelling_one: '{{name}} जोड़ी गई; {{count}} अपॉइंटमेंट रद्द हुआ।',
  addedCancelling_other: '{{name}} जोड़ी गई; {{count}} अपॉइंटमेंट रद्द हुए।',
  renamed: 'नया नाम: {{name}}।',
  removed: '{{name}} हटाई गई। बुकिंग के लिए दिन खोलने हेतु डॉक्टरों का साप्ताहिक पैटर्न फिर से फैलाएँ।',
  importIndia: 'भारत 2027 आयात करें',
  importing: 'आयात हो रहा है…',
  imported_one: '{{count}} छुट्टी जोड़ी गई, {{already}} पहले से थीं।',
  imported_other: '{{count}} छुट्टियाँ जोड़ी गईं, {{already}} पहले से थीं।',
  importBooked: 'नहीं जोड़ी गईं, क्योंकि मरीज़ बुक हैं: {{days}}। मरीज़ों के बारे में तय करने के लिए ये दिन एक-एक करके जोड़ें।',
  closed: 'क्लिनिक बंद: {{name}}',
};

export default hi;
