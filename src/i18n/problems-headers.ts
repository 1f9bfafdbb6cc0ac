// The header of the "Problems" column that a file handed back with its problems marked carries, in every
// shipped language: a file marked in one language and uploaded again in another is still recognised, and
// the column ignored. Kept apart from the message tables so that the session need not load them all.
export const PROBLEMS_HEADERS: readonly string[] = ['Problems', 'Problèmes', 'المشكلات'];
