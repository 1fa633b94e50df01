// Who holds what for a service (owner, deputies, delivery leads, customer representatives),
// the nominations still open, and a Nominate form for those allowed to nominate.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Nomination, Role, ServiceRoles } from '../../contract/ownership.js';
import { fieldErrors, request } from '../api.js';
import { SelectField } from './fields.js';
import { NomineeFields } from './nominee-fields.js';
import { OrgUnitSelect, TeamSelect } from './pickers.js';
import { Badge, ErrorBanner, Loading, formatInstant } from './ui.js';

export const serviceRolesQuery = (ref: string) => ({
  queryKey: ['/services', ref, 'roles'],
  queryFn: () => request<ServiceRoles>(`/services/${encodeURIComponent(ref)}/roles`),
});

const kindOptions = [
  { value: 'service_owner', label: 'Service owner' },
  { value: 'deputy', label: 'Deputy service owner' },
  { value: 'delivery_lead', label: 'Delivery lead (for a team)' },
  { value: 'customer_representative', label: 'Customer representative (for an org unit)' },
];

function Holder({ role }: { role: Role }) {
  return (
    <li>
      <Link to="/roles/$id" params={{ id: role.id }}>
        <strong>{role.person.name}</strong>
      </Link>
      {role.scope.teamId || role.scope.orgUnitId ? ` (${role.scope.label})` : ''}{' '}
      <span className="muted">until {formatInstant(role.termEndsAt, false)}</span>
    </li>
  );
}

function Holders({ title, roles }: { title: string; roles: Role[] }) {
  return (
    <div>
      <h3>{title}</h3>
      {roles.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {roles.map((r) => (
            <Holder key={r.id} role={r} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function ServiceOwners({ serviceId }: { serviceId: string }) {
  const query = useQuery(serviceRolesQuery(serviceId));
  const [open, setOpen] = useState(false);
  if (query.isPending) return <Loading label="Loading owners…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const r = query.data;
  return (
    <section className="card" aria-label="Ownership">
      <h2>Ownership</h2>
      <p data-testid="service-owner">
        Accountable owner:{' '}
        {r.owner ? (
          <strong>{r.owner.person.name}</strong>
        ) : (
          <Badge tone="bad">No accepted owner</Badge>
        )}
        {r.owner ? (
          <span className="muted"> (accepted {formatInstant(r.owner.acceptedAt, false)})</span>
        ) : null}
      </p>
      <Holders title="Deputies" roles={r.deputies} />
      <Holders title="Delivery leads" roles={r.deliveryLeads} />
      <Holders title="Customer representatives" roles={r.customerRepresentatives} />
      {r.lapsed.length > 0 ? <Holders title="Lapsed (not re-affirmed)" roles={r.lapsed} /> : null}
      <h3>Open nominations</h3>
      {r.pendingNominations.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {r.pendingNominations.map((n: Nomination) => (
            <li key={n.id}>
              <Link to="/nominations/$id" params={{ id: n.id }}>
                {n.nominee.name} as {n.kind.replace(/_/g, ' ')}
              </Link>
              {n.scope.teamId || n.scope.orgUnitId ? ` (${n.scope.label})` : ''}, nominated by{' '}
              {n.nominatedBy.name} on {formatInstant(n.createdAt, false)}
            </li>
          ))}
        </ul>
      )}
      {r.canNominate ? (
        open ? (
          <NominateForm serviceId={serviceId} onDone={() => setOpen(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            Nominate
          </button>
        )
      ) : null}
    </section>
  );
}

function NominateForm({ serviceId, onDone }: { serviceId: string; onDone: () => void }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState('service_owner');
  const [nomineeId, setNominee] = useState('');
  const [teamId, setTeam] = useState('');
  const [orgUnitId, setOrgUnit] = useState('');
  const [message, setMessage] = useState('');
  const scope = {
    serviceId,
    ...(kind === 'delivery_lead' ? { teamId: teamId || null } : {}),
    ...(kind === 'customer_representative' ? { orgUnitId: orgUnitId || null } : {}),
  };
  const save = useMutation({
    mutationFn: () =>
      request<Nomination>('/nominations', {
        method: 'POST',
        body: { kind, scope, nomineeId, message },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['/services', serviceId, 'roles'] });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Nominate">
      <ErrorBanner error={save.error} />
      <SelectField label="Role" value={kind} onChange={setKind} options={kindOptions} />
      {kind === 'delivery_lead' ? (
        <TeamSelect
          label="Team"
          value={teamId}
          onChange={setTeam}
          error={errors.scope}
          placeholder="Choose the delivering team"
        />
      ) : null}
      {kind === 'customer_representative' ? (
        <OrgUnitSelect
          label="Organisation unit"
          value={orgUnitId}
          onChange={setOrgUnit}
          error={errors.scope}
          placeholder="Choose the customer's unit"
        />
      ) : null}
      <NomineeFields
        nomineeId={nomineeId}
        onNominee={setNominee}
        message={message}
        onMessage={setMessage}
        errors={errors}
        busy={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
