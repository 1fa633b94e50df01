// Pickers and lookups over the directory (people, org units) for forms and tables.
import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { orgUnitsAll, peopleAll, type OrgUnit, type Person } from '../queries.js';
import { SelectField, type Option } from './ui.js';

export function usePeopleById(): Map<string, Person> {
  const { data } = useQuery(peopleAll);
  return useMemo(() => new Map((data ?? []).map((p) => [p.id, p])), [data]);
}

export function useOrgUnitsById(): Map<string, OrgUnit> {
  const { data } = useQuery(orgUnitsAll);
  return useMemo(() => new Map((data ?? []).map((o) => [o.id, o])), [data]);
}

const personOptions = (people: Person[], exclude?: string, keep?: string | null): Option[] =>
  people
    .filter((p) => p.id !== exclude && (p.active || p.id === keep))
    .map((p) => ({ value: p.id, label: p.active ? p.name : `${p.name} (inactive)` }));

/** A select of people (active ones, plus the current value even if inactive). */
export function PersonSelect({
  label,
  value,
  onChange,
  error,
  exclude,
  placeholder = 'None',
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  exclude?: string;
  placeholder?: string;
  hint?: string;
}) {
  const { data, isPending } = useQuery(peopleAll);
  const options = personOptions(data ?? [], exclude, value);
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      error={error}
      placeholder={isPending ? 'Loading people…' : placeholder}
      {...(hint ? { hint } : {})}
    />
  );
}

export function OrgUnitSelect({
  label,
  value,
  onChange,
  error,
  placeholder = 'None',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  placeholder?: string;
}) {
  const { data, isPending } = useQuery(orgUnitsAll);
  const options = (data ?? [])
    .filter((o) => o.active || o.id === value)
    .map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (inactive)` }));
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      error={error}
      placeholder={isPending ? 'Loading units…' : placeholder}
    />
  );
}

/** Choose several people: a filterable list of checkboxes inside a fieldset. */
export function PeopleMultiSelect({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const { data, isPending } = useQuery(peopleAll);
  const [filter, setFilter] = useState('');
  const selected = new Set(value);
  const people = (data ?? []).filter((p) => p.active || selected.has(p.id));
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? people.filter((p) => p.name.toLowerCase().includes(needle) || p.email.includes(needle))
    : people;
  const toggle = (pid: string, on: boolean) =>
    onChange(on ? [...value, pid] : value.filter((v) => v !== pid));

  return (
    <fieldset
      className={`field multi${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {legend} <span className="multi__count">({value.length} selected)</span>
      </legend>
      <label htmlFor={`${id}-filter`} className="visually-hidden">
        Filter {legend.toLowerCase()}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        placeholder="Filter by name or email"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="multi__list">
        {isPending ? <p className="muted">Loading people…</p> : null}
        {!isPending && shown.length === 0 ? <p className="muted">No people match.</p> : null}
        {shown.map((p) => (
          <div className="multi__item" key={p.id}>
            <input
              type="checkbox"
              id={`${id}-${p.id}`}
              checked={selected.has(p.id)}
              onChange={(e) => toggle(p.id, e.target.checked)}
            />
            <label htmlFor={`${id}-${p.id}`}>
              <span className="multi__name">{p.name}</span>
              <span className="multi__sub">{p.email}</span>
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function PersonLink({ id, people }: { id: string | null; people: Map<string, Person> }) {
  if (!id) return <span className="muted">—</span>;
  const p = people.get(id);
  return (
    <Link to="/people/$personId" params={{ personId: id }}>
      {p ? p.name : 'Unknown person'}
    </Link>
  );
}

export function OrgUnitLink({ id, units }: { id: string | null; units: Map<string, OrgUnit> }) {
  if (!id) return <span className="muted">—</span>;
  const u = units.get(id);
  return (
    <Link to="/org-units/$orgUnitId" params={{ orgUnitId: id }}>
      {u ? u.name : 'Unknown unit'}
    </Link>
  );
}
