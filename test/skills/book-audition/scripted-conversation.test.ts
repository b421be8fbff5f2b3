/** Done-when for issue 5 on the embedded calendar: the .ics invitations parse (scenario in scripted-scenario.ts). */
import { scriptedConversation } from './scripted-scenario.js';

scriptedConversation('local');
