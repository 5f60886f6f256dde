/**
 * The entry point: starts loading the app and, on a calendar address (where most visits land),
 * the calendar's code (with the month grid) at the same moment, instead of after the app has
 * started and asked for it.
 */
if (/^\/(w\/[^/]+\/(calendar\/?)?)?$/.test(location.pathname)) {
  void import('./screens/calendar/CalendarPage');
  if (/view=week/.test(location.search)) void import('./screens/calendar/WeekView');
}
void import('./main');
