import type { Refusals } from '../../refusals';

const hi: Refusals = {
  '"{0}" is not a time zone this PC knows; pick one such as Asia/Kolkata': '"{0}" ऐसा टाइम ज़ोन नहीं है जिसे यह PC जानता हो; Asia/Kolkata जैसा कोई ज़ोन चुनें',
  '"{0}" is not a country whose phone numbers Clinic Desk knows; use a code such as IN': '"{0}" ऐसा देश नहीं है जिसके फ़ोन नंबर Clinic Desk जानता हो; IN जैसा कोड लिखें',
};
export default hi;
