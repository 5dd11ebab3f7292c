import type { Refusals } from '../../refusals';

const hi: Refusals = {
  '{0} already has an appointment {1}–{2} on {3}': '{0} का {3} को {1}–{2} पर पहले से अपॉइंटमेंट है',
  'The patient already has an appointment {0}–{1} on {2}': 'मरीज़ का {2} को {0}–{1} पर पहले से अपॉइंटमेंट है',
  'At most {0} appointments in a series; choose an earlier end date': 'एक सीरीज़ में ज़्यादा से ज़्यादा {0} अपॉइंटमेंट हो सकते हैं; आखिरी दिन पहले का चुनें',
  'This rule gives no dates; check the weekdays and the end date': 'इस नियम से कोई तारीख नहीं बनती; दिन और आखिरी तारीख जाँचें',
  'Nothing scheduled is left to cancel in this appointment': 'इस अपॉइंटमेंट में रद्द करने के लिए कुछ भी तय नहीं बचा है',
  'Nothing scheduled is left to cancel in this series': 'इस सीरीज़ में रद्द करने के लिए कोई तय अपॉइंटमेंट नहीं बचा है',
  'Nothing scheduled is left to move in this appointment': 'इस अपॉइंटमेंट में समय बदलने के लिए कुछ भी तय नहीं बचा है',
  'Nothing scheduled is left to move in this series': 'इस सीरीज़ में समय बदलने के लिए कोई तय अपॉइंटमेंट नहीं बचा है',
  '{0} is not a date of this series': '{0} इस सीरीज़ की तारीख नहीं है',
  'The other time for {0} would run past midnight': '{0} का दूसरा समय आधी रात के बाद तक चला जाएगा',
  'The other time for {0}: {1}': '{0} का दूसरा समय: {1}',
  '{0}: {1} Choose another time for it, or skip it.': '{0}: {1} इसके लिए दूसरा समय चुनें, या इसे छोड़ दें।',
  '{0}: {1}. Choose another time for it, or skip it.': '{0}: {1}। इसके लिए दूसरा समय चुनें, या इसे छोड़ दें।',
  'Every appointment of this series was skipped; there is nothing to book': 'इस सीरीज़ के सभी अपॉइंटमेंट छोड़ दिए गए; बुक करने के लिए कुछ नहीं है',
  'nothing was booked': 'कुछ भी बुक नहीं हुआ',
  'The appointment of {0} cannot be moved with the others; move it on its own': '{0} के अपॉइंटमेंट का समय बाकियों के साथ नहीं बदला जा सकता; उसका समय अलग से बदलें',
  'Two of these appointments are on {0} and cannot both be at {1}; move one on its own':
    'इनमें से दो अपॉइंटमेंट {0} को हैं और दोनों {1} पर नहीं हो सकते; एक का समय अलग से बदलें',
  '{0} {1} has already passed': '{0} {1} का समय निकल चुका है',
  'The appointment of {0}: {1} Nothing was moved.': '{0} का अपॉइंटमेंट: {1} किसी का समय नहीं बदला गया।',
  'The appointment of {0}: {1}. Nothing was moved.': '{0} का अपॉइंटमेंट: {1}। किसी का समय नहीं बदला गया।',
  'The appointment of {0} has changed meanwhile; nothing was moved': 'इस बीच {0} का अपॉइंटमेंट बदल गया; किसी का समय नहीं बदला गया',
  'nothing was moved': 'किसी का समय नहीं बदला गया',
  'This appointment is not part of a series': 'यह अपॉइंटमेंट किसी सीरीज़ का हिस्सा नहीं है',
  '{0}: {1} already has an appointment {2}–{3} ({4}); {5}': '{0}: {1} का {2}–{3} पर पहले से अपॉइंटमेंट है ({4}); {5}',
  'Another booking took one of these times meanwhile; {0}': 'इस बीच इनमें से एक समय किसी और बुकिंग ने ले लिया; {0}',
};
export default hi;
