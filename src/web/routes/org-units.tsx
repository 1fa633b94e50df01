import { useCallback, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { fieldErrors, request, type Query } from '../api.js';
import { useIsAdmin } from '../auth.js';
import {
  AdminOnly,
  ConfirmButton,
  FormActions,
  changedFields,
  orNull,
} from '../components/form.js';
import { ExportLink, ListBody, SearchBox, SortHeader } from '../components/list.js';
import { PersonLink, PersonSelect, usePeopleById } from '../components/pickers.js';
import {
  Badge,
  Empty,
  ErrorBanner,
  Loading,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
  formatInstant,
  seniorityLabels,
} from '../components/ui.js';
import { listQuery, recordQuery, type OrgUnit, type Person } from '../queries.js';

const PATH = '/org-units';

export type OrgUnitsSearch = { q?: string; sort?: string; active?: 'true' | 'false' };

export function OrgUnitsList({
  search,
  setSearch,
}: {
  search: OrgUnitsSearch;
  setSearch: (s: OrgUnitsSearch) => void;
}) {
  const isAdmin = useIsAdmin();
  const filters: Query = { ...search, sort: search.sort ?? 'name' };
  const query = useInfiniteQuery(listQuery<OrgUnit>(PATH, filters));
  const people = usePeopleById();
  const update = (patch: Partial<OrgUnitsSearch>) => setSearch({ ...search, ...patch });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  const filtered = Boolean(search.q || search.active);
  const sort = filters.sort as string;

  return (
    <>
      <PageHeader
        title="Organisation units"
        description="Departments and divisions: the management commitment index is reported per unit."
        actions={
          <>
            <ExportLink path={PATH} filters={filters} />
            {isAdmin ? (
              <Link to="/org-units/new" className="button">
                New unit
              </Link>
            ) : null}
          </>
        }
      />
      <div className="toolbar" role="search" aria-label="Filter organisation units">
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder="Unit name"
        />
        <SelectField
          label="Status"
          value={search.active ?? ''}
          onChange={(v) => update({ active: v === 'true' || v === 'false' ? v : undefined })}
          placeholder="Any status"
          options={[
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Inactive' },
          ]}
        />
        {filtered ? (
          <button
            type="button"
            className="button button--ghost toolbar__clear"
            onClick={() => setSearch({ sort: search.sort })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <ListBody
        query={query}
        noun="units"
        empty={
          <Empty title={filtered ? 'No units match these filters.' : 'No organisation units yet.'}>
            {!filtered && isAdmin ? 'Create the first unit with “New unit”.' : null}
          </Empty>
        }
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Organisation units</caption>
              <thead>
                <tr>
                  <SortHeader
                    field="name"
                    label="Name"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                  />
                  <th scope="col">Head</th>
                  <SortHeader
                    field="createdAt"
                    label="Created"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                    className="col-optional"
                  />
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <Link
                        to="/org-units/$orgUnitId"
                        params={{ orgUnitId: u.id }}
                        className="strong-link"
                      >
                        {u.name}
                      </Link>
                    </td>
                    <td>
                      <PersonLink id={u.headId} people={people} />
                    </td>
                    <td className="col-optional">{formatInstant(u.createdAt, false)}</td>
                    <td>
                      {u.active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListBody>
    </>
  );
}

export function OrgUnitDetail({ orgUnitId }: { orgUnitId: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<OrgUnit>(PATH, orgUnitId));
  const people = usePeopleById();
  const members = useInfiniteQuery(listQuery<Person>('/people', { orgUnitId, sort: 'name' }));
  const qc = useQueryClient();
  const setActive = useMutation({
    mutationFn: (u: OrgUnit) =>
      request<OrgUnit>(`${PATH}/${u.id}`, {
        method: 'PATCH',
        body: { active: !u.active },
        version: u.version,
      }),
    onSuccess: async (u) => {
      qc.setQueryData(recordQuery<OrgUnit>(PATH, u.id).queryKey, u);
      await qc.invalidateQueries({ queryKey: [PATH] });
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const u = query.data;

  return (
    <>
      <PageHeader
        back={{ to: '/org-units', label: 'Organisation units' }}
        title={u.name}
        actions={
          isAdmin ? (
            <>
              <Link to="/org-units/$orgUnitId/edit" params={{ orgUnitId: u.id }} className="button">
                Edit
              </Link>
              <ConfirmButton
                label={u.active ? 'Deactivate' : 'Reactivate'}
                tone={u.active ? 'danger' : 'secondary'}
                question={u.active ? `Deactivate ${u.name}?` : `Reactivate ${u.name}?`}
                confirmLabel={u.active ? 'Yes, deactivate' : 'Yes, reactivate'}
                busy={setActive.isPending}
                onConfirm={() => setActive.mutate(u)}
              />
            </>
          ) : null
        }
      />
      <ErrorBanner
        error={setActive.error}
        onReload={() => void query.refetch().then(() => setActive.reset())}
      />
      <section className="card">
        {u.description ? (
          <p className="prose">{u.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
        <dl className="details">
          <div>
            <dt>Head</dt>
            <dd>
              <PersonLink id={u.headId} people={people} />
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{u.active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatInstant(u.createdAt)}</dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>
              {formatInstant(u.updatedAt)} <span className="muted">(version {u.version})</span>
            </dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="unit-people-h">
        <h2 id="unit-people-h">People in this unit</h2>
        <ListBody
          query={members}
          noun="people"
          empty={<p className="muted">Nobody is in this unit yet.</p>}
        >
          {(items) => (
            <ul className="member-list">
              {items.map((p) => (
                <li key={p.id}>
                  <Link to="/people/$personId" params={{ personId: p.id }}>
                    {p.name}
                  </Link>
                  <span className="muted"> · {p.title ?? seniorityLabels[p.seniority]}</span>
                </li>
              ))}
            </ul>
          )}
        </ListBody>
      </section>
    </>
  );
}

export function OrgUnitEdit({ orgUnitId }: { orgUnitId: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<OrgUnit>(PATH, orgUnitId));
  if (!isAdmin) return <AdminOnly />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return (
    <OrgUnitForm key={query.data.version} unit={query.data} onReload={() => void query.refetch()} />
  );
}

export function OrgUnitNew() {
  return useIsAdmin() ? <OrgUnitForm /> : <AdminOnly />;
}

function OrgUnitForm({ unit, onReload }: { unit?: OrgUnit; onReload?: () => void }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState(unit?.name ?? '');
  const [description, setDescription] = useState(unit?.description ?? '');
  const [headId, setHeadId] = useState(unit?.headId ?? '');

  const save = useMutation({
    mutationFn: async () => {
      const body = { name: name.trim(), description: orNull(description), headId: orNull(headId) };
      if (!unit) return request<OrgUnit>(PATH, { method: 'POST', body });
      const patch = changedFields(unit, body);
      if (Object.keys(patch).length === 0) return unit;
      return request<OrgUnit>(`${PATH}/${unit.id}`, {
        method: 'PATCH',
        body: patch,
        version: unit.version,
      });
    },
    onSuccess: async (saved) => {
      qc.setQueryData(recordQuery<OrgUnit>(PATH, saved.id).queryKey, saved);
      await qc.invalidateQueries({ queryKey: [PATH] });
      await navigate({ to: '/org-units/$orgUnitId', params: { orgUnitId: saved.id } });
    },
  });
  const errors = fieldErrors(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <>
      <PageHeader
        back={
          unit
            ? { to: `/org-units/${unit.id}`, label: unit.name }
            : { to: '/org-units', label: 'Organisation units' }
        }
        title={unit ? `Edit ${unit.name}` : 'New organisation unit'}
      />
      <form
        className="card form"
        onSubmit={onSubmit}
        noValidate
        aria-label={unit ? 'Edit organisation unit' : 'New organisation unit'}
      >
        <ErrorBanner
          error={save.error}
          fieldKeys={Object.keys(errors)}
          {...(onReload ? { onReload } : {})}
        />
        <div className="form-grid">
          <TextField
            label="Name"
            value={name}
            onChange={setName}
            error={errors.name}
            required
            autoComplete="off"
          />
          <PersonSelect label="Head" value={headId} onChange={setHeadId} error={errors.headId} />
        </div>
        <TextAreaField
          label="Description"
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <FormActions
          busy={save.isPending}
          submitLabel={unit ? 'Save changes' : 'Create unit'}
          cancel={
            unit
              ? { to: '/org-units/$orgUnitId', params: { orgUnitId: unit.id } }
              : { to: '/org-units' }
          }
        />
      </form>
    </>
  );
}
