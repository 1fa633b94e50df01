// A service: its details, its direct dependencies both ways (admins add and remove them; a cycle
// is refused next to the field), and its impact: what suffers if it fails, what it relies on.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { fieldErrors, isApiError, request } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { SelectField, TextField, labelOptions } from '../components/fields.js';
import { BusyButton, ConfirmButton, orNull } from '../components/form.js';
import { OrgUnitLink, ResourceLink } from '../components/links.js';
import { useOrgUnitsById, useTeamsById } from '../components/pickers.js';
import { LifecycleBadge, Tags, TierBadge } from '../components/service-badges.js';
import { ServicePicker, type PickedService } from '../components/service-picker.js';
import { ServiceRaci } from '../components/service-raci.js';
import { ServiceAgreements } from '../components/service-agreements.js';
import { ServiceAgreementAttainment } from '../components/service-agreement-attainment.js';
import { ServiceCommitment } from './governance.js';
import { ServiceOwners } from '../components/service-owners.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';
import type { OrgUnit, Team } from '../queries.js';
import { teamsResource } from '../resources.js';
import { AvailabilityPanel } from './ticket-availability.js';
import {
  dependenciesQuery,
  dependencyTypeLabels,
  formatMoney,
  impactQuery,
  kindLabels,
  serviceQuery,
  type Dependency,
  type Impact,
  type Service,
} from '../services.js';
import { ServiceTargets } from './targets-section.js';

