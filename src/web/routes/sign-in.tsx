import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { fieldErrors, request, setCsrfToken } from '../api.js';
import { safeRedirect } from '../auth.js';
import { ErrorBanner, TextField } from '../components/ui.js';
import { meQuery, type Me } from '../queries.js';

export function SignIn({ redirect }: { redirect: string | undefined }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () =>
      request<Me>('/auth/login', { method: 'POST', body: { email: email.trim(), password } }),
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
            value={email}
            onChange={setEmail}
            error={errors.email}
            autoComplete="username"
            required
            autoFocus
          />
          <TextField
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            autoComplete="current-password"
            required
          />
          <button
            type="submit"
            className="button button--block"
            disabled={login.isPending}
            aria-busy={login.isPending || undefined}
          >
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
