import type { Seniority } from '../../core/people.js';

/**
 * The demo retailer: an online and high-street retailer with a marketplace, its own warehouses
 * and a customer service centre. Loaded by `npm start` into an empty database only.
 */
export const demoAdmin = {
  email: 'admin@demo.charter.example',
  password: 'charter-demo-admin',
};

export const demoOrgUnits = [
  {
    name: 'Retail & Marketplace',
    description: 'Online shop, marketplace sellers and the high-street stores.',
  },
  {
    name: 'Supply Chain & Logistics',
    description: 'Purchasing, warehouses, transport and returns.',
  },
  { name: 'Customer Service', description: 'Contact centre, complaints and after-sales care.' },
  { name: 'Finance', description: 'Accounting, payments reconciliation, tax and reporting.' },
];

type DemoPerson = [
  name: string,
  title: string,
  seniority: Seniority,
  managerName: string | null,
  orgUnit: string | null,
];

export const demoPeople: DemoPerson[] = [
  ['Helena Marsh', 'Chief Executive Officer', 'executive', null, null],
  ['Amira Okafor', 'Chief Information Officer', 'executive', 'Helena Marsh', null],
  [
    'Julian Brandt',
    'Chief Operating Officer',
    'executive',
    'Helena Marsh',
    'Supply Chain & Logistics',
  ],
  [
    'Sofia Lindqvist',
    'Chief Commercial Officer',
    'executive',
    'Helena Marsh',
    'Retail & Marketplace',
  ],
  ['Robert Achebe', 'Chief Financial Officer', 'executive', 'Helena Marsh', 'Finance'],
  ['Dana Whitfield', 'Head of Service Management', 'senior_manager', 'Amira Okafor', null],
  ['Marcus Feld', 'Head of Engineering', 'senior_manager', 'Amira Okafor', null],
  ['Priya Raman', 'Head of Infrastructure & Operations', 'senior_manager', 'Amira Okafor', null],
  ['Tomasz Nowak', 'Head of Information Security', 'senior_manager', 'Amira Okafor', null],
  [
    'Claire Dubois',
    'Director of Customer Service',
    'senior_manager',
    'Julian Brandt',
    'Customer Service',
  ],
  [
    'Hassan Qureshi',
    'Director of Logistics',
    'senior_manager',
    'Julian Brandt',
    'Supply Chain & Logistics',
  ],
  [
    'Emma Castillo',
    'Director of E-commerce',
    'senior_manager',
    'Sofia Lindqvist',
    'Retail & Marketplace',
  ],
  ['Oliver Grant', 'Financial Controller', 'senior_manager', 'Robert Achebe', 'Finance'],
  ['Nina Petrova', 'Platform Engineering Manager', 'manager', 'Marcus Feld', null],
  ['Samuel Osei', 'Payments Engineering Manager', 'manager', 'Marcus Feld', null],
  ['Lucia Romano', 'Storefront Engineering Manager', 'manager', 'Marcus Feld', null],
  ['Erik Johansson', 'Warehouse Systems Manager', 'manager', 'Marcus Feld', null],
  ['Grace Kim', 'Network & Infrastructure Manager', 'manager', 'Priya Raman', null],
  ['Patrick Doyle', 'Service Desk Manager', 'manager', 'Dana Whitfield', null],
  ['Aisha Bello', 'Data & Analytics Manager', 'manager', 'Marcus Feld', null],
  ['Victor Meyer', 'Security Operations Manager', 'manager', 'Tomasz Nowak', null],
  ['Leah Cohen', 'Service Level Manager', 'manager', 'Dana Whitfield', null],
  [
    'Daniel Park',
    'Marketplace Product Manager',
    'manager',
    'Emma Castillo',
    'Retail & Marketplace',
  ],
  [
    'Fatima Zahra',
    'Warehouse Operations Manager',
    'manager',
    'Hassan Qureshi',
    'Supply Chain & Logistics',
  ],
  ['George Mensah', 'Contact Centre Manager', 'manager', 'Claire Dubois', 'Customer Service'],
  ['Ingrid Holm', 'Senior Site Reliability Engineer', 'staff', 'Nina Petrova', null],
  ['Kenji Watanabe', 'Platform Engineer', 'staff', 'Nina Petrova', null],
  ['Maria Gonzalez', 'Senior Payments Engineer', 'staff', 'Samuel Osei', null],
  ['Noah Fischer', 'Payments Engineer', 'staff', 'Samuel Osei', null],
  ['Olivia Brown', 'Frontend Engineer', 'staff', 'Lucia Romano', null],
  ['Pedro Alves', 'Backend Engineer', 'staff', 'Lucia Romano', null],
  ['Rachel Adams', 'Warehouse Systems Engineer', 'staff', 'Erik Johansson', null],
  ['Stefan Novak', 'Network Engineer', 'staff', 'Grace Kim', null],
  ['Tariq Hussain', 'Systems Administrator', 'staff', 'Grace Kim', null],
  ['Uma Reddy', 'Service Desk Analyst', 'staff', 'Patrick Doyle', null],
  ['Walter Schmidt', 'Service Desk Analyst', 'staff', 'Patrick Doyle', null],
  ['Yara Haddad', 'Data Engineer', 'staff', 'Aisha Bello', null],
  ['Zoe Clarke', 'Security Analyst', 'staff', 'Victor Meyer', null],
  ['Ben Turner', 'Account Manager, Northwind Hosting', 'external', 'Priya Raman', null],
  ['Chloe Martin', 'Consultant, Payments Gateway Partner', 'external', 'Samuel Osei', null],
];

export const demoTeams: { name: string; description: string; lead: string; members: string[] }[] = [
  {
    name: 'Platform Engineering',
    description: 'Kubernetes platform, CI/CD and shared runtime services.',
    lead: 'Nina Petrova',
    members: ['Ingrid Holm', 'Kenji Watanabe'],
  },
  {
    name: 'Payments',
    description: 'Checkout, payment gateway integration, refunds and fraud checks.',
    lead: 'Samuel Osei',
    members: ['Maria Gonzalez', 'Noah Fischer', 'Chloe Martin'],
  },
  {
    name: 'Storefront',
    description: 'Web shop, mobile apps, search and the marketplace seller portal.',
    lead: 'Lucia Romano',
    members: ['Olivia Brown', 'Pedro Alves'],
  },
  {
    name: 'Warehouse Systems',
    description: 'Warehouse management, picking and carrier integrations.',
    lead: 'Erik Johansson',
    members: ['Rachel Adams'],
  },
  {
    name: 'Network & Infrastructure',
    description: 'Data centre, cloud accounts, network and store connectivity.',
    lead: 'Grace Kim',
    members: ['Stefan Novak', 'Tariq Hussain', 'Ben Turner'],
  },
  {
    name: 'Service Desk',
    description: 'First-line support for staff, stores and warehouses.',
    lead: 'Patrick Doyle',
    members: ['Uma Reddy', 'Walter Schmidt'],
  },
  {
    name: 'Data & Analytics',
    description: 'Data warehouse, reporting and demand forecasting.',
    lead: 'Aisha Bello',
    members: ['Yara Haddad'],
  },
  {
    name: 'Security Operations',
    description: 'Monitoring, incident response and access reviews.',
    lead: 'Victor Meyer',
    members: ['Zoe Clarke'],
  },
];

/** Email of a demo person: first.last@demo.charter.example. */
export const demoEmail = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')}@demo.charter.example`;
