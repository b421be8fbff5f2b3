/** What CastMatch says when it is added to a chat or team: what it does and how to start. */
import { reply, type Reply } from '../../reply.js';

export function welcomeReply(personal: boolean): Reply {
  const how = personal
    ? 'Send me a message, or share a screenplay or a roster (.csv) here.'
    : 'Mention me (@CastMatch) with a request, or share a screenplay or a roster in a message that mentions me.';
  return reply('CastMatch is here: script breakdowns, talent search, shortlists and audition booking.')
    .heading('Hi, I am CastMatch')
    .section('I break down scripts, search your talent roster, propose shortlists and book auditions.')
    .section(how)
    .buttons([{ label: 'Show what I can do', action: { skill: 'help', args: {} } }])
    .build();
}
