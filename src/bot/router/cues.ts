/**
 * Words that say what kind of change to an audition is asked for. Both the classifier (is this a
 * booking?) and the argument reader (which operation?) need them, so they live here once.
 */

/** Moving an audition: "reschedule", "bump", "push it back", "bring her audition forward", "…instead". */
export const RESCHEDULE =
  /\b(re-?sched(?:ule)?|move|push|shift|postpone|bump|slide|knock\s+(?:\w+\s+){0,3}back|bring\b.*\bforward|change\b.*\btime|instead)\b/i;

/** Calling one off: "cancel", "call off", "scrap", "strike", "canx". */
export const CANCEL = /\b(cancel(?:led)?|call\s+off|scrap|scratch|strike|scrub|canx|axe|drop)\b/i;

/** A screenplay named by its file. */
export const SCRIPT_FILE = /\b([\w.-]+\.(fountain|fdx|pdf|txt|spmd|docx?|rtf|md))\b/i;

/** Capitals that are not a role: schools, sign languages, places, unions, shouting. */
export const NOT_A_ROLE =
  /^(RADA|LAMDA|RP|ASL|BSL|USA|UK|US|NYC|LA|BBC|ITV|HBO|TV|OK|ASAP|CV|SAG|AFTRA|SAG-AFTRA|EQUITY|II|III|PDF|FDX|AM|PM)$/;
