// Links to people, teams and organisation units (by id, named from a lookup map).
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { OrgUnit, Person } from '../queries.js';
import { Detail } from './ui.js';
import { orgUnitsResource, peopleResource, recordParams, type Resource } from '../resources.js';

/** A link to a record's detail page. */
export function ResourceLink({
  resource,
  id,
  className,
  children,
}: {
  resource: Resource;
  id: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link to={resource.detailTo} params={recordParams(resource, id)} className={className}>
      {children}
    </Link>
  );
}

/** A link named after the record in `names`, or a dash when there is no id. */
function NamedLink({
  resource,
  id,
  names,
  unknown,
}: {
  resource: Resource;
  id: string | null;
  names: Map<string, { name: string }>;
  unknown: string;
}) {
  if (!id) return <span className="muted">—</span>;
  return (
    <ResourceLink resource={resource} id={id}>
      {names.get(id)?.name ?? unknown}
    </ResourceLink>
  );
}

export function PersonLink({ id, people }: { id: string | null; people: Map<string, Person> }) {
  return <NamedLink resource={peopleResource} id={id} names={people} unknown="Unknown person" />;
}

/** A detail (term and value) naming a person, e.g. a team's lead. */
export function PersonDetailItem({
  label,
  id,
  people,
}: {
  label: string;
  id: string | null;
  people: Map<string, Person>;
}) {
  return (
    <Detail label={label}>
      <PersonLink id={id} people={people} />
    </Detail>
  );
}

export function OrgUnitLink({ id, units }: { id: string | null; units: Map<string, OrgUnit> }) {
  return <NamedLink resource={orgUnitsResource} id={id} names={units} unknown="Unknown unit" />;
}

/** A list of links to records, each followed by a note (title, badge …). */
export function LinkList({
  resource,
  className,
  items,
}: {
  resource: Resource;
  className: string;
  items: { id: string; name: string; note?: ReactNode }[];
}) {
  return (
    <ul className={className}>
      {items.map(({ id, name, note }) => (
        <li key={id}>
          <ResourceLink resource={resource} id={id}>
            {name}
          </ResourceLink>
          {note}
        </li>
      ))}
    </ul>
  );
}
