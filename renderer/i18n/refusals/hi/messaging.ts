import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'This patient has no e-mail address: add one to their details first': 'इस मरीज़ का कोई ईमेल पता नहीं है: पहले उनकी जानकारी में ईमेल जोड़ें',
  'This patient has no phone number for {0}: add one to their details first': 'इस मरीज़ का {0} के लिए कोई फ़ोन नंबर नहीं है: पहले उनकी जानकारी में नंबर जोड़ें',
  'No such patient': 'ऐसा कोई मरीज़ नहीं है',
  'This appointment is completed; nothing is sent for it': 'यह अपॉइंटमेंट पूरा हो चुका है; इसके लिए कुछ नहीं भेजा जाता',
  'This appointment is cancelled; nothing is sent for it': 'यह अपॉइंटमेंट रद्द है; इसके लिए कुछ नहीं भेजा जाता',
  'This appointment is no_show; nothing is sent for it': 'इस अपॉइंटमेंट में मरीज़ नहीं आए; इसके लिए कुछ नहीं भेजा जाता',
  'Patient messaging is switched off in the messaging settings': 'मैसेज की सेटिंग में मरीज़ों को मैसेज भेजना बंद है',
  '{0} has opted out of messages on their channel or asked for none, or the same message was just queued':
    '{0} ने अपने चैनल पर मैसेज बंद करवाए हैं या कोई मैसेज नहीं चाहते, या यही मैसेज अभी-अभी कतार में डाला गया है',
  'That day has passed': 'वह दिन बीत चुका है',
  'Some of these appointments are not this doctor’s on that day, or have begun': 'इनमें से कुछ अपॉइंटमेंट उस दिन इस डॉक्टर के नहीं हैं, या शुरू हो चुके हैं',
  'Nobody is booked with this doctor for the rest of that day': 'उस दिन के बाकी समय में इस डॉक्टर के साथ कोई बुक नहीं है',
  'No such open message in the inbox': 'इनबॉक्स में ऐसा कोई खुला मैसेज नहीं है',
  'Two reminders at the same time': 'दो रिमाइंडर एक ही समय पर हैं',
  'DLT ids belong to SMS templates': 'DLT id सिर्फ़ SMS टेम्पलेट के लिए होती हैं',
  'Enter the DLT template id too: the two go together': 'DLT template id भी लिखें: दोनों साथ चलती हैं',
  'Enter the DLT entity id too: the two go together': 'DLT entity id भी लिखें: दोनों साथ चलती हैं',
  'A content SID belongs to WhatsApp templates': 'content SID सिर्फ़ WhatsApp टेम्पलेट के लिए होता है',
  'There is no {0} template for {1}': '{1} के लिए कोई {0} टेम्पलेट नहीं है',
  'There is no {0} template for CANCELLED': 'रद्द होने की सूचना (CANCELLED) के लिए कोई {0} टेम्पलेट नहीं है',
  'Secrets cannot be stored from this PC: it has no secret store': 'इस PC से गुप्त जानकारी सेव नहीं हो सकती: इसमें उसे सुरक्षित रखने की जगह नहीं है',
  'The template is empty': 'टेम्पलेट खाली है',
  '{{0}} is not a template variable; use {1}': '{{0}} कोई टेम्पलेट वेरिएबल नहीं है; इनमें से लिखें: {1}',
  'A "{0}" in the template opens or closes no variable': 'टेम्पलेट में एक "{0}" किसी वेरिएबल को न खोलता है, न बंद करता है',
};
export default hi;
