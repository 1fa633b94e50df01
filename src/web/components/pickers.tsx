// Pickers and lookups over the directory (people, org units) for forms and tables.
import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { orgUnitsAll, peopleAll, type OrgUnit, type Person } from '../queries.js';
import { SelectField, type Option } from './fields.js';

type Named = { id: string; name: string; active: boolean };

const byId = <T extends Named>(items: T[] | undefined): Map<string, T> =>
  new Map((items ?? []).map((x) => [x.id, x]));

export function usePeopleById(): Map<string, Person> {
  const { data } = useQuery(peopleAll);
  return useMemo(() => byId(data), [data]);
}

export function useOrgUnitsById(): Map<string, OrgUnit> {
  const { data } = useQuery(orgUnitsAll);
  return useMemo(() => byId(data), [data]);
}

type PickerProps = {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  exclude?: string | undefined;
  placeholder?: string;
  hint?: string;
};

/** A select of records: active ones, plus the current value even if inactive. */
function DirectorySelect({
  items,
  loading,
  exclude,
  placeholder = 'None',
  ...field
}: PickerProps & { items: Named[] | undefined; loading: string | undefined }) {
  const options: Option[] = (items ?? [])
    .filter((x) => x.id !== exclude && (x.active || x.id === field.value))
    .map((x) => ({ value: x.id, label: x.active ? x.name : `${x.name} (inactive)` }));
  return <SelectField {...field} options={options} placeholder={loading ?? placeholder} />;
}

export function PersonSelect(props: PickerProps) {
  const { data, isPending } = useQuery(peopleAll);
  return (
    <DirectorySelect {...props} items={data} loading={isPending ? 'Loading people…' : undefined} />
  );
}

export function OrgUnitSelect(props: Omit<PickerProps, 'exclude' | 'hint'>) {
  const { data, isPending } = useQuery(orgUnitsAll);
  return (
    <DirectorySelect {...props} items={data} loading={isPending ? 'Loading units…' : undefined} />
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
