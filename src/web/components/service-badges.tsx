// Small pieces showing a service's tier, lifecycle and tags.
import { lifecycleLabels } from '../services.js';

export function TierBadge({ tier }: { tier: number }) {
  return <span className={`tier tier--${tier}`}>Tier {tier}</span>;
}

export function LifecycleBadge({ lifecycle }: { lifecycle: string }) {
  return (
    <span
      className={`badge ${lifecycle === 'live' ? 'badge--good' : lifecycle === 'pipeline' ? 'badge--info' : ''}`}
    >
      {lifecycleLabels[lifecycle] ?? lifecycle}
    </span>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="tags">
      {tags.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      ))}
    </span>
  );
}
