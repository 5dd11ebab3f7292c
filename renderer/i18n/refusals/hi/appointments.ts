import type { Refusals } from '../../refusals';

const hi: Refusals = {
  // An appointment's state ("यह अपॉइंटमेंट {0} हो चुका है") and the step refused ("इसे {1} नहीं किया जा सकता").
  scheduled: 'तय',
  completed: 'पूरा',
  cancelled: 'रद्द',
  'marked as no-show': '“नहीं आए” मार्क',
  moved: 'शिफ़्ट',
  'checked in': 'चेक-इन',
  '{0} already has an appointment {1}–{2} on {3} with {4}': '{0} का {3} को {1}–{2} पर {4} के साथ पहले से अपॉइंटमेंट है',
  '{0} already has an appointment {1}–{2} on {3} ({4})': '{0} का {3} को {1}–{2} पर पहले से अपॉइंटमेंट है ({4})',
  '{0} already has an appointment {1}–{2} on {3} ({4}), too close with the buffer time kept around appointments':
    '{0} का {3} को {1}–{2} पर पहले से अपॉइंटमेंट है ({4}); अपॉइंटमेंट के आगे-पीछे रखे खाली समय के हिसाब से यह बहुत पास है',
  'Choose at most {0} days at a time': 'एक बार में ज़्यादा से ज़्यादा {0} दिन चुनें',
  '{0} does not offer {1}': '{0} {1} नहीं देखते',
  'This appointment is {0}; only a scheduled one can be moved': 'यह अपॉइंटमेंट {0} हो चुका है; सिर्फ़ तय अपॉइंटमेंट का समय बदला जा सकता है',
  'Token {0} keeps its session: cancel it and book a token in another session': 'टोकन {0} अपने सेशन में ही रहता है: इसे रद्द करके किसी दूसरे सेशन में टोकन बुक करें',
  'An appointment on a later day cannot be completed yet': 'आगे की तारीख का अपॉइंटमेंट अभी पूरा नहीं किया जा सकता',
  'A patient can be marked as not coming only once the appointment time has come': 'अपॉइंटमेंट का समय आने के बाद ही मरीज़ को “नहीं आए” मार्क किया जा सकता है',
  'This appointment is {0}': 'यह अपॉइंटमेंट {0} हो चुका है',
  "Check-in is for today's appointments; this one is on {0}": 'चेक-इन सिर्फ़ आज के अपॉइंटमेंट का होता है; यह अपॉइंटमेंट {0} का है',
  'No patient has this number': 'इस नंबर का कोई मरीज़ नहीं है',
  '{0} has no free time left today (or the patient is booked then); book another day':
    'आज {0} के पास कोई खाली समय नहीं बचा (या उस समय मरीज़ की बुकिंग है); किसी और दिन बुक करें',
  'Nothing of yours to undo on this appointment from the last {0} minutes': 'पिछले {0} मिनट में इस अपॉइंटमेंट पर आपका कोई बदलाव नहीं है जिसे वापस लिया जा सके',
  'The appointment has changed since; nothing was undone': 'इस बीच अपॉइंटमेंट बदल गया; कुछ भी वापस नहीं लिया गया',
  'That day has passed; an appointment of {0} cannot be reopened': 'वह दिन निकल चुका है; {0} का अपॉइंटमेंट फिर से नहीं खोला जा सकता',
  'That appointment no longer exists': 'वह अपॉइंटमेंट अब मौजूद नहीं है',
  'This appointment is already {0}, so it cannot be {1}': 'यह अपॉइंटमेंट पहले ही {0} हो चुका है, इसलिए इसे {1} नहीं किया जा सकता',
  'No such appointment': 'ऐसा कोई अपॉइंटमेंट नहीं मिला',
  'No such doctor': 'ऐसा कोई डॉक्टर नहीं मिला',
  '{0} is no longer taking appointments': '{0} अब अपॉइंटमेंट नहीं ले रहे हैं',
  '{0} is no longer offered': '{0} अब उपलब्ध नहीं है',
  'The appointment would run past midnight': 'अपॉइंटमेंट आधी रात के बाद तक चला जाएगा',
  "{0}–{1} on {2} is in {3}'s OPD session ({4}–{5}): book a token in it instead":
    '{2} को {0}–{1} का समय {3} के OPD सेशन ({4}–{5}) में आता है: इसकी जगह उस सेशन में टोकन बुक करें',
  'That time has already passed': 'वह समय निकल चुका है',
  "Only {0} or an administrator may book outside {1}'s hours": '{1} के समय के बाहर सिर्फ़ {0} या एडमिन ही बुक कर सकते हैं',
  '{0} A doctor or administrator can book it with a reason.': '{0} डॉक्टर या एडमिन कारण लिखकर इसे बुक कर सकते हैं।',
  'The patient already has an appointment then': 'उस समय मरीज़ का पहले से अपॉइंटमेंट है',
  'The doctor already has an appointment then': 'उस समय डॉक्टर का पहले से अपॉइंटमेंट है',
  'Token {0} cannot be marked as with the doctor now: it is not the called token':
    'टोकन {0} को अभी “डॉक्टर के पास” मार्क नहीं किया जा सकता: यह बुलाया गया टोकन नहीं है',
  'Token {0} cannot be skipped now: it is not the called token': 'टोकन {0} को अभी छोड़ा नहीं जा सकता: यह बुलाया गया टोकन नहीं है',
  'Token {0} cannot be sent back to waiting now: it has not been called': 'टोकन {0} को अभी वापस इंतज़ार में नहीं भेजा जा सकता: इसे बुलाया ही नहीं गया है',
  'Nobody is waiting for this doctor': 'इस डॉक्टर के लिए कोई इंतज़ार में नहीं है',
  'Only a checked-in patient not yet with the doctor can be given (or lose) priority':
    'प्राथमिकता सिर्फ़ उसी मरीज़ को दी (या हटाई) जा सकती है जिसका चेक-इन हो चुका है और जो अभी डॉक्टर के पास नहीं गया है',
  'A doctor can call and move only their own patients': 'डॉक्टर सिर्फ़ अपने मरीज़ों को बुला और आगे-पीछे कर सकते हैं',
  'Token {0} has been called and is not with the doctor yet: mark them in, skip them or send them back first':
    'टोकन {0} बुलाया जा चुका है और अभी डॉक्टर के पास नहीं पहुँचा है: पहले उन्हें अंदर मार्क करें, छोड़ें या वापस इंतज़ार में भेजें',
};
export default hi;
