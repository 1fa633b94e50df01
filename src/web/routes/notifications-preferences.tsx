// The account page's card for how notifications reach me by email.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../api.js';
import { ErrorBanner, Loading } from '../components/ui.js';
import type { NotificationPreferences as Preferences } from '../../contract/notifications.js';

const choices: { value: Preferences['email']; label: string; hint: string }[] = [
  { value: 'immediate', label: 'Immediately', hint: 'One email for each notification.' },
  { value: 'digest', label: 'Daily digest', hint: 'One email a day listing what is unread.' },
  { value: 'none', label: 'No email', hint: 'Only here, under Notifications.' },
];

export function NotificationPreferences() {
  const queryClient = useQueryClient();
  const key = ['/notifications', 'preferences'];
  const current = useQuery({
    queryKey: key,
    queryFn: () => request<Preferences>('/notifications/preferences'),
  });
  // The choice shows as made at once (a controlled radio that waited for the mutation to
  // start would flip back for a frame); a failed save falls back to what the server holds.
  const [chosen, setChosen] = useState<Preferences['email'] | null>(null);
  const save = useMutation({
    mutationFn: (email: Preferences['email']) =>
      request<Preferences>('/notifications/preferences', { method: 'PUT', body: { email } }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
    onSettled: () => setChosen(null),
  });
  return (
    <section className="card" aria-labelledby="notification-prefs-h">
      <h2 id="notification-prefs-h">Email notifications</h2>
      {current.isPending ? <Loading /> : null}
      <ErrorBanner error={current.error ?? save.error} />
      {current.data ? (
        <fieldset className="form" disabled={save.isPending} aria-busy={save.isPending}>
          <legend className="visually-hidden">Send me notifications by email</legend>
          {choices.map((c) => (
            <label key={c.value} className="radio">
              <input
                type="radio"
                name="email-preference"
                value={c.value}
                checked={(chosen ?? current.data.email) === c.value}
                onChange={() => {
                  setChosen(c.value);
                  save.mutate(c.value);
                }}
              />{' '}
              <strong>{c.label}</strong> <span className="muted">{c.hint}</span>
            </label>
          ))}
          {save.isSuccess ? (
            <p role="status" className="muted">
              Saved.
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </section>
  );
}
