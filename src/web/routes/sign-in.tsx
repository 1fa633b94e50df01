import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { fieldErrors, request, setCsrfToken } from '../api.js';
import { safeRedirect } from '../auth.js';
import { TextField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { ErrorBanner } from '../components/ui.js';
import { useFields } from '../components/use-fields.js';
import { meQuery, type Me } from '../queries.js';

export function SignIn({ redirect }: { redirect: string | undefined }) {
  const router = useRouter();
  const qc = useQueryClient();
  const { values, bind } = useFields({ email: '', password: '' });
  const login = useMutation({
    mutationFn: () =>
      request<Me>('/auth/login', {
        method: 'POST',
        body: { email: values.email.trim(), password: values.password },
      }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.clear();
      qc.setQueryData(meQuery.queryKey, me);
      router.history.push(safeRedirect(redirect));
    },
  });
  const errors = fieldErrors(login.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <div className="auth-page">
      <main className="auth-card" id="main">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          Charter
        </div>
        <h1>Sign in</h1>
        <p className="muted">Service ownership and service levels as real commitments.</p>
        <form onSubmit={onSubmit} noValidate className="form" aria-label="Sign in">
          <ErrorBanner error={login.error} fieldKeys={Object.keys(errors)} />
          <TextField
            label="Email"
            type="email"
            {...bind('email', errors)}
            autoComplete="username"
            required
            autoFocus
          />
          <TextField
            label="Password"
            type="password"
            {...bind('password', errors)}
            autoComplete="current-password"
            required
          />
          <BusyButton
            submit
            className="button button--block"
            busy={login.isPending}
            label="Sign in"
            busyLabel="Signing in…"
          />
        </form>
      </main>
    </div>
  );
}
