import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'Choose the doctor whose schedule to export': 'वह डॉक्टर चुनें जिनका शेड्यूल एक्सपोर्ट करना है',
  'Only an administrator can export the patient list.': 'मरीज़ों की सूची सिर्फ़ एडमिन एक्सपोर्ट कर सकते हैं।',
  'A day sheet is one day: choose the same start and end date': 'दिन की शीट एक ही दिन की होती है: शुरू और आख़िरी तारीख एक ही चुनें',
  'There is no appointment type #{0}': 'अपॉइंटमेंट का प्रकार #{0} मौजूद नहीं है',
  'Reports are for administrators and doctors.': 'रिपोर्ट सिर्फ़ एडमिन और डॉक्टरों के लिए हैं।',
  'Your account is not linked to a doctor, so there are no figures of your own to show.':
    'आपका अकाउंट किसी डॉक्टर से जुड़ा नहीं है, इसलिए दिखाने को आपके अपने आँकड़े नहीं हैं।',
  'A doctor can see only their own figures.': 'डॉक्टर सिर्फ़ अपने आँकड़े देख सकते हैं।',
};
export default hi;
