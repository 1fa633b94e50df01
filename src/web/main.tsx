import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { isApiError } from './api.js';
import { createAppRouter } from './router.js';
import './styles.css';

/** A 401 anywhere means the session ended: go to sign-in and come back afterwards. */
function onApiError(error: unknown): void {
  if (!isApiError(error, 401)) return;
  const { pathname, href } = router.state.location;
  if (pathname === '/sign-in') return;
  queryClient.removeQueries({ queryKey: ['me'] });
  void router.navigate({ to: '/sign-in', search: { redirect: href } });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (count, error) => !isApiError(error) || (error.status >= 500 && count < 2),
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
