// Columns shared by the directory lists: a name linking to the record, a person, created, status.
import type { ReactNode } from 'react';
import type { Person } from '../queries.js';
import type { Resource } from '../resources.js';
import { PersonLink, ResourceLink } from './links.js';
import type { Column } from './table.js';
import { ActiveBadge, formatInstant } from './ui.js';

/** A column of a list page: its header and the cell of an item (same class on both). */
export type ListColumn<T> = Column & { cell: (item: T) => ReactNode };

export const nameColumn = <T extends { id: string; name: string }>(
  resource: Resource,
  below?: (item: T) => ReactNode,
): ListColumn<T> => ({
  label: 'Name',
  sort: 'name',
  cell: (item) => (
    <>
      <ResourceLink resource={resource} id={item.id} className="strong-link">
        {item.name}
      </ResourceLink>
      {below?.(item)}
    </>
  ),
});

export const personColumn = <T,>(
  label: string,
  people: Map<string, Person>,
  personId: (item: T) => string | null,
): ListColumn<T> => ({
  label,
  cell: (item) => <PersonLink id={personId(item)} people={people} />,
});

export const createdColumn: ListColumn<{ createdAt: string }> = {
  label: 'Created',
  sort: 'createdAt',
  className: 'col-optional',
  cell: (item) => formatInstant(item.createdAt, false),
};

export const statusColumn: ListColumn<{ active: boolean }> = {
  label: 'Status',
  cell: (item) => <ActiveBadge active={item.active} />,
};
