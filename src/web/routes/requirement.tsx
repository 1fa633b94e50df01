// One service level requirement: the current terms, business value and justification, the
// revision history with readable diffs, the negotiation thread (comments and counter-proposals,
// adoptable by the customer representative) and the costed options of the service owner.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import { ChooseOption } from '../components/choose-option.js';
import { SelectField, TextAreaField, TextField } from '../components/fields.js';
import { BusyButton, ConfirmButton, FormActions } from '../components/form.js';
import { TermsEditor, TermsTable, draftOf, issuesAt, termsOf } from '../components/terms-editor.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';
import { BusinessValueFields, businessValueOf, type ValueDraft } from './requirement-form.js';
import {
  OptionStatusBadge,
  RequirementStatusBadge,
  calendarsAll,
  minorOf,
  moneyText,
  requirementQuery,
  revisionDiffQuery,
  type RequirementDetail,
  type RequirementOption,
} from './requirements-shared.js';

type R = RequirementDetail;

/** A write on the requirement that answers with the requirement as it now reads. */
function useRequirementAction<I>(r: R, path: string, withVersion = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: I) =>
      request<R>(`/requirements/${r.id}${path}`, {
        method: 'POST',
        body: body ?? undefined,
        version: withVersion ? r.version : undefined,
      }),
    onSuccess: async (saved) => {
      qc.setQueryData(requirementQuery(saved.id).queryKey, saved);
      await qc.invalidateQueries({ queryKey: ['/requirements', 'list'] });
    },
  });
}

function useCalendarChoices() {
  const { data } = useQuery(calendarsAll);
  return (data ?? []).filter((c) => c.active);
}

export function RequirementPage({ id }: { id: string }) {
  const query = useQuery(requirementQuery(id));
  if (query.isPending) return <Loading label="Loading the requirement…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const r = query.data;
  const names = new Map(r.calendars.map((c) => [c.id, c.name]));
  const calendarName = (cid: string) => names.get(cid) ?? 'Unknown calendar';
  const value = r.current.businessValue;

  return (
    <>
      <PageHeader
        back={{ to: '/requirements', label: 'Requirements' }}
        title={r.title}
        description={
          <span className="service-meta">
            <RequirementStatusBadge status={r.status} /> Revision {r.revision} ·{' '}
            <Link to="/services/$ref" params={{ ref: r.serviceSlug }}>
              {r.serviceName}
            </Link>{' '}
            for {r.orgUnitName}
          </span>
        }
        actions={
          <>
            <Link
              to="/requirements/$id/compare"
              params={{ id: r.id }}
              className="button button--secondary"
            >
              Compare options
            </Link>
            {r.can.withdraw ? <WithdrawRequirement r={r} /> : null}
          </>
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="req-current">
          <h2 id="req-current">What the business needs (revision {r.revision})</h2>
          <TermsTable terms={r.current.terms} calendarName={calendarName} />
          {r.current.note ? <p className="muted">Last change: {r.current.note}</p> : null}
        </section>
        <section className="card" aria-labelledby="req-value">
          <h2 id="req-value">Business value and justification</h2>
          <dl className="details">
            <Detail label="Lost per hour of outage">
              {moneyText(value.lossPerOutageHourMinor, value.currency)}
            </Detail>
            {value.description ? <Detail label="Affected">{value.description}</Detail> : null}
            <Detail label="Justification">{r.current.justification}</Detail>
            <Detail label="Customer representative">
              {r.customerRepresentative?.name ?? (
                <span className="muted">Nobody holds the role now</span>
              )}
            </Detail>
            <Detail label="Service owner">
              {r.serviceOwner?.name ?? <span className="muted">Nobody holds the role now</span>}
            </Detail>
            <Detail label="Stated">
              {r.createdByName}, {formatInstant(r.createdAt)}
            </Detail>
          </dl>
        </section>
      </div>
      {r.can.revise ? <ReviseForm r={r} /> : null}
      <Options r={r} calendarName={calendarName} />
      <Thread r={r} calendarName={calendarName} />
      <Revisions r={r} />
    </>
  );
}

function WithdrawRequirement({ r }: { r: R }) {
  const withdraw = useRequirementAction<undefined>(r, '/withdraw', true);
  return (
    <>
      <ConfirmButton
        label="Withdraw requirement"
        question="Withdraw this requirement? The negotiation closes and nobody can change it afterwards."
        confirmLabel="Withdraw"
        busy={withdraw.isPending}
        onConfirm={() => withdraw.mutate(undefined)}
      />
      <ErrorBanner error={withdraw.error} />
    </>
  );
}

/** A card that opens into a form. */
function Opener({
  label,
  title,
  children,
}: {
  label: string;
  title: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p>
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {label}
        </button>
      </p>
    );
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {children(() => setOpen(false))}
    </section>
  );
}

function ReviseForm({ r }: { r: R }) {
  return (
    <Opener label="Revise the requirement" title="New revision">
      {(close) => <ReviseFields r={r} onDone={close} />}
    </Opener>
  );
}

