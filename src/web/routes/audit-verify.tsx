import { useMutation } from '@tanstack/react-query';
import { request } from '../api.js';
import { BusyButton } from '../components/form.js';
import { Badge, ErrorBanner } from '../components/ui.js';
import type { AuditVerificationResult } from '../queries.js';

/** Check the audit hash chain and say whether it is intact. */
export function VerifyChain() {
  const verify = useMutation({
    mutationFn: () => request<AuditVerificationResult>('/audit/verify'),
  });
  return (
    <div className="verify">
      <BusyButton
        className="button button--secondary"
        onClick={() => verify.mutate()}
        busy={verify.isPending}
        label="Verify chain"
        busyLabel="Verifying…"
      />
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
