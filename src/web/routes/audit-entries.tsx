import { Fragment } from 'react';
import { ResourceLink } from '../components/links.js';
import { DataTable, type Column } from '../components/table.js';
import { Detail, formatInstant } from '../components/ui.js';
import type { AuditEntry } from '../queries.js';
import { orgUnitsResource, peopleResource, teamsResource, type Resource } from '../resources.js';

const columns: Column[] = [
  { label: 'Seq', className: 'num col-optional' },
  { label: 'Time', className: 'col-optional' },
  { label: 'Actor' },
  { label: 'Action' },
  { label: 'Entity type', className: 'col-optional' },
  { label: 'Entity id', className: 'col-optional' },
  { label: <span className="visually-hidden">Details</span> },
];

const entityResources: Record<string, Resource> = {
  person: peopleResource,
  team: teamsResource,
  org_unit: orgUnitsResource,
  'org-unit': orgUnitsResource,
  orgUnit: orgUnitsResource,
};

function EntityLink({ type, id }: { type: string; id: string | null }) {
  if (!id) return <span className="muted">—</span>;
  const short = <code title={id}>{id.length > 13 ? `${id.slice(0, 8)}…` : id}</code>;
  const resource = Object.hasOwn(entityResources, type) ? entityResources[type] : undefined;
  if (!resource) return short;
  return (
    <ResourceLink resource={resource} id={id}>
      {short}
    </ResourceLink>
  );
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <p className="muted">Nothing</p>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** "team.member.added" with break opportunities after the dots. */
function Action({ action }: { action: string }) {
  return (
    <code className="action">
      {action.split('.').map((part, i) => (
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
  );
}

/** Audit entries, newest first; each row opens to its hashes and before / after values. */
export function AuditTable({
  items,
  open,
  toggle,
}: {
  items: AuditEntry[];
  /** Seqs of the entries shown open. */
  open: Set<number>;
  toggle: (seq: number) => void;
}) {
  return (
    <DataTable
      caption="Audit entries, newest first"
      columns={columns}
      className="table table--audit"
    >
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
                <Action action={e.action} />
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
            {isOpen ? <EntryDetails entry={e} /> : null}
          </Fragment>
        );
      })}
    </DataTable>
  );
}

function EntryDetails({ entry: e }: { entry: AuditEntry }) {
  return (
    <tr className="row-details" id={`audit-${e.seq}`}>
      <td colSpan={7}>
        <dl className="details details--compact">
          <Detail label="Entity">
            {e.entityType} <code>{e.entityId ?? '—'}</code>
          </Detail>
          <Detail label="Request id">
            <code>{e.requestId ?? '—'}</code>
          </Detail>
          <Detail label="Hash">
            <code className="hash">{e.hash}</code>
          </Detail>
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
  );
}
