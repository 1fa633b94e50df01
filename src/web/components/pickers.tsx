// Pickers and lookups over the directory (people, org units) for forms and tables.
import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  orgUnitsAll,
  peopleAll,
  teamsAll,
  type OrgUnit,
  type Person,
  type Team,
} from '../queries.js';
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

export function useTeamsById(): Map<string, Team> {
  const { data } = useQuery(teamsAll);
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

type MultiItem = { id: string; name: string; sub?: string | null | undefined };

export function TeamSelect(props: Omit<PickerProps, 'exclude'>) {
  const { data, isPending } = useQuery(teamsAll);
  return (
    <DirectorySelect {...props} items={data} loading={isPending ? 'Loading teams…' : undefined} />
  );
}

/** Choose several records: a filterable list of checkboxes inside a fieldset. */
export function MultiSelect({
  legend,
  value,
  onChange,
  error,
  items,
  loading,
  filterPlaceholder,
  noun,
}: {
  legend: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  items: MultiItem[];
  loading: boolean;
  filterPlaceholder: string;
  /** Plural in sentences: "Loading people…", "No people match." */
  noun: string;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const selected = new Set(value);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? items.filter(
        (x) => x.name.toLowerCase().includes(needle) || x.sub?.toLowerCase().includes(needle),
      )
    : items;
  const toggle = (xid: string, on: boolean) =>
    onChange(on ? [...value, xid] : value.filter((v) => v !== xid));

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
        placeholder={filterPlaceholder}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="multi__list">
        {loading ? <p className="muted">Loading {noun}…</p> : null}
        {!loading && shown.length === 0 ? <p className="muted">No {noun} match.</p> : null}
        {shown.map((x) => (
          <div className="multi__item" key={x.id}>
            <input
              type="checkbox"
              id={`${id}-${x.id}`}
              checked={selected.has(x.id)}
              onChange={(e) => toggle(x.id, e.target.checked)}
            />
            <label htmlFor={`${id}-${x.id}`}>
              <span className="multi__name">{x.name}</span>
              {x.sub ? <span className="multi__sub">{x.sub}</span> : null}
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

type MultiProps = {
  legend: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
};

/** Choose several people (active ones, plus those already chosen). */
export function PeopleMultiSelect(props: MultiProps) {
  const { data, isPending } = useQuery(peopleAll);
  const selected = new Set(props.value);
  const items = (data ?? [])
    .filter((p) => p.active || selected.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, sub: p.email }));
  return (
    <MultiSelect
      {...props}
      items={items}
      loading={isPending}
      filterPlaceholder="Filter by name or email"
      noun="people"
    />
  );
}

/** Choose several organisation units (active ones, plus those already chosen). */
export function OrgUnitsMultiSelect(props: MultiProps) {
  const { data, isPending } = useQuery(orgUnitsAll);
  const selected = new Set(props.value);
  const items = (data ?? [])
    .filter((u) => u.active || selected.has(u.id))
    .map((u) => ({ id: u.id, name: u.active ? u.name : `${u.name} (inactive)` }));
  return (
    <MultiSelect
      {...props}
      items={items}
      loading={isPending}
      filterPlaceholder="Filter by name"
      noun="units"
    />
  );
}
