import { useQuery } from '@tanstack/react-query';
import { labelOptions } from '../components/fields.js';
import type { ListColumn } from '../components/list-columns.js';
import { ListPage, type SelectFilter } from '../components/list-page.js';
import { OrgUnitLink } from '../components/links.js';
import { useOrgUnitsById } from '../components/pickers.js';
import { seniorityLabels } from '../components/ui.js';
import { orgUnitsAll, teamsAll, type Person } from '../queries.js';
import { peopleResource } from '../resources.js';

export type PeopleSearch = {
  q?: string;
  sort?: string;
  teamId?: string;
  orgUnitId?: string;
  seniority?: string;
  active?: 'true' | 'false';
};

const text = {
  description: 'Everyone who can own, sign, deliver or review a commitment.',
  newLabel: 'New person',
  searchPlaceholder: 'Name, email or title',
  noun: 'people',
  filteredHint: 'Try a different search or clear the filters.',
  createHint: 'Add the first person with “New person”.',
};

const toOptions = (items: { id: string; name: string }[] | undefined) =>
  (items ?? []).map((x) => ({ value: x.id, label: x.name }));

export function PeopleList(props: {
  search: PeopleSearch;
  setSearch: (next: PeopleSearch) => void;
}) {
  const units = useOrgUnitsById();
  const { data: teams } = useQuery(teamsAll);
  const { data: unitList } = useQuery(orgUnitsAll);
  const selects: SelectFilter[] = [
    { key: 'teamId', label: 'Team', placeholder: 'Any team', options: toOptions(teams) },
    {
      key: 'orgUnitId',
      label: 'Organisation unit',
      placeholder: 'Any unit',
      options: toOptions(unitList),
    },
    {
      key: 'seniority',
      label: 'Seniority',
      placeholder: 'Any seniority',
      options: labelOptions(seniorityLabels),
    },
  ];
  const columns: ListColumn<Person>[] = [
    { label: 'Email', sort: 'email', className: 'col-optional', cell: (p) => p.email },
    {
      label: 'Title',
      className: 'col-optional',
      cell: (p) => p.title ?? <span className="muted">—</span>,
    },
    {
      label: 'Seniority',
      sort: 'seniority',
      cell: (p) => seniorityLabels[p.seniority] ?? p.seniority,
    },
    {
      label: 'Organisation unit',
      className: 'col-optional',
      cell: (p) => <OrgUnitLink id={p.orgUnitId} units={units} />,
    },
  ];
  return (
    <ListPage
      {...props}
      {...text}
      resource={peopleResource}
      selects={selects}
      nameBelow={(p) => <span className="cell-sub only-narrow">{p.email}</span>}
      columns={columns}
    />
  );
}
