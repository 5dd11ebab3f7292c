// Admin → OPD sessions: a token doctor's sessions, each with its hours, tokens, the tokens kept
// for emergencies and its room.
export default {
  list: 'OPD sessions',
  none: 'No sessions planned in the next {{days}} days',
  col: { date: 'Date', hours: 'Hours', doctor: 'Doctor', room: 'Room', tokens: 'Tokens', numbers: 'Numbers', pace: 'Minutes per token' },
  tokensWithReserve: '{{booked}}/{{capacity}} ({{reserve}} for emergencies)',
  edit: 'Edit',
  editWho: "Edit {{doctor}}'s session of {{date}}, {{hours}}",
  remove: 'Remove',
  removed: 'Session removed',
  form: {
    label: 'OPD session',
    chooseDoctor: 'Choose a doctor',
    date: 'Date',
    from: 'From',
    to: 'To',
    tokens: 'Tokens',
    reserve: 'Kept for emergencies',
    reserveHint: 'The last tokens, only for an emergency',
    room: 'Room',
    roomHint: "Empty: the doctor's own room",
    add: 'Add session',
    added: 'Session added: {{doctor}}, {{date}} {{hours}}, {{capacity}} tokens',
  },
  editing: {
    title: "Edit {{doctor}}'s session of {{date}}",
    label: 'Edit OPD session',
    save: 'Save session',
    saved: 'Session saved: {{doctor}}, {{date}} {{hours}}, tokens {{first}}–{{last}}',
    noneBooked: 'No tokens booked yet',
    booked: 'Tokens up to {{highest}} are booked: keep at least {{keep}}',
  },
};
