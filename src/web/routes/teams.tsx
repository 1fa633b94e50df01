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
import {
  PeopleMultiSelect,
  PersonLink,
  PersonSelect,
  usePeopleById,
} from '../components/pickers.js';
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
} from '../components/ui.js';
import { listQuery, recordQuery, type Team } from '../queries.js';

const PATH = '/teams';

export type TeamsSearch = { q?: string; sort?: string; active?: 'true' | 'false' };

export function TeamsList({
  search,
  setSearch,
}: {
  search: TeamsSearch;
  setSearch: (s: TeamsSearch) => void;
}) {
  const isAdmin = useIsAdmin();
  const filters: Query = { ...search, sort: search.sort ?? 'name' };
  const query = useInfiniteQuery(listQuery<Team>(PATH, filters));
  const people = usePeopleById();
  const update = (patch: Partial<TeamsSearch>) => setSearch({ ...search, ...patch });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  const filtered = Boolean(search.q || search.active);
  const sort = filters.sort as string;

  return (
    <>
      <PageHeader
        title="Teams"
        description="Delivery teams acknowledge the operational level agreements that hold up a service."
        actions={
          <>
            <ExportLink path={PATH} filters={filters} />
            {isAdmin ? (
              <Link to="/teams/new" className="button">
                New team
              </Link>
            ) : null}
          </>
        }
      />
      <div className="toolbar" role="search" aria-label="Filter teams">
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder="Team name or description"
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
        noun="teams"
        empty={
          <Empty title={filtered ? 'No teams match these filters.' : 'No teams yet.'}>
            {!filtered && isAdmin ? 'Create the first team with “New team”.' : null}
          </Empty>
        }
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Teams</caption>
              <thead>
                <tr>
                  <SortHeader
                    field="name"
                    label="Name"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                  />
                  <th scope="col">Lead</th>
                  <th scope="col" className="num col-optional">
                    Members
                  </th>
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
                {items.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link to="/teams/$teamId" params={{ teamId: t.id }} className="strong-link">
                        {t.name}
                      </Link>
                    </td>
                    <td>
                      <PersonLink id={t.leadId} people={people} />
                    </td>
                    <td className="num col-optional">{t.memberIds.length}</td>
                    <td className="col-optional">{formatInstant(t.createdAt, false)}</td>
                    <td>
                      {t.active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>}
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

export function TeamDetail({ teamId }: { teamId: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<Team>(PATH, teamId));
  const people = usePeopleById();
  const qc = useQueryClient();
  const setActive = useMutation({
    mutationFn: (t: Team) =>
      request<Team>(`${PATH}/${t.id}`, {
        method: 'PATCH',
        body: { active: !t.active },
        version: t.version,
      }),
    onSuccess: async (t) => {
      qc.setQueryData(recordQuery<Team>(PATH, t.id).queryKey, t);
      await qc.invalidateQueries({ queryKey: [PATH] });
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const t = query.data;
  const members = t.memberIds
    .map((id) => ({ id, person: people.get(id) }))
    .sort((a, b) => (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));

  return (
    <>
      <PageHeader
        back={{ to: '/teams', label: 'Teams' }}
        title={t.name}
        actions={
          isAdmin ? (
            <>
              <Link to="/teams/$teamId/edit" params={{ teamId: t.id }} className="button">
                Edit
              </Link>
              <ConfirmButton
                label={t.active ? 'Deactivate' : 'Reactivate'}
                tone={t.active ? 'danger' : 'secondary'}
                question={t.active ? `Deactivate ${t.name}?` : `Reactivate ${t.name}?`}
                confirmLabel={t.active ? 'Yes, deactivate' : 'Yes, reactivate'}
                busy={setActive.isPending}
                onConfirm={() => setActive.mutate(t)}
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
        {t.description ? (
          <p className="prose">{t.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
        <dl className="details">
          <div>
            <dt>Lead</dt>
            <dd>
              <PersonLink id={t.leadId} people={people} />
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{t.active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatInstant(t.createdAt)}</dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>
              {formatInstant(t.updatedAt)} <span className="muted">(version {t.version})</span>
            </dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="members-h">
        <h2 id="members-h">Members ({members.length})</h2>
        {members.length === 0 ? (
          <p className="muted">No members yet.</p>
        ) : (
          <ul className="member-list">
            {members.map(({ id, person }) => (
              <li key={id}>
                <Link to="/people/$personId" params={{ personId: id }}>
                  {person?.name ?? 'Unknown person'}
                </Link>
                {person?.title ? <span className="muted"> · {person.title}</span> : null}
                {id === t.leadId ? <Badge tone="info">Lead</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function TeamEdit({ teamId }: { teamId: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<Team>(PATH, teamId));
  if (!isAdmin) return <AdminOnly />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return (
    <TeamForm key={query.data.version} team={query.data} onReload={() => void query.refetch()} />
  );
}

export function TeamNew() {
  return useIsAdmin() ? <TeamForm /> : <AdminOnly />;
}

function TeamForm({ team, onReload }: { team?: Team; onReload?: () => void }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [leadId, setLeadId] = useState(team?.leadId ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        name: name.trim(),
        description: orNull(description),
        leadId: orNull(leadId),
        memberIds,
      };
      if (!team) return request<Team>(PATH, { method: 'POST', body });
      const patch = changedFields(team, body);
      if (Object.keys(patch).length === 0) return team;
      return request<Team>(`${PATH}/${team.id}`, {
        method: 'PATCH',
        body: patch,
        version: team.version,
      });
    },
    onSuccess: async (saved) => {
      qc.setQueryData(recordQuery<Team>(PATH, saved.id).queryKey, saved);
      await qc.invalidateQueries({ queryKey: [PATH] });
      await navigate({ to: '/teams/$teamId', params: { teamId: saved.id } });
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
          team ? { to: `/teams/${team.id}`, label: team.name } : { to: '/teams', label: 'Teams' }
        }
        title={team ? `Edit ${team.name}` : 'New team'}
      />
      <form
        className="card form"
        onSubmit={onSubmit}
        noValidate
        aria-label={team ? 'Edit team' : 'New team'}
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
          <PersonSelect
            label="Lead"
            value={leadId}
            onChange={setLeadId}
            error={errors.leadId}
            hint="The person who acknowledges the team's commitments."
          />
        </div>
        <TextAreaField
          label="Description"
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <PeopleMultiSelect
          legend="Members"
          value={memberIds}
          onChange={setMemberIds}
          error={errors.memberIds}
        />
        <FormActions
          busy={save.isPending}
          submitLabel={team ? 'Save changes' : 'Create team'}
          cancel={team ? { to: '/teams/$teamId', params: { teamId: team.id } } : { to: '/teams' }}
        />
      </form>
    </>
  );
}
