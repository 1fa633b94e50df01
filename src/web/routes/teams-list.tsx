import { createdColumn, personColumn, type ListColumn } from '../components/list-columns.js';
import { ListPage, type BasicListSearch } from '../components/list-page.js';
import { usePeopleById } from '../components/pickers.js';
import type { Team } from '../queries.js';
import { teamsResource } from '../resources.js';

export type TeamsSearch = BasicListSearch;

const text = {
  description:
    'Delivery teams acknowledge the operational level agreements that hold up a service.',
  newLabel: 'New team',
  searchPlaceholder: 'Team name or description',
  noun: 'teams',
  createHint: 'Create the first team with “New team”.',
};

export function TeamsList(props: { search: TeamsSearch; setSearch: (s: TeamsSearch) => void }) {
  const people = usePeopleById();
  const columns: ListColumn<Team>[] = [
    personColumn('Lead', people, (t) => t.leadId),
    { label: 'Members', className: 'num col-optional', cell: (t) => t.memberIds.length },
    createdColumn,
  ];
  return <ListPage {...props} {...text} resource={teamsResource} columns={columns} />;
}
