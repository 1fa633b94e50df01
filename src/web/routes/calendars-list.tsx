import { Link } from '@tanstack/react-router';
import { createdColumn, type ListColumn } from '../components/list-columns.js';
import { ListPage, type BasicListSearch } from '../components/list-page.js';
import { Badge } from '../components/ui.js';
import { weekSummary, weeklyHours } from '../components/week-editor.js';
import { calendarsResource, type Calendar } from './calendar-shared.js';

export type CalendarsSearch = BasicListSearch;

const text = {
  description:
    'Business hours and holidays in a time zone: service level targets count time on them.',
  newLabel: 'New calendar',
  searchPlaceholder: 'Name, description or time zone',
  noun: 'calendars',
  createHint: 'Create the first calendar with “New calendar”.',
};

export function CalendarsList(props: {
  search: CalendarsSearch;
  setSearch: (s: CalendarsSearch) => void;
}) {
  const columns: ListColumn<Calendar>[] = [
    { label: 'Time zone', sort: 'timeZone', cell: (c) => c.timeZone },
    {
      label: 'Open hours',
      className: 'col-optional',
      cell: (c) => (
        <>
          {weeklyHours(c.week)} h a week
          <span className="cell-sub">{weekSummary(c.week)}</span>
        </>
      ),
    },
    { label: 'Holidays', className: 'num', cell: (c) => c.holidays.length },
    createdColumn,
  ];
  return (
    <>
      <ListPage
        {...props}
        {...text}
        resource={calendarsResource}
        columns={columns}
        nameBelow={(c) => (c.builtIn ? <Badge tone="info">Built in</Badge> : null)}
      />
      <p className="muted">
        <Link to="/service-level-targets">Service level targets</Link> say how much business time
        each priority may take, on which calendar.
      </p>
    </>
  );
}
