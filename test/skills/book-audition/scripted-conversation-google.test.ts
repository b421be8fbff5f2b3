/** Done-when for issue 5 with Google Calendar configured: the fake server records insert, patch and delete. */
import { scriptedConversation } from './scripted-scenario.js';

scriptedConversation('google');
