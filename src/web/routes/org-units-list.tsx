import { createdColumn, personColumn, type ListColumn } from '../components/list-columns.js';
import { ListPage, type BasicListSearch } from '../components/list-page.js';
import { usePeopleById } from '../components/pickers.js';
import type { OrgUnit } from '../queries.js';
import { orgUnitsResource } from '../resources.js';

export type OrgUnitsSearch = BasicListSearch;

const text = {
  description: 'Departments and divisions: the management commitment index is reported per unit.',
  newLabel: 'New unit',
  searchPlaceholder: 'Unit name',
  noun: 'units',
  createHint: 'Create the first unit with “New unit”.',
};

export function OrgUnitsList(props: {
  search: OrgUnitsSearch;
  setSearch: (s: OrgUnitsSearch) => void;
}) {
  const people = usePeopleById();
  const columns: ListColumn<OrgUnit>[] = [
    personColumn('Head', people, (u) => u.headId),
    createdColumn,
  ];
  return <ListPage {...props} {...text} resource={orgUnitsResource} columns={columns} />;
}
