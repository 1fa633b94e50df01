// Verify an agreement document (HTML, PDF or Markdown): is it the content that was signed?
import { PageHeader } from '../components/ui.js';

export function AgreementVerifyPage() {
  return (
    <>
      <PageHeader
        title="Verify an agreement document"
        description="Check that an exported agreement is exactly what was signed."
      />
    </>
  );
}
