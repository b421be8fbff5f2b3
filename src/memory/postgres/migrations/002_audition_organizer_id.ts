/** Who booked an audition, by platform user id (reminders go to them directly too). Nullable: older rows have none. */
export const up = `
ALTER TABLE auditions ADD COLUMN organizer_id text;
`;