function ReviseFields({ r, onDone }: { r: R; onDone: () => void }) {
  const calendars = useCalendarChoices();
  const v = r.current.businessValue;
  const [terms, setTerms] = useState(() => draftOf(r.current.terms));
  const [value, setValue] = useState<ValueDraft>({
    currency: v.currency,
    loss: String(v.lossPerOutageHourMinor / 100),
    description: v.description,
  });
  const [justification, setJustification] = useState(r.current.justification);
  const [note, setNote] = useState('');
  const revise = useRequirementAction<object>(r, '/revisions', true);
  const errors = fieldErrors(revise.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    revise.mutate(
      {
        terms: termsOf(terms),
        businessValue: businessValueOf(value),
        justification,
        note,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Revise the requirement">
      <ErrorBanner error={revise.error} fieldKeys={Object.keys(errors)} />
      <TermsEditor
        value={terms}
        onChange={setTerms}
        calendars={calendars}
        errors={issuesAt(revise.error, 'terms')}
      />
      <BusinessValueFields
        value={value}
        onChange={setValue}
        errors={issuesAt(revise.error, 'businessValue')}
      />
      <TextAreaField
        label="Justification"
        value={justification}
        onChange={setJustification}
        error={errors.justification}
      />
      <TextField
        label="What changed and why"
        value={note}
        onChange={setNote}
        error={errors.note}
        required
      />
      <FormActions busy={revise.isPending} submitLabel="Save revision" />
    </form>
  );
}

function Revisions({ r }: { r: R }) {
  return (
    <section className="card" aria-labelledby="req-revisions">
      <h2 id="req-revisions">Revision history</h2>
      <ol className="timeline">
        {[...r.revisions].reverse().map((x) => (
          <li key={x.revision}>
            <p>
              <strong>Revision {x.revision}</strong> by {x.author.name},{' '}
              {formatInstant(x.createdAt)}
              {x.note ? <> — {x.note}</> : <span className="muted"> — first statement</span>}
            </p>
            {x.revision > 1 ? <RevisionChanges id={r.id} to={x.revision} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RevisionChanges({ id, to }: { id: string; to: number }) {
  const [open, setOpen] = useState(false);
  const diff = useQuery({ ...revisionDiffQuery(id, to - 1, to), enabled: open });
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide changes' : `Changes from revision ${to - 1}`}
      </button>
      {open ? (
        diff.isPending ? (
          <Loading label="Comparing…" />
        ) : diff.isError ? (
          <ErrorBanner error={diff.error} />
        ) : diff.data.changes.length === 0 ? (
          <p className="muted">No changes.</p>
        ) : (
          <ul>
            {diff.data.changes.map((c) => (
              <li key={c.path}>{c.label}</li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

function Thread({ r, calendarName }: { r: R; calendarName: (id: string) => string }) {
  return (
    <section className="card" aria-labelledby="req-thread">
      <h2 id="req-thread">Negotiation</h2>
      {r.entries.length === 0 ? (
        <p className="muted">No comments or counter-proposals yet.</p>
      ) : (
        <ol className="timeline">
          {r.entries.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{e.author.name}</strong>{' '}
                {e.kind === 'counter_proposal' ? <Badge tone="info">Counter-proposal</Badge> : null}{' '}
                <span className="muted">
                  on revision {e.revision}, {formatInstant(e.createdAt)}
                </span>
              </p>
              <p className="prose">{e.body}</p>
              {e.terms ? (
                <>
                  <TermsTable
                    terms={e.terms}
                    calendarName={calendarName}
                    caption="Counter-proposed terms"
                  />
                  {e.adoptedInRevision !== null ? (
                    <p>
                      <Badge tone="good">Adopted as revision {e.adoptedInRevision}</Badge>
                    </p>
                  ) : r.can.revise ? (
                    <Adopt r={r} entryId={e.id} />
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {r.can.comment ? <Compose r={r} /> : null}
    </section>
  );
}

function Adopt({ r, entryId }: { r: R; entryId: string }) {
  const adopt = useRequirementAction<undefined>(r, `/comments/${entryId}/adopt`, true);
  return (
    <>
      <BusyButton
        busy={adopt.isPending}
        label="Adopt as a new revision"
        busyLabel="Adopting…"
        className="button button--secondary"
        onClick={() => adopt.mutate(undefined)}
      />
      <ErrorBanner error={adopt.error} />
    </>
  );
}

function Compose({ r }: { r: R }) {
  const calendars = useCalendarChoices();
  const [kind, setKind] = useState('comment');
  const [body, setBody] = useState('');
  const [terms, setTerms] = useState(() => draftOf(r.current.terms));
  const post = useRequirementAction<object>(r, '/comments');
  const errors = fieldErrors(post.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate(
      { kind, body, ...(kind === 'counter_proposal' ? { terms: termsOf(terms) } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setKind('comment');
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add to the negotiation">
      <ErrorBanner error={post.error} fieldKeys={Object.keys(errors)} />
      <SelectField
        label="Kind"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'comment', label: 'Comment' },
          { value: 'counter_proposal', label: 'Counter-proposal (other terms)' },
        ]}
        error={errors.kind}
      />
      <TextAreaField
        label={kind === 'comment' ? 'Comment' : 'What you propose and why'}
        value={body}
        onChange={setBody}
        error={errors.body}
      />
      {kind === 'counter_proposal' ? (
        <TermsEditor
          value={terms}
          onChange={setTerms}
          calendars={calendars}
          errors={issuesAt(post.error, 'terms')}
          legend="Proposed terms"
        />
      ) : null}
      <FormActions
        busy={post.isPending}
        submitLabel={kind === 'comment' ? 'Post comment' : 'Post counter-proposal'}
        busyLabel="Posting…"
      />
    </form>
  );
}

function Options({ r, calendarName }: { r: R; calendarName: (id: string) => string }) {
  return (
    <section className="card" aria-labelledby="req-options">
      <h2 id="req-options">Options</h2>
      {r.options.length === 0 ? (
        <p className="muted">
          No options yet. The service owner or a deputy answers with costed options.
        </p>
      ) : (
        <div className="grid-2">
          {r.options.map((o) => (
            <OptionCard key={o.id} r={r} option={o} calendarName={calendarName} />
          ))}
        </div>
      )}
      {r.can.propose ? <AddOption r={r} /> : null}
    </section>
  );
}

function OptionCard({
  r,
  option: o,
  calendarName,
}: {
  r: R;
  option: RequirementOption;
  calendarName: (id: string) => string;
}) {
  const withdraw = useRequirementAction<undefined>(r, `/options/${o.id}/withdraw`);
  return (
    <article className="card" aria-label={`Option ${o.label}`}>
      <h3>
        {o.label} <OptionStatusBadge option={o} />
      </h3>
      <dl className="details details--compact">
        <Detail label="Cost per month">{moneyText(o.monthlyCostMinor, o.currency)}</Detail>
        <Detail label="What it takes">{o.delivery}</Detail>
        <Detail label="Proposed by">
          {o.createdBy.name}, {formatInstant(o.createdAt, false)}
        </Detail>
      </dl>
      <TermsTable terms={o.terms} calendarName={calendarName} caption={o.label} />
      {o.status === 'proposed' && r.can.choose && !o.outdated ? (
        <ChooseOption requirementId={r.id} option={o} />
      ) : null}
      {o.status === 'proposed' && r.can.propose ? (
        <ConfirmButton
          label="Withdraw option"
          question={`Withdraw option ${o.label}? It stays visible as withdrawn.`}
          confirmLabel="Withdraw"
          busy={withdraw.isPending}
          onConfirm={() => withdraw.mutate(undefined)}
        />
      ) : null}
      <ErrorBanner error={withdraw.error} />
    </article>
  );
}

function AddOption({ r }: { r: R }) {
  return (
    <Opener label="Add an option" title={`New option answering revision ${r.revision}`}>
      {(close) => <OptionFields r={r} onDone={close} />}
    </Opener>
  );
}

function OptionFields({ r, onDone }: { r: R; onDone: () => void }) {
  const calendars = useCalendarChoices();
  const [label, setLabel] = useState('');
  const [currency, setCurrency] = useState(r.current.businessValue.currency);
  const [cost, setCost] = useState('');
  const [delivery, setDelivery] = useState('');
  const [terms, setTerms] = useState(() => draftOf(r.current.terms));
  const add = useRequirementAction<object>(r, '/options');
  const errors = fieldErrors(add.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        label,
        currency: currency.trim().toUpperCase(),
        monthlyCostMinor: minorOf(cost),
        delivery,
        terms: termsOf(terms),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add an option">
      <ErrorBanner error={add.error} fieldKeys={Object.keys(errors)} />
      <TextField label="Label" value={label} onChange={setLabel} error={errors.label} required />
      <TextField
        label="Currency"
        value={currency}
        onChange={setCurrency}
        error={errors.currency}
        hint="ISO 4217, e.g. EUR"
        required
      />
      <TextField
        label="Cost per month"
        type="number"
        value={cost}
        onChange={setCost}
        error={errors.monthlyCostMinor}
        hint="in the currency above"
        required
      />
      <TextAreaField
        label="What it takes to deliver"
        value={delivery}
        onChange={setDelivery}
        hint="e.g. a 24x7 on-call rota of 6 engineers"
        error={errors.delivery}
      />
      <TermsEditor
        value={terms}
        onChange={setTerms}
        calendars={calendars}
        errors={issuesAt(add.error, 'terms')}
        legend="What this option commits to"
      />
      <FormActions busy={add.isPending} submitLabel="Propose option" busyLabel="Proposing…" />
    </form>
  );
}
