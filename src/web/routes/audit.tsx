import { Fragment, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request, type Query } from '../api.js';
import { ListBody } from '../components/list.js';
import { PersonSelect } from '../components/pickers.js';
import {
  Badge,
  Empty,
  ErrorBanner,
  Field,
  PageHeader,
  TextField,
  formatInstant,
} from '../components/ui.js';
import { listQuery, type AuditEntry, type AuditVerificationResult } from '../queries.js';

export type AuditSearch = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
};

const KNOWN_ENTITY_TYPES = ['person', 'team', 'org_unit', 'api_token'];

/** ISO instant → value for <input type="datetime-local"> in the browser's zone. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function EntityLink({ type, id }: { type: string; id: string | null }) {
  if (!id) return <span className="muted">—</span>;
  const short = <code title={id}>{id.length > 13 ? `${id.slice(0, 8)}…` : id}</code>;
  if (type === 'person')
    return (
      <Link to="/people/$personId" params={{ personId: id }}>
        {short}
      </Link>
    );
  if (type === 'team')
    return (
      <Link to="/teams/$teamId" params={{ teamId: id }}>
        {short}
      </Link>
    );
  if (type === 'org_unit' || type === 'org-unit' || type === 'orgUnit')
    return (
      <Link to="/org-units/$orgUnitId" params={{ orgUnitId: id }}>
        {short}
      </Link>
    );
  return short;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <p className="muted">Nothing</p>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

function VerifyChain() {
  const verify = useMutation({
    mutationFn: () => request<AuditVerificationResult>('/audit/verify'),
  });
  return (
    <div className="verify">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
      >
        {verify.isPending ? 'Verifying…' : 'Verify chain'}
      </button>
      <div aria-live="polite">
        {verify.data ? (
          verify.data.ok ? (
            <p className="verify__result verify__result--ok">
              <Badge tone="good">Intact</Badge> {verify.data.checked} entries checked; every hash
              links to the one before.
            </p>
          ) : (
            <p className="verify__result verify__result--bad" role="alert">
              <Badge tone="bad">Broken</Badge> Problem at entry {verify.data.firstBadSeq ?? '?'}:{' '}
              {verify.data.problem ?? 'unknown problem'} ({verify.data.checked} checked)
            </p>
          )
        ) : null}
        {verify.error ? <ErrorBanner error={verify.error} /> : null}
      </div>
    </div>
  );
}

export function AuditLog({
  search,
  setSearch,
}: {
  search: AuditSearch;
  setSearch: (s: AuditSearch) => void;
}) {
  const filters: Query = { ...search, sort: '-seq' };
  const query = useInfiniteQuery(listQuery<AuditEntry>('/audit', filters));
  const [draft, setDraft] = useState<AuditSearch>(search);
  const [draftKey, setDraftKey] = useState(JSON.stringify(search));
  const [open, setOpen] = useState<Set<number>>(new Set());
  // Keep the form in step with the URL (back/forward navigation).
  if (JSON.stringify(search) !== draftKey) {
    setDraftKey(JSON.stringify(search));
    setDraft(search);
  }
  const set = (k: keyof AuditSearch) => (v: string) =>
    setDraft((d) => ({ ...d, [k]: v || undefined }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next: AuditSearch = {};
    for (const [k, v] of Object.entries(draft) as [keyof AuditSearch, string | undefined][]) {
      const t = v?.trim();
      if (t) next[k] = t;
    }
    setSearch(next);
  };
  const toggle = (seq: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  const filtered = Object.values(search).some(Boolean);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, append-only and hash-chained: a signed commitment can never be changed silently."
        actions={<VerifyChain />}
      />
      <form className="card filters" onSubmit={apply} aria-label="Filter audit entries">
        <div className="filters__grid">
          <TextField
            label="Action"
            value={draft.action ?? ''}
            onChange={set('action')}
            hint="e.g. team.created"
          />
          <Field label="Entity type">
            {({ id, describedBy }) => (
              <>
                <input
                  id={id}
                  list="entity-types"
                  value={draft.entityType ?? ''}
                  onChange={(e) => set('entityType')(e.target.value)}
                  aria-describedby={describedBy}
                />
                <datalist id="entity-types">
                  {KNOWN_ENTITY_TYPES.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <TextField label="Entity id" value={draft.entityId ?? ''} onChange={set('entityId')} />
          <PersonSelect
            label="Actor"
            value={draft.actorId ?? ''}
            onChange={set('actorId')}
            placeholder="Anyone"
          />
          <TextField
            label="From"
            type="datetime-local"
            value={toLocalInput(draft.from)}
            onChange={(v) => setDraft((d) => ({ ...d, from: fromLocalInput(v) }))}
          />
          <TextField
            label="To"
            type="datetime-local"
            value={toLocalInput(draft.to)}
            onChange={(v) => setDraft((d) => ({ ...d, to: fromLocalInput(v) }))}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          {filtered ? (
            <button type="button" className="button button--ghost" onClick={() => setSearch({})}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
      <ListBody
        query={query}
        noun="entries"
        empty={
          <Empty
            title={filtered ? 'No audit entries match these filters.' : 'The audit log is empty.'}
          />
        }
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table table--audit">
              <caption className="visually-hidden">Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className="num col-optional">
                    Seq
                  </th>
                  <th scope="col" className="col-optional">
                    Time
                  </th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col" className="col-optional">
                    Entity type
                  </th>
                  <th scope="col" className="col-optional">
                    Entity id
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Details</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => {
                  const isOpen = open.has(e.seq);
                  return (
                    <Fragment key={e.seq}>
                      <tr className={isOpen ? 'row--open' : undefined}>
                        <td className="num col-optional">{e.seq}</td>
                        <td className="nowrap col-optional">{formatInstant(e.at)}</td>
                        <td>
                          {e.actorName || <span className="muted">system</span>}
                          <span className="cell-sub only-narrow">
                            #{e.seq} · {formatInstant(e.at)}
                          </span>
                        </td>
                        <td>
                          <code className="action">
                            {e.action.split('.').map((part, i) => (
                              <Fragment key={i}>
                                {i > 0 ? (
                                  <>
                                    .<wbr />
                                  </>
                                ) : null}
                                {part}
                              </Fragment>
                            ))}
                          </code>
                        </td>
                        <td className="col-optional">{e.entityType}</td>
                        <td className="col-optional">
                          <EntityLink type={e.entityType} id={e.entityId} />
                        </td>
                        <td className="cell-action">
                          <button
                            type="button"
                            className="button button--small button--ghost"
                            aria-expanded={isOpen}
                            aria-controls={`audit-${e.seq}`}
                            onClick={() => toggle(e.seq)}
                          >
                            {isOpen ? 'Hide' : 'Details'}
                            <span className="visually-hidden"> of entry {e.seq}</span>
                          </button>
                        </td>
                      </tr>
                      {isOpen ? (
                        <tr className="row-details" id={`audit-${e.seq}`}>
                          <td colSpan={7}>
                            <dl className="details details--compact">
                              <div>
                                <dt>Entity</dt>
                                <dd>
                                  {e.entityType} <code>{e.entityId ?? '—'}</code>
                                </dd>
                              </div>
                              <div>
                                <dt>Request id</dt>
                                <dd>
                                  <code>{e.requestId ?? '—'}</code>
                                </dd>
                              </div>
                              <div>
                                <dt>Hash</dt>
                                <dd>
                                  <code className="hash">{e.hash}</code>
                                </dd>
                              </div>
                            </dl>
                            <div className="json-compare">
                              <section aria-label={`Before, entry ${e.seq}`}>
                                <h3>Before</h3>
                                <Json value={e.before} />
                              </section>
                              <section aria-label={`After, entry ${e.seq}`}>
                                <h3>After</h3>
                                <Json value={e.after} />
                              </section>
                            </div>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ListBody>
    </>
  );
}
