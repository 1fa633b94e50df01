import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import { useIsAdmin, useMe } from '../auth.js';
import {
  AdminOnly,
  ConfirmButton,
  FormActions,
  changedFields,
  orNull,
} from '../components/form.js';
import {
  OrgUnitLink,
  OrgUnitSelect,
  PersonLink,
  PersonSelect,
  useOrgUnitsById,
  usePeopleById,
} from '../components/pickers.js';
import {
  Badge,
  CheckboxField,
  ErrorBanner,
  Loading,
  PageHeader,
  SelectField,
  TextField,
  formatInstant,
  roleLabels,
  seniorityLabels,
} from '../components/ui.js';
import { peopleAll, recordQuery, type Person, type Team } from '../queries.js';
import { fetchAll } from '../api.js';

const PATH = '/people';

export function PersonDetail({ personId }: { personId: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<Person>(PATH, personId));
  const people = usePeopleById();
  const units = useOrgUnitsById();
  const { data: everyone } = useQuery(peopleAll);
  const teams = useQuery({
    queryKey: ['/teams', 'member', personId],
    queryFn: () => fetchAll<Team>('/teams', { memberId: personId, sort: 'name' }),
  });
  const qc = useQueryClient();
  const setActive = useMutation({
    mutationFn: (p: Person) =>
      request<Person>(`${PATH}/${p.id}`, {
        method: 'PATCH',
        body: { active: !p.active },
        version: p.version,
      }),
    onSuccess: async (p) => {
      qc.setQueryData(recordQuery<Person>(PATH, p.id).queryKey, p);
      await qc.invalidateQueries({ queryKey: [PATH] });
    },
  });

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const p = query.data;
  const reports = (everyone ?? []).filter((x) => x.managerId === p.id);

  return (
    <>
      <PageHeader
        back={{ to: '/people', label: 'People' }}
        title={p.name}
        description={p.title ?? undefined}
        actions={
          isAdmin ? (
            <>
              <Link to="/people/$personId/edit" params={{ personId: p.id }} className="button">
                Edit
              </Link>
              <ConfirmButton
                label={p.active ? 'Deactivate' : 'Reactivate'}
                tone={p.active ? 'danger' : 'secondary'}
                question={
                  p.active
                    ? `Deactivate ${p.name}? They will no longer appear in pickers and cannot sign in.`
                    : `Reactivate ${p.name}?`
                }
                confirmLabel={p.active ? 'Yes, deactivate' : 'Yes, reactivate'}
                busy={setActive.isPending}
                onConfirm={() => setActive.mutate(p)}
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
        <dl className="details">
          <div>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{p.active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>}</dd>
          </div>
          <div>
            <dt>Seniority</dt>
            <dd>{seniorityLabels[p.seniority] ?? p.seniority}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{p.role ? roleLabels[p.role] : <span className="muted">Cannot sign in</span>}</dd>
          </div>
          <div>
            <dt>Manager</dt>
            <dd>
              <PersonLink id={p.managerId} people={people} />
            </dd>
          </div>
          <div>
            <dt>Organisation unit</dt>
            <dd>
              <OrgUnitLink id={p.orgUnitId} units={units} />
            </dd>
          </div>
          <div>
            <dt>Added</dt>
            <dd>{formatInstant(p.createdAt)}</dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>
              {formatInstant(p.updatedAt)} <span className="muted">(version {p.version})</span>
            </dd>
          </div>
        </dl>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="teams-h">
          <h2 id="teams-h">Teams</h2>
          {teams.isPending ? (
            <Loading />
          ) : teams.isError ? (
            <ErrorBanner error={teams.error} />
          ) : teams.data.length === 0 ? (
            <p className="muted">Not a member of any team.</p>
          ) : (
            <ul className="plain-list">
              {teams.data.map((t) => (
                <li key={t.id}>
                  <Link to="/teams/$teamId" params={{ teamId: t.id }}>
                    {t.name}
                  </Link>
                  {t.leadId === p.id ? <Badge tone="info">Lead</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="reports-h">
          <h2 id="reports-h">Direct reports</h2>
          {reports.length === 0 ? (
            <p className="muted">No direct reports.</p>
          ) : (
            <ul className="plain-list">
              {reports.map((r) => (
                <li key={r.id}>
                  <Link to="/people/$personId" params={{ personId: r.id }}>
                    {r.name}
                  </Link>
                  {r.title ? <span className="muted"> · {r.title}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

export function PersonEdit({ personId }: { personId: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<Person>(PATH, personId));
  if (!isAdmin) return <AdminOnly />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return (
    <PersonForm
      key={query.data.version}
      person={query.data}
      onReload={() => void query.refetch()}
    />
  );
}

export function PersonNew() {
  const isAdmin = useIsAdmin();
  if (!isAdmin) return <AdminOnly />;
  return <PersonForm />;
}

function PersonForm({ person, onReload }: { person?: Person; onReload?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [seniority, setSeniority] = useState<string>(person?.seniority ?? 'staff');
  const [managerId, setManagerId] = useState(person?.managerId ?? '');
  const [orgUnitId, setOrgUnitId] = useState(person?.orgUnitId ?? '');
  const [active, setActive] = useState(person?.active ?? true);
  const [role, setRole] = useState<string>(person?.role ?? '');

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        name: name.trim(),
        email: email.trim(),
        title: orNull(title),
        seniority,
        managerId: orNull(managerId),
        orgUnitId: orNull(orgUnitId),
      };
      if (!person) return request<Person>(PATH, { method: 'POST', body });
      const patch = changedFields(person, { ...body, active, role: orNull(role) });
      if (Object.keys(patch).length === 0) return person;
      return request<Person>(`${PATH}/${person.id}`, {
        method: 'PATCH',
        body: patch,
        version: person.version,
      });
    },
    onSuccess: async (saved) => {
      qc.setQueryData(recordQuery<Person>(PATH, saved.id).queryKey, saved);
      await qc.invalidateQueries({ queryKey: [PATH] });
      if (me && saved.id === me.personId) await qc.invalidateQueries({ queryKey: ['me'] });
      await navigate({ to: '/people/$personId', params: { personId: saved.id } });
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
          person
            ? { to: `/people/${person.id}`, label: person.name }
            : { to: '/people', label: 'People' }
        }
        title={person ? `Edit ${person.name}` : 'New person'}
      />
      <form
        className="card form"
        onSubmit={onSubmit}
        noValidate
        aria-label={person ? 'Edit person' : 'New person'}
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
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            error={errors.email}
            required
            autoComplete="off"
          />
          <TextField
            label="Title"
            value={title}
            onChange={setTitle}
            error={errors.title}
            hint="Job title, e.g. Head of Platform"
          />
          <SelectField
            label="Seniority"
            value={seniority}
            onChange={setSeniority}
            error={errors.seniority}
            options={Object.entries(seniorityLabels).map(([value, label]) => ({ value, label }))}
          />
          <PersonSelect
            label="Manager"
            value={managerId}
            onChange={setManagerId}
            error={errors.managerId}
            {...(person ? { exclude: person.id } : {})}
          />
          <OrgUnitSelect
            label="Organisation unit"
            value={orgUnitId}
            onChange={setOrgUnitId}
            error={errors.orgUnitId}
          />
          {person ? (
            <SelectField
              label="Role"
              value={role}
              onChange={setRole}
              error={errors.role}
              placeholder="No sign-in"
              hint="Admins can change everything; members and viewers read. “No sign-in” removes access."
              options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))}
            />
          ) : null}
          {person ? (
            <CheckboxField
              label="Active"
              checked={active}
              onChange={setActive}
              error={errors.active}
              hint="Inactive people keep their history but cannot be picked for new roles."
            />
          ) : null}
        </div>
        <FormActions
          busy={save.isPending}
          submitLabel={person ? 'Save changes' : 'Create person'}
          cancel={
            person
              ? { to: '/people/$personId', params: { personId: person.id } }
              : { to: '/people' }
          }
        />
      </form>
    </>
  );
}
