// One service level agreement: its versions (never edited in place), the content of the chosen
// version, each target backed or unbacked with the reasons, the OLAs with their
// acknowledgements, the signatures (signing asks for the password and shows the content hash),
// a readable diff between versions, a new version for those who may revise, and withdrawal of
// a pending version.
import { Fragment, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { fieldErrors } from '../api.js';
import { AgreementDocuments } from '../components/agreement-documents.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/fields.js';
import { BusyButton, ConfirmButton, FormActions } from '../components/form.js';
import {
  OlaEditor,
  olaDrafts,
  olasOf,
  targetKeysOf,
  targetLabel,
  type OlaDraft,
} from '../components/ola-editor.js';
import { TermsEditor, draftOf, issuesAt, termsOf, type Terms } from '../components/terms-editor.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';
import { durationLabel } from '../../core/agreements/terms.js';
import { allQuery, teamsAll } from '../queries.js';
import {
  AgreementStatusBadge,
  BandsEditor,
  VersionStatusBadge,
  agreementQuery,
  bandDrafts,
  bandsOf,
  majorOf,
  minorOf,
  money,
  partyLabels,
  useAgreementAction,
  versionDiffQuery,
  type AgreementDetail,
  type AgreementVersionView,
  type BandDraft,
} from './agreements-shared.js';

type V = AgreementVersionView;
const calendarsAll = allQuery<{ id: string; name: string; active: boolean }>('/calendars');

export function AgreementPage({ agreementRef }: { agreementRef: string }) {
  const query = useQuery(agreementQuery(agreementRef));
  const [chosen, setChosen] = useState<number | null>(null);
  if (query.isPending) return <Loading label="Loading the agreement…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const d = query.data;
  const a = d.agreement;
  const preferred =
    d.versions.find((v) => v.status === 'pending') ??
    d.versions.find((v) => v.status === 'active') ??
    d.versions[0]!;
  const v = d.versions.find((x) => x.number === chosen) ?? preferred;
  return (
    <>
      <PageHeader
        back={{ to: '/agreements', label: 'Agreements' }}
        title={
          <>
            {a.code} {a.title} <AgreementStatusBadge status={a.status} />
          </>
        }
        description={
          <>
            <Link to="/services/$ref" params={{ ref: a.service.slug }}>
              {a.service.name}
            </Link>{' '}
            for {a.customer.name}.{' '}
            {a.activeVersion
              ? `Version ${a.activeVersion} is in force until ${a.expiresOn}.`
              : 'No version is in force yet.'}
            {a.requirementId ? (
              <>
                {' '}
                <Link to="/requirements/$id" params={{ id: a.requirementId }}>
                  The requirement
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <Versions d={d} selected={v.number} onSelect={setChosen} />
      <VersionContent d={d} v={v} />
      {d.permissions.canRevise ? <NewVersionForm d={d} /> : null}
    </>
  );
}

function Versions({
  d,
  selected,
  onSelect,
}: {
  d: AgreementDetail;
  selected: number;
  onSelect: (n: number) => void;
}) {
  return (
    <section className="card" aria-labelledby="agreement-versions">
      <h2 id="agreement-versions">Versions</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">State</th>
              <th scope="col">Why</th>
              <th scope="col">Drawn up</th>
              <th scope="col">Active since</th>
              <th scope="col">Ended</th>
              <th scope="col">
                <span className="visually-hidden">Show</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.id} aria-current={v.number === selected || undefined}>
                <td>{v.number}</td>
                <td>
                  <VersionStatusBadge v={v} />
                </td>
                <td>{v.changeNote}</td>
                <td>
                  {v.createdBy.name}, {formatInstant(v.createdAt, false)}
                </td>
                <td>{formatInstant(v.activatedAt, false)}</td>
                <td>{formatInstant(v.endedAt, false)}</td>
                <td>
                  {v.number === selected ? (
                    <span className="muted">Shown below</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => onSelect(v.number)}
                    >
                      Show version {v.number}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VersionContent({ d, v }: { d: AgreementDetail; v: V }) {
  const c = v.content;
  const { data: calendars } = useQuery(calendarsAll);
  const calendarName = (id: string) =>
    id === c.terms.calendarId ? c.calendarName : (calendars?.find((x) => x.id === id)?.name ?? id);
  const pending = v.status === 'pending';
  const withdraw = useAgreementAction<{ reason: string }>(
    d.agreement.code,
    `/versions/${v.number}/withdraw`,
  );
  return (
    <section className="card" aria-labelledby="agreement-version">
      <h2 id="agreement-version">
        Version {v.number} <VersionStatusBadge v={v} />
      </h2>
      <dl className="details">
        <Detail label="In force">
          {c.effectiveFrom} to {c.expiresOn}
          {v.expired ? ' (expired)' : ''}
        </Detail>
        <Detail label="Service hours">{calendarName(c.terms.calendarId)}</Detail>
        <Detail label="Review period">
          {c.reviewPeriod === 'quarter' ? 'Quarterly' : 'Monthly'}
        </Detail>
        <Detail label="Cost per month">{money(c.money.monthlyCostMinor, c.money.currency)}</Detail>
        <Detail label="Cost per missed target">
          {money(c.money.costPerMissedTargetMinor, c.money.currency)}
        </Detail>
        <Detail label="Bands">
          {c.money.bands.length === 0
            ? 'None'
            : c.money.bands
                .map(
                  (b) =>
                    `from ${b.minCompliancePercent} %: ${b.kind === 'none' ? 'neither' : `${b.kind} ${money(b.amountMinor, c.money.currency)}`}`,
                )
                .join('; ')}
        </Detail>
        <Detail label="Content hash">
          <code>{v.contentHash}</code>
        </Detail>
        {c.notes ? <Detail label="Notes">{c.notes}</Detail> : null}
      </dl>
      <AgreementDocuments agreementRef={d.agreement.code} number={v.number} />

      <h3>Targets</h3>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Targets and their backing</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Backing</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {v.targets.map((t) => (
              <tr key={t.key}>
                <td>{t.label}</td>
                <td>
                  {t.backed ? (
                    <Badge tone="good">Backed</Badge>
                  ) : (
                    <Badge tone="bad">Unbacked</Badge>
                  )}
                </td>
                <td>
                  {t.reasons.length ? t.reasons.join('; ') : 'Signed by both parties'}
                  {t.olaKeys.length ? `; underpinned by ${t.olaKeys.join(', ')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Olas d={d} v={v} />
      <Signatures d={d} v={v} />
      <Diff d={d} v={v} />
      {pending && d.permissions.canWithdraw ? (
        <div className="form-actions">
          <ConfirmButton
            label={`Withdraw version ${v.number}`}
            question={`Withdraw version ${v.number}? It will need no signatures any more; the active version (if any) stays in force.`}
            confirmLabel="Withdraw"
            busy={withdraw.isPending}
            onConfirm={() => withdraw.mutate({ reason: '' })}
          />
        </div>
      ) : null}
      <ErrorBanner error={withdraw.error} />
    </section>
  );
}

function Olas({ d, v }: { d: AgreementDetail; v: V }) {
  const c = v.content;
  if (c.olas.length === 0)
    return (
      <>
        <h3>Operational level agreements</h3>
        <p className="muted">No OLAs: no team target underpins these targets.</p>
      </>
    );
  return (
    <>
      <h3>Operational level agreements</h3>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">OLAs and their acknowledgements</caption>
          <thead>
            <tr>
              <th scope="col">OLA</th>
              <th scope="col">Team</th>
              <th scope="col">Commitment</th>
              <th scope="col">Underpins</th>
              <th scope="col">Acknowledged</th>
            </tr>
          </thead>
          <tbody>
            {c.olas.map((o) => {
              const ack = v.acknowledgements.find((x) => x.olaKey === o.key);
              const can = v.status === 'pending' && d.permissions.canAcknowledge.includes(o.key);
              return (
                <tr key={o.key}>
                  <td className="nowrap">{o.key}</td>
                  <td>{o.teamName}</td>
                  <td>
                    {o.description}{' '}
                    <span className="muted">
                      ({o.priority} {o.metric} within {durationLabel(o.duration)})
                    </span>
                  </td>
                  <td>
                    {o.underpins.length === 0 ? (
                      <span className="muted">no target</span>
                    ) : (
                      o.underpins.map((k, i) => (
                        <Fragment key={k}>
                          {i > 0 ? ', ' : ''}
                          <span title={v.targets.find((t) => t.key === k)?.label}>
                            {targetLabel(k)}
                          </span>
                        </Fragment>
                      ))
                    )}
                  </td>
                  <td>
                    {ack ? (
                      <>
                        <Badge tone="good">Acknowledged</Badge> by {ack.person.name},{' '}
                        {formatInstant(ack.acknowledgedAt)}
                      </>
                    ) : (
                      <>
                        <Badge tone="bad">Not acknowledged</Badge>{' '}
                        {can ? (
                          <Acknowledge d={d} v={v} olaKey={o.key} />
                        ) : v.status === 'pending' ? (
                          <span className="muted">awaits {o.teamName}&apos;s delivery lead</span>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Acknowledge({ d, v, olaKey }: { d: AgreementDetail; v: V; olaKey: string }) {
  const ack = useAgreementAction<{ olaKey: string; contentHash: string }>(
    d.agreement.code,
    `/versions/${v.number}/acknowledgements`,
  );
  return (
    <>
      <BusyButton
        busy={ack.isPending}
        label={`Acknowledge ${olaKey}`}
        busyLabel="Acknowledging…"
        onClick={() => ack.mutate({ olaKey, contentHash: v.contentHash })}
      />
      <ErrorBanner error={ack.error} />
    </>
  );
}

function Signatures({ d, v }: { d: AgreementDetail; v: V }) {
  const [signing, setSigning] = useState<string | null>(null);
  const parties = ['service_owner', 'customer_representative'] as const;
  const person = (p: (typeof parties)[number]) =>
    p === 'service_owner' ? v.content.serviceOwner.name : v.content.customerRepresentative.name;
  return (
    <>
      <h3>Signatures</h3>
      <ul className="signatures">
        {parties.map((p) => {
          const s = v.signatures.find((x) => x.party === p);
          const can = v.status === 'pending' && d.permissions.canSign.includes(p);
          return (
            <li key={p}>
              <strong>{partyLabels[p]}</strong> ({person(p)}):{' '}
              {s ? (
                <>
                  <Badge tone="good">Signed</Badge> by {s.person.name}, {formatInstant(s.signedAt)}{' '}
                  — <code>{s.contentHash}</code>
                </>
              ) : (
                <>
                  <Badge tone="bad">Not signed</Badge>{' '}
                  {can && signing !== p ? (
                    <button type="button" className="button" onClick={() => setSigning(p)}>
                      Sign as {partyLabels[p]?.toLowerCase()}
                    </button>
                  ) : null}
                </>
              )}
              {signing === p ? (
                <SignForm d={d} v={v} party={p} onDone={() => setSigning(null)} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function SignForm({
  d,
  v,
  party,
  onDone,
}: {
  d: AgreementDetail;
  v: V;
  party: string;
  onDone: () => void;
}) {
  const [password, setPassword] = useState('');
  const [read, setRead] = useState(false);
  const sign = useAgreementAction<{ party: string; password: string; contentHash: string }>(
    d.agreement.code,
    `/versions/${v.number}/signatures`,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate({ party, password, contentHash: v.contentHash }, { onSuccess: onDone });
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={`Sign version ${v.number}`}>
      <p>
        You sign version {v.number} of {d.agreement.code} personally as{' '}
        {partyLabels[party]?.toLowerCase()}. Your signature records the hash of exactly this
        content:
      </p>
      <p>
        <code>{v.contentHash}</code>
      </p>
      <CheckboxField
        label={`I have read version ${v.number} and agree to it`}
        checked={read}
        onChange={setRead}
      />
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        hint="Signing asks for your password again"
        error={fieldErrors(sign.error).password}
      />
      <ErrorBanner error={sign.error} fieldKeys={['password']} />
      {read ? (
        <FormActions busy={sign.isPending} submitLabel="Sign" busyLabel="Signing…" />
      ) : (
        <p className="muted">Confirm you have read this version to sign it.</p>
      )}
      <button type="button" className="button button--ghost" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function Diff({ d, v }: { d: AgreementDetail; v: V }) {
  const others = d.versions.filter((x) => x.number !== v.number);
  const [against, setAgainst] = useState<number | null>(null);
  const base = against ?? (v.number > 1 ? v.number - 1 : (others[0]?.number ?? null));
  const diff = useQuery({
    ...versionDiffQuery(d.agreement.code, v.number, base ?? 1),
    enabled: base !== null,
  });
  if (base === null) return null;
  return (
    <>
      <h3>Changes</h3>
      <SelectField
        label={`Compare version ${v.number} with`}
        value={String(base)}
        onChange={(x) => setAgainst(Number(x))}
        options={others.map((x) => ({ value: String(x.number), label: `version ${x.number}` }))}
      />
      {diff.isPending ? <Loading label="Comparing…" /> : null}
      <ErrorBanner error={diff.error} />
      {diff.data ? (
        diff.data.changes.length === 0 ? (
          <p className="muted">No differences.</p>
        ) : (
          <ul aria-label={`Changes from version ${diff.data.from} to ${diff.data.to}`}>
            {diff.data.changes.map((c) => (
              <li key={c.path}>{c.label}</li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

function NewVersionForm({ d }: { d: AgreementDetail }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p>
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Draw up a new version
        </button>
      </p>
    );
  return <NewVersionFields d={d} onDone={() => setOpen(false)} />;
}

function NewVersionFields({ d, onDone }: { d: AgreementDetail; onDone: () => void }) {
  const latest = d.versions[0]!;
  const c = latest.content;
  const { data: calendars } = useQuery(calendarsAll);
  const [title, setTitle] = useState(c.title);
  const [effectiveFrom, setEffectiveFrom] = useState(c.effectiveFrom);
  const [expiresOn, setExpiresOn] = useState(c.expiresOn);
  const [reviewPeriod, setReviewPeriod] = useState(c.reviewPeriod);
  const [monthly, setMonthly] = useState(majorOf(c.money.monthlyCostMinor));
  const [perMiss, setPerMiss] = useState(majorOf(c.money.costPerMissedTargetMinor));
  const [bands, setBands] = useState<BandDraft[]>(bandDrafts(c.money.bands));
  const [notes, setNotes] = useState(c.notes);
  const [changeTerms, setChangeTerms] = useState(false);
  const [terms, setTerms] = useState(draftOf(c.terms as Terms));
  const { data: teams } = useQuery(teamsAll);
  const [changeOlas, setChangeOlas] = useState(false);
  const [olas, setOlas] = useState<OlaDraft[]>(olaDrafts(c.olas));
  const [changeNote, setChangeNote] = useState('');
  const save = useAgreementAction<unknown>(d.agreement.code, '/versions');
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        basedOn: latest.number,
        changeNote,
        changes: {
          title,
          effectiveFrom,
          expiresOn,
          reviewPeriod,
          notes,
          money: {
            monthlyCostMinor: minorOf(monthly),
            costPerMissedTargetMinor: minorOf(perMiss),
            bands: bandsOf(bands),
          },
          ...(changeTerms ? { terms: termsOf(terms) } : {}),
          ...(changeOlas ? { olas: olasOf(olas) } : {}),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card form" onSubmit={submit} aria-label="New version">
      <h2>New version based on version {latest.number}</h2>
      <p>
        A version never changes once drawn up. Version {latest.number + 1} needs both signatures and
        the OLA acknowledgements again; the active version stays in force until then.
      </p>
      <ErrorBanner
        error={save.error}
        fieldKeys={[
          'changes',
          'title',
          'effectiveFrom',
          'expiresOn',
          'money',
          'terms',
          'changeNote',
          // OLA errors show in the OLA editor when it is open, else here.
          ...(changeOlas ? ['olas'] : []),
        ]}
      />
      <TextField label="Title" value={title} onChange={setTitle} error={errors.title} />
      <TextField
        label="Effective from"
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        error={errors.effectiveFrom}
        hint="YYYY-MM-DD"
      />
      <TextField
        label="Expires on"
        value={expiresOn}
        onChange={setExpiresOn}
        error={errors.expiresOn}
        hint="YYYY-MM-DD"
      />
      <SelectField
        label="Review period"
        value={reviewPeriod}
        onChange={setReviewPeriod}
        options={[
          { value: 'month', label: 'Monthly' },
          { value: 'quarter', label: 'Quarterly' },
        ]}
      />
      <TextField
        label={`Cost per month (${c.money.currency})`}
        type="number"
        value={monthly}
        onChange={setMonthly}
        error={errors.money}
      />
      <TextField
        label={`Cost per missed target (${c.money.currency})`}
        type="number"
        value={perMiss}
        onChange={setPerMiss}
      />
      <BandsEditor
        value={bands}
        onChange={setBands}
        currency={c.money.currency}
        errors={{
          ...issuesAt(save.error, 'money.bands'),
          ...issuesAt(save.error, 'changes.money.bands'),
        }}
      />
      <CheckboxField label="Change the targets" checked={changeTerms} onChange={setChangeTerms} />
      {changeTerms ? (
        <TermsEditor
          value={terms}
          onChange={setTerms}
          calendars={(calendars ?? []).filter((x) => x.active)}
          errors={{ ...issuesAt(save.error, 'terms'), ...issuesAt(save.error, 'changes.terms') }}
        />
      ) : null}
      <CheckboxField
        label="Change the OLAs"
        checked={changeOlas}
        onChange={setChangeOlas}
        hint={`Version ${latest.number} has ${c.olas.length} OLA${c.olas.length === 1 ? '' : 's'}; the teams acknowledge the OLAs of the new version again`}
      />
      {changeOlas ? (
        <OlaEditor
          value={olas}
          onChange={setOlas}
          teams={teams ?? []}
          calendars={calendars ?? []}
          targets={targetKeysOf(changeTerms ? termsOf(terms) : c.terms)}
          takenKeys={c.olas.map((o) => o.key)}
          defaultCalendarId={changeTerms ? terms.calendarId : c.terms.calendarId}
          errors={{ ...issuesAt(save.error, 'olas'), ...issuesAt(save.error, 'changes.olas') }}
        />
      ) : null}
      <TextAreaField label="Notes" value={notes} onChange={setNotes} />
      <TextField
        label="Why this version"
        value={changeNote}
        onChange={setChangeNote}
        error={errors.changeNote}
        hint="e.g. renewal for 2027, stricter P1 resolution"
      />
      <FormActions
        busy={save.isPending}
        submitLabel="Draw up the new version"
        busyLabel="Drawing up…"
      />
      <button type="button" className="button button--ghost" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
