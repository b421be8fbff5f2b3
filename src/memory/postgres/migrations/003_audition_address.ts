/** The conversation an audition was booked in, thread included (its reminders post there). Nullable: older rows have none. */
export const up = `
ALTER TABLE auditions ADD COLUMN address jsonb;
`;
