// Days as people in Germany count them.
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

/** The calendar day (YYYY-MM-DD) in Germany of an instant. */
export const berlinDay = (instant: string | Date) => BERLIN_DAY.format(typeof instant === 'string' ? new Date(instant) : instant);

/** Today in Germany. */
export const today = () => berlinDay(new Date());
