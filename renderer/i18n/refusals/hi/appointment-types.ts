import type { Refusals } from '../../refusals';

const hi: Refusals = {
  '{0} must be booked at least {1} ahead': '{0} कम से कम {1} पहले बुक करना होता है',
  '{0} can be booked at most {1} ahead': '{0} ज़्यादा से ज़्यादा {1} आगे तक बुक हो सकता है',
  'Another appointment type already has this name': 'इस नाम का अपॉइंटमेंट प्रकार पहले से है',
  'Only a video type can ask patients to pay before they join': 'सिर्फ़ वीडियो वाला प्रकार ही मरीज़ों से जुड़ने से पहले भुगतान माँग सकता है',
  'One of the doctors listed does not exist': 'सूची का एक डॉक्टर मौजूद नहीं है',
  'No such appointment type': 'ऐसा कोई अपॉइंटमेंट प्रकार नहीं मिला',
};
export default hi;
