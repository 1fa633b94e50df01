// My notifications: newest first, unread only on request; mark one or all read, open the subject.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request } from '../api.js';
import { BusyButton } from '../components/form.js';
import { ListBody } from '../components/list.js';
import { Badge, Empty, ErrorBanner, PageHeader, formatInstant } from '../components/ui.js';
import { listQuery } from '../queries.js';
import type { Notification } from '../../contract/notifications.js';

export type NotificationsSearch = { unread?: true };

function SubjectLink({ link }: { link: string | null }) {
  if (!link) return null;
  if (/^https?:\/\//.test(link))
    return (
      <a href={link} className="button button--ghost" rel="noreferrer">
        Open
      </a>
    );
  return (
    <Link to={link} className="button button--ghost">
      Open
    </Link>
  );
}

export function Notifications({
  search,
  setSearch,
}: {
  search: NotificationsSearch;
  setSearch: (s: NotificationsSearch) => void;
}) {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    listQuery<Notification>('/notifications', { unread: search.unread }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      request<Notification>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => request<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: refresh,
  });
  const unreadOnly = search.unread === true;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What needs your attention. Email delivery follows your preference on the Account page."
        actions={
          <BusyButton
            className="button button--secondary"
            onClick={() => markAll.mutate()}
            busy={markAll.isPending}
            label="Mark all read"
            busyLabel="Marking…"
          />
        }
      />
      <div className="card filters">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setSearch(e.target.checked ? { unread: true } : {})}
          />{' '}
          Unread only
        </label>
      </div>
      <ErrorBanner error={markRead.error ?? markAll.error} />
      <ListBody
        query={query}
        noun="notifications"
        empty={<Empty title={unreadOnly ? 'Nothing unread.' : 'No notifications yet.'} />}
      >
        {(items) => (
          <ul className="notifications" aria-label="Notifications">
            {items.map((n) => (
              <li
                key={n.id}
                className={`card notification${n.readAt ? '' : ' notification--unread'}`}
              >
                <div className="notification__head">
                  <h2 className="notification__subject">{n.subject}</h2>
                  {n.readAt ? null : <Badge tone="info">Unread</Badge>}
                  <span className="muted">{formatInstant(n.createdAt)}</span>
                </div>
                {n.body ? <p className="notification__body">{n.body}</p> : null}
                <div className="form-actions">
                  <SubjectLink link={n.link} />
                  {n.readAt ? null : (
                    <BusyButton
                      className="button button--secondary"
                      onClick={() => markRead.mutate(n.id)}
                      busy={markRead.isPending && markRead.variables === n.id}
                      label="Mark read"
                      busyLabel="Marking…"
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListBody>
    </>
  );
}
