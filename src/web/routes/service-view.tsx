// The service view: a service and everything under it, as a layered graph (React Flow, laid out
// by elkjs loaded on demand) and as a table of the same data for keyboard and screen readers.
// This module is its own chunk: the router loads it only when a service view is opened.
import { memo, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Role } from '../../contract/ownership.js';
import { fetchAll } from '../api.js';
import { useTeamsById } from '../components/pickers.js';
import { TierBadge } from '../components/service-badges.js';
import { ErrorBanner, Loading, PageHeader } from '../components/ui.js';
import type { Team } from '../queries.js';
import {
  dependencyTypeLabels,
  kindLabels,
  serviceViewQuery,
  type Reached,
  type ServiceView,
} from '../services.js';

const NODE_WIDTH = 230;
const NODE_HEIGHT = 104;

type CardData = { service: Reached; team: string | null; root: boolean };
type CardNode = Node<CardData, 'service'>;

/** The root (depth 0) with the services under it, and only edges between those. */
function normalise(view: ServiceView): ServiceView {
  const nodes = view.nodes.some((n) => n.id === view.root.id)
    ? view.nodes
    : [{ ...view.root, depth: 0 }, ...view.nodes];
  const ids = new Set(nodes.map((n) => n.id));
  return { ...view, nodes, edges: view.edges.filter((e) => ids.has(e.fromId) && ids.has(e.toId)) };
}

/** Positions from elkjs's layered algorithm, top (the service) to bottom (what it rests on). */
async function layout(view: ServiceView): Promise<Map<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '36',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: view.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: view.edges.map((e) => ({ id: e.id, sources: [e.fromId], targets: [e.toId] })),
  });
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

/** Active service owners by service id (one query for the whole portfolio, cached). */
function useOwnerNames(): Map<string, string> {
  const { data } = useQuery({
    queryKey: ['/roles', 'service-owners'],
    queryFn: () =>
      fetchAll<Role>('/roles', { kind: 'service_owner', activeAt: new Date().toISOString() }),
  });
  return useMemo(
    () => new Map((data ?? []).map((r) => [r.scope.serviceId ?? '', r.person.name])),
    [data],
  );
}

