/**
 * The entry point: starts loading the app and, on a calendar address (where most visits land),
 * the calendar's grid code at the same moment, instead of after the app has started and asked for it.
 */
if (/^\/(w\/[^/]+\/(calendar\/?)?)?$/.test(location.pathname) && !/view=list/.test(location.search)) {
  void import('./screens/calendar/CalendarPage');
  void import('./screens/calendar/MonthWeekView');
}
void import('./main');
