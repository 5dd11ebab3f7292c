import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'Sign in (or unlock) Clinic Desk first, then start the video call again.': 'पहले Clinic Desk में साइन इन करें (या स्क्रीन अनलॉक करें), फिर वीडियो कॉल दोबारा शुरू करें।',
  'That screen is not connected to this PC': 'वह स्क्रीन इस PC से जुड़ी नहीं है',
  'This window may not call Clinic Desk.': 'यह विंडो Clinic Desk से काम नहीं करवा सकती।',
};
export default hi;
