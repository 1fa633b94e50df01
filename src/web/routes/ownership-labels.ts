// Labels of role kinds and states, shared by the ownership pages.
export const kindLabels: Record<string, string> = {
  service_owner: 'Service owner',
  process_owner: 'Process owner',
  customer_representative: 'Customer representative',
  delivery_lead: 'Delivery lead',
  deputy: 'Deputy service owner',
};

export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind.replace(/_/g, ' ');

export const stateTone = (state: string): 'good' | 'bad' | 'info' | 'neutral' =>
  state === 'active' || state === 'accepted'
    ? 'good'
    : state === 'lapsed' || state === 'declined' || state === 'expired'
      ? 'bad'
      : state === 'pending'
        ? 'info'
        : 'neutral';
