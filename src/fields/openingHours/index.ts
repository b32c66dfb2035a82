export {
  currentClosure,
  describeClosure,
  describeOpenState,
  formatDateRange,
  formatMinutes,
  formatTime,
  formatWeeklyHours,
  type OpeningHoursSpecification,
  toSchemaOrgOpeningHours,
} from './format'
export { DEFAULT_TIME_ZONE, isClosedAllDay, isOpenAt, nextChange } from './isOpenAt'
export {
  type Closure,
  closureSchema,
  DAY_LABELS,
  type Day,
  DAYS,
  exceptionSchema,
  type OpeningException,
  type OpeningHours,
  type OpeningHoursInput,
  openingHoursSchema,
  type WeeklyRange,
  weeklyRangeSchema,
} from './schema'
export { validateOpeningHours } from './validate'
export { MAX_CLOSURES, MAX_EXCEPTIONS, MAX_NOTE_LENGTH, MAX_RANGES_PER_DAY, rangesPerDayProblem } from './limits'