export function ServiceDetail({ id: ref }: { id: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(serviceQuery(ref));
  const teams = useTeamsById();
  const units = useOrgUnitsById();
  const qc = useQueryClient();
  const retire = useMutation({
    mutationFn: (s: Service) =>
      request<Service>(`/services/${s.id}/retire`, { method: 'POST', version: s.version }),
    onSuccess: async (s) => {
      qc.setQueryData(serviceQuery(ref).queryKey, s);
      await qc.invalidateQueries({ queryKey: ['/services'] });
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const s = query.data;
  const retired = s.lifecycle === 'retired';

  return (
    <>
      <PageHeader
        back={{ to: '/portfolio', label: 'Portfolio' }}
        title={s.name}
        description={
          <span className="service-meta">
            {kindLabels[s.kind]} <TierBadge tier={s.tier} />{' '}
            <LifecycleBadge lifecycle={s.lifecycle} />
          </span>
        }
        actions={
          <>
            <Link
              to="/services/$ref/view"
              params={{ ref: s.slug }}
              className="button button--secondary"
            >
              Service view
            </Link>
            {isAdmin && !retired ? (
              <>
                <Link to="/services/$ref/edit" params={{ ref: s.id }} className="button">
                  Edit
                </Link>
                <ConfirmButton
                  label="Retire"
                  question={`Retire ${s.name}? It leaves the portfolio but stays in history.`}
                  confirmLabel="Yes, retire"
                  busy={retire.isPending}
                  onConfirm={() => retire.mutate(s)}
                />
              </>
            ) : null}
          </>
        }
      />
      <ErrorBanner
        error={retire.error}
        onReload={() => void query.refetch().then(() => retire.reset())}
      />
      <ServiceCard service={s} teams={teams} units={units} />
      <ServiceOwners serviceId={s.id} />
      <Dependencies service={s} />
      <ServiceTargets serviceId={s.id} serviceName={s.name} />
      <ServiceCommitment serviceRef={s.slug} />
      <ServiceAgreements serviceRef={s.slug} />
      <ServiceAgreementAttainment service={s} />
      <ImpactSection service={s} teams={teams} units={units} />
      <ServiceRaci serviceRef={s.slug} />
      <AvailabilityPanel service={s} />
    </>
  );
}

function ServiceCard({
  service: s,
  teams,
  units,
}: {
  service: Service;
  teams: Map<string, Team>;
  units: Map<string, OrgUnit>;
}) {
  return (
    <section className="card" aria-label="Details">
      {s.description ? (
        <p className="prose">{s.description}</p>
      ) : (
        <p className="muted">No description.</p>
      )}
      {s.valueStatement ? (
        <blockquote className="value-statement">
          <span className="value-statement__label">Value</span> {s.valueStatement}
        </blockquote>
      ) : null}
      <dl className="details details--service">
        <Detail label="Kind">{kindLabels[s.kind] ?? s.kind}</Detail>
        <Detail label="Tier">
          <TierBadge tier={s.tier} />
        </Detail>
        <Detail label="Lifecycle">
          <LifecycleBadge lifecycle={s.lifecycle} />
          {s.retiredAt ? (
            <span className="cell-sub">since {formatInstant(s.retiredAt, false)}</span>
          ) : s.liveAt ? (
            <span className="cell-sub">live since {formatInstant(s.liveAt, false)}</span>
          ) : null}
        </Detail>
        <Detail label="Team">
          {s.teamId ? (
            <ResourceLink resource={teamsResource} id={s.teamId}>
              {teams.get(s.teamId)?.name ?? 'Unknown team'}
            </ResourceLink>
          ) : (
            <span className="muted">No team</span>
          )}
        </Detail>
        <Detail label="Customers">
          {s.orgUnitIds.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <span className="inline-list">
              {s.orgUnitIds.map((id) => (
                <OrgUnitLink key={id} id={id} units={units} />
              ))}
            </span>
          )}
        </Detail>
        <Detail label="Monthly cost">
          {s.monthlyCost ? formatMoney(s.monthlyCost) : <span className="muted">Not stated</span>}
        </Detail>
        <Detail label="System">{s.system ?? <span className="muted">—</span>}</Detail>
        <Detail label="Domain">{s.domain ?? <span className="muted">—</span>}</Detail>
        <Detail label="Slug">
          <code>{s.slug}</code>
        </Detail>
        <Detail label="Tags">
          <Tags tags={s.tags} />
        </Detail>
        <Detail label="Links">
          {s.links.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul className="plain-list plain-list--tight">
              {s.links.map((l) => (
                <li key={`${l.title}:${l.url}`}>
                  <a href={l.url} target="_blank" rel="noreferrer noopener">
                    {l.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Detail>
        <Detail label="Created">{formatInstant(s.createdAt)}</Detail>
        <Detail label="Last changed">
          {formatInstant(s.updatedAt)} <span className="muted">(version {s.version})</span>
        </Detail>
      </dl>
    </section>
  );
}

/** Names of services by id: from the impact analysis, else fetched one by one. */
function useServiceNames(ids: string[], impact: Impact | undefined) {
  const known = new Map<string, { name: string; slug: string }>();
  for (const s of [...(impact?.dependents ?? []), ...(impact?.dependencies ?? [])])
    known.set(s.id, s);
  const missing = impact ? [...new Set(ids)].filter((id) => !known.has(id)) : [];
  const fetched = useQueries({ queries: missing.map((id) => serviceQuery(id)) });
  for (const q of fetched) if (q.data) known.set(q.data.id, q.data);
  return known;
}

function Dependencies({ service }: { service: Service }) {
  const isAdmin = useIsAdmin();
  const deps = useQuery(dependenciesQuery(service.id));
  const impact = useQuery(impactQuery(service.id));
  const ids = [
    ...(deps.data?.outgoing.map((d) => d.toId) ?? []),
    ...(deps.data?.incoming.map((d) => d.fromId) ?? []),
  ];
  const names = useServiceNames(ids, impact.data);
  const retired = service.lifecycle === 'retired';

  return (
    <section className="card" aria-labelledby="deps-h">
      <h2 id="deps-h">Direct dependencies</h2>
      {deps.isPending ? (
        <Loading label="Loading dependencies…" />
      ) : deps.isError ? (
        <ErrorBanner error={deps.error} />
      ) : (
        <div className="grid-2 grid-2--flat">
          <DependencyList
            title={`${service.name} depends on`}
            empty="It depends on no other service."
            items={deps.data.outgoing}
            other={(d) => d.toId}
            names={names}
            canRemove={isAdmin}
          />
          <DependencyList
            title={`Depends on ${service.name}`}
            empty="No service depends on it."
            items={deps.data.incoming}
            other={(d) => d.fromId}
            names={names}
            canRemove={isAdmin}
          />
        </div>
      )}
      {isAdmin && !retired ? <AddDependency service={service} /> : null}
    </section>
  );
}

function DependencyList({
  title,
  empty,
  items,
  other,
  names,
  canRemove,
}: {
  title: string;
  empty: string;
  items: Dependency[];
  other: (d: Dependency) => string;
  names: Map<string, { name: string; slug: string }>;
  canRemove: boolean;
}) {
  return (
    <div>
      <h3>
        {title} <span className="muted">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list dep-list">
          {items.map((d) => {
            const s = names.get(other(d));
            return (
              <li key={d.id}>
                <span className="dep-list__main">
                  <span className={`dep-type dep-type--${d.type}`}>
                    {dependencyTypeLabels[d.type]}
                  </span>{' '}
                  {s ? (
                    <Link to="/services/$ref" params={{ ref: s.slug }}>
                      {s.name}
                    </Link>
                  ) : (
                    <span className="muted">Loading…</span>
                  )}
                  {d.note ? <span className="cell-sub">{d.note}</span> : null}
                </span>
                {canRemove ? (
                  <RemoveDependency dependency={d} name={s?.name ?? 'this service'} />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function RemoveDependency({ dependency, name }: { dependency: Dependency; name: string }) {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => request<void>(`/dependencies/${dependency.id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['/services'] }),
  });
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label={`Remove the dependency on ${name}`}
        onClick={() => setAsking(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <span className="inline-confirm" role="group" aria-label={`Remove the dependency on ${name}`}>
      <BusyButton
        className="button button--small button--danger"
        busy={remove.isPending}
        label="Yes, remove"
        busyLabel="Removing…"
        onClick={() => remove.mutate()}
      />
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => setAsking(false)}
      >
        Cancel
      </button>
      {remove.error ? <ErrorBanner error={remove.error} /> : null}
    </span>
  );
}

function AddDependency({ service }: { service: Service }) {
  const qc = useQueryClient();
  const [target, setTarget] = useState<PickedService | null>(null);
  const [type, setType] = useState('uses');
  const [note, setNote] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const add = useMutation({
    mutationFn: () =>
      request<Dependency>('/dependencies', {
        method: 'POST',
        body: { fromId: service.id, toId: target?.id ?? '', type, note: orNull(note) },
      }),
    onSuccess: async () => {
      setTarget(null);
      setNote('');
      setPickerKey((k) => k + 1);
      await qc.invalidateQueries({ queryKey: ['/services'] });
    },
  });
  const errors = fieldErrors(add.error);
  // A refused cycle names the whole loop; show it in full by the field.
  if (isApiError(add.error, 409) && errors.toId) {
    const msg = add.error.message.replace(/^toId: /, '');
    errors.toId = msg.charAt(0).toUpperCase() + msg.slice(1);
  }
  const atFields = Boolean(errors.toId || errors.type || errors.note || errors.fromId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    add.mutate();
  };

  return (
    <form className="dep-form" onSubmit={onSubmit} aria-label="Add a dependency" noValidate>
      <h3>Add a dependency</h3>
      {add.error && !atFields ? <ErrorBanner error={add.error} /> : null}
      <div className="dep-form__grid">
        <ServicePicker
          key={pickerKey}
          label={`${service.name} depends on`}
          value={target}
          onChange={(s) => {
            setTarget(s);
            if (add.error) add.reset();
          }}
          exclude={service.id}
          error={errors.toId ?? errors.fromId}
        />
        <SelectField
          label="Type"
          value={type}
          onChange={setType}
          options={labelOptions(dependencyTypeLabels)}
          error={errors.type}
        />
        <TextField label="Note" value={note} onChange={setNote} error={errors.note} />
      </div>
      <div className="form-actions">
        <BusyButton submit busy={add.isPending} label="Add dependency" busyLabel="Adding…" />
        {!target ? <span className="muted">Choose a service first.</span> : null}
      </div>
    </form>
  );
}

function ImpactSection({
  service,
  teams,
  units,
}: {
  service: Service;
  teams: Map<string, Team>;
  units: Map<string, OrgUnit>;
}) {
  const impact = useQuery(impactQuery(service.id));
  if (impact.isPending) return <Loading label="Analysing impact…" />;
  if (impact.isError) return <ErrorBanner error={impact.error} />;
  const i = impact.data;
  const direct = i.dependents.filter((d) => d.depth === 1).length;
  const byDepth = [...i.dependencies].sort(
    (a, b) => a.depth - b.depth || a.name.localeCompare(b.name),
  );

  return (
    <section aria-labelledby="impact-h" className="impact">
      <h2 id="impact-h">Impact</h2>
      <div className="grid-2">
        <section className="card" aria-labelledby="fails-h">
          <h3 id="fails-h">If this fails</h3>
          <p>
            <strong>{i.dependents.length}</strong>{' '}
            {i.dependents.length === 1 ? 'service depends' : 'services depend'} on it
            {i.dependents.length > 0 ? ` (${direct} directly)` : ''}.
          </p>
          <h4>Business services affected ({i.businessServicesAffected.length})</h4>
          {i.businessServicesAffected.length === 0 ? (
            <p className="muted">No business service is affected.</p>
          ) : (
            <ul className="plain-list impact-list">
              {i.businessServicesAffected.map((b) => (
                <li key={b.id}>
                  <Link to="/services/$ref" params={{ ref: b.slug }} className="strong-link">
                    {b.name}
                  </Link>
                  <TierBadge tier={b.tier} />
                  <span className="cell-sub">
                    {b.orgUnitIds.length
                      ? `Customers: ${b.orgUnitIds.map((id) => units.get(id)?.name ?? 'Unknown unit').join(', ')}`
                      : 'No customers recorded'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {i.orgUnitsAffected.length > 0 ? (
            <p className="impact__customers">
              <strong>Customers affected:</strong>{' '}
              {i.orgUnitsAffected.map((id) => units.get(id)?.name ?? 'Unknown unit').join(', ')}
            </p>
          ) : null}
          {i.teams.length > 0 ? (
            <p className="impact__teams">
              <strong>Teams involved:</strong>{' '}
              {i.teams
                .map((t) => `${teams.get(t.teamId)?.name ?? 'Unknown team'} (${t.services})`)
                .join(', ')}
            </p>
          ) : null}
        </section>
        <section className="card" aria-labelledby="relies-h">
          <h3 id="relies-h">It depends on ({byDepth.length})</h3>
          {byDepth.length === 0 ? (
            <p className="muted">It depends on no other service.</p>
          ) : (
            <ul className="plain-list impact-list">
              {byDepth.map((d) => (
                <li key={d.id}>
                  <Link to="/services/$ref" params={{ ref: d.slug }}>
                    {d.name}
                  </Link>
                  <Badge>{d.depth === 1 ? 'direct' : `depth ${d.depth}`}</Badge>
                  <span className="muted">
                    {kindLabels[d.kind]} · Tier {d.tier}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
