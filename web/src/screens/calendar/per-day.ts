/** How many posts a day of the month grid shows before "+N more" (asked of the server as `perDay`). */
export const PER_DAY = 3;
