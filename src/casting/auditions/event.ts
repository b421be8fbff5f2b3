/** The calendar event of an audition: what attendees read in their calendar. */
import type { CalendarEventInput } from '../../integrations/calendar/calendar.js';
import type { AuditionRecord } from '../../memory/records.js';

export interface EventPeople {
  /** The actor's address, only for a calendar that sends the invitation itself (never shown in chat). */
  talentEmail?: string;
  organizerName: string;
  projectTitle?: string;
}

export function auditionEvent(
  a: Pick<AuditionRecord, 'id' | 'role' | 'talentId' | 'talentName' | 'startsAt' | 'endsAt' | 'timeZone'>,
  people: EventPeople,
): CalendarEventInput {
  const project = people.projectTitle ? ` (${people.projectTitle})` : '';
  return {
    uid: a.id,
    summary: `Audition: ${a.talentName} for ${a.role}${project}`,
    description: `Audition of ${a.talentName} for the role of ${a.role}${project}. Arranged by ${people.organizerName} with CastMatch.`,
    start: a.startsAt,
    end: a.endsAt,
    timeZone: a.timeZone,
    attendees: [{ name: a.talentName, ref: a.talentId, ...(people.talentEmail ? { email: people.talentEmail } : {}) }],
    videoLink: true,
    organizer: { name: people.organizerName },
  };
}
