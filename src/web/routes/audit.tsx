import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Query } from '../api.js';
import { Field, TextField } from '../components/fields.js';
import { ListBody } from '../components/list.js';
import { PersonSelect } from '../components/pickers.js';
import { Empty, PageHeader } from '../components/ui.js';
import { listQuery, type AuditEntry } from '../queries.js';
import { AuditTable } from './audit-entries.js';
import { VerifyChain } from './audit-verify.js';

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
  const setInstant = (k: 'from' | 'to') => (v: string) =>
    setDraft((d) => ({ ...d, [k]: fromLocalInput(v) }));
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
            onChange={setInstant('from')}
          />
          <TextField
            label="To"
            type="datetime-local"
            value={toLocalInput(draft.to)}
            onChange={setInstant('to')}
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
        {(items) => <AuditTable items={items} open={open} toggle={toggle} />}
      </ListBody>
    </>
  );
}