const ServiceCard = memo(function ServiceCard({ data }: NodeProps<CardNode>) {
  const s = data.service;
  const owner = useOwnerNames().get(s.id);
  return (
    <div className={`svc-node svc-node--${s.kind}${data.root ? ' svc-node--root' : ''}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <Link to="/services/$ref" params={{ ref: s.slug }} className="svc-node__name nodrag">
        {s.name}
      </Link>
      <span className="svc-node__meta">
        {kindLabels[s.kind]} · <TierBadge tier={s.tier} />
      </span>
      <span className="svc-node__team">{data.team ?? 'No team'}</span>
      <span className="svc-node__owner">{owner ?? 'no accepted owner'}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { service: ServiceCard };

const edgeStyles: Record<
  string,
  { stroke: string; strokeDasharray?: string; strokeWidth: number }
> = {
  runs_on: { stroke: '#374151', strokeWidth: 2 },
  uses: { stroke: '#1d4ed8', strokeWidth: 1.5 },
  data_from: { stroke: '#116329', strokeWidth: 1.5, strokeDasharray: '6 4' },
};

function Graph({ view, teams }: { view: ServiceView; teams: Map<string, Team> }) {
  const positions = useQuery({
    queryKey: [
      '/services',
      'view-layout',
      view.root.id,
      view.nodes.length,
      view.edges.map((e) => e.id).join(),
    ],
    queryFn: () => layout(view),
    staleTime: Infinity,
    retry: false,
  });
  const nodes = useMemo<CardNode[]>(
    () =>
      view.nodes.map((n) => ({
        id: n.id,
        type: 'service',
        position: positions.data?.get(n.id) ?? { x: 0, y: 0 },
        data: {
          service: n,
          team: n.teamId ? (teams.get(n.teamId)?.name ?? 'Unknown team') : null,
          root: n.id === view.root.id,
        },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      })),
    [view, positions.data, teams],
  );
  const edges = useMemo<Edge[]>(
    () =>
      view.edges.map((e) => {
        const style = edgeStyles[e.type] ?? edgeStyles.uses!;
        return {
          id: e.id,
          source: e.fromId,
          target: e.toId,
          label: dependencyTypeLabels[e.type],
          style,
          labelStyle: { fill: style.stroke, fontSize: 11, fontWeight: 600 },
          labelBgStyle: { fill: '#ffffff' },
          labelBgPadding: [4, 2] as [number, number],
          markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke },
        };
      }),
    [view],
  );

  // A large graph starts on its top layers, readable; pan, zoom or the minimap show the rest.
  const fitOptions = useMemo(
    () => ({
      padding: 0.1,
      maxZoom: 1,
      ...(view.nodes.length > 30
        ? { nodes: view.nodes.filter((n) => n.depth <= 2).map((n) => ({ id: n.id })) }
        : {}),
    }),
    [view],
  );

  if (positions.isPending) return <Loading label="Laying out the graph…" />;
  if (positions.isError) return <ErrorBanner error={positions.error} />;
  return (
    <div
      className="flow"
      aria-label={`Graph of ${view.root.name} and what it depends on`}
      role="figure"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.1}
        maxZoom={2}
        nodesConnectable={false}
        elementsSelectable
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} color="#e5e7eb" />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Overview of the graph"
          nodeColor={(n) => kindColor((n.data as CardData).service.kind)}
        />
      </ReactFlow>
    </div>
  );
}

const kindColor = (kind: string) =>
  kind === 'business_service' ? '#1d4ed8' : kind === 'technical_service' ? '#6b7280' : '#b6bcc6';

function ViewTable({ view, teams }: { view: ServiceView; teams: Map<string, Team> }) {
  const owners = useOwnerNames();
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const rows = [...view.nodes].sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
  return (
    <div className="table-wrap">
      <table className="table table--view">
        <caption>
          {view.root.name} and everything under it: {view.nodes.length} services,{' '}
          {view.edges.length} dependencies
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">
              Depth
            </th>
            <th scope="col">Kind</th>
            <th scope="col">Tier</th>
            <th scope="col">Team</th>
            <th scope="col">Owner</th>
            <th scope="col">Depends on</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => {
            const out = view.edges.filter((e) => e.fromId === n.id);
            return (
              <tr key={n.id}>
                <th scope="row">
                  <Link to="/services/$ref" params={{ ref: n.slug }} className="strong-link">
                    {n.name}
                  </Link>
                </th>
                <td className="num">{n.depth}</td>
                <td>{kindLabels[n.kind]}</td>
                <td>
                  <TierBadge tier={n.tier} />
                </td>
                <td>{n.teamId ? (teams.get(n.teamId)?.name ?? 'Unknown team') : '—'}</td>
                {owners.get(n.id) ? (
                  <td>{owners.get(n.id)}</td>
                ) : (
                  <td className="muted">no accepted owner</td>
                )}
                <td>
                  {out.length === 0 ? (
                    <span className="muted">Nothing</span>
                  ) : (
                    <ul className="comma-list">
                      {out.map((e) => (
                        <li key={e.id}>
                          {byId.get(e.toId)?.name ?? 'Unknown service'}{' '}
                          <span className="muted">
                            ({dependencyTypeLabels[e.type]?.toLowerCase()})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ServiceViewPage() {
  const params: Partial<Record<string, string>> = useParams({ strict: false });
  const ref = params.ref ?? '';
  const query = useQuery({ ...serviceViewQuery(ref), select: normalise });
  const teams = useTeamsById();
  const [as, setAs] = useState<'graph' | 'table'>('graph');
  if (query.isPending) return <Loading label="Loading the service view…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const view = query.data;

  const tab = (value: 'graph' | 'table', label: string) => (
    <button
      type="button"
      role="tab"
      id={`view-tab-${value}`}
      aria-selected={as === value}
      aria-controls={`view-panel-${value}`}
      className={`tab${as === value ? ' tab--active' : ''}`}
      onClick={() => setAs(value)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = as === 'graph' ? 'table' : 'graph';
          setAs(next);
          document.getElementById(`view-tab-${next}`)?.focus();
        }
      }}
      tabIndex={as === value ? 0 : -1}
    >
      {label}
    </button>
  );

  return (
    <>
      <PageHeader
        back={{ to: '/services/$ref', params: { ref: view.root.slug }, label: view.root.name }}
        title={`Service view: ${view.root.name}`}
        description={`${view.nodes.length - 1} services and ${view.edges.length} dependencies hold it up. Owners are shown once they accept ownership.`}
      />
      <div className="view-bar">
        <div role="tablist" aria-label="Show as" className="tabs">
          {tab('graph', 'Graph')}
          {tab('table', 'Table')}
        </div>
        <ul className="legend" aria-label="Dependency types">
          {Object.entries(dependencyTypeLabels).map(([type, label]) => (
            <li key={type}>
              <span className={`legend__line legend__line--${type}`} aria-hidden="true" /> {label}
            </li>
          ))}
        </ul>
      </div>
      <div
        role="tabpanel"
        id={`view-panel-${as}`}
        aria-labelledby={`view-tab-${as}`}
        className="view-panel"
      >
        {as === 'graph' ? (
          <Graph view={view} teams={teams} />
        ) : (
          <ViewTable view={view} teams={teams} />
        )}
      </div>
    </>
  );
}
