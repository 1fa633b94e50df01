import { Command, Option } from 'commander';
import { ConfigError } from '../config.js';
import { adminCreate } from './commands/admin-create.js';
import { apply } from './commands/apply.js';
import { backstageImport } from './commands/backstage-import.js';
import {
  calendarsApply,
  calendarsImportIcs,
  calendarsList,
  targetsList,
} from './commands/calendars.js';
import { exportCommand } from './commands/export.js';
import { servicesImport } from './commands/services-import.js';
import { ticketsImport } from './commands/tickets.js';
import { slaReport } from './commands/sla-report.js';
import { slaVerify } from './commands/sla-verify.js';
import { auditVerify } from './commands/audit-verify.js';
import { clockAdd, clockElapsed } from './commands/clock.js';
import { impact } from './commands/impact.js';
import { commitmentsList, commitmentsReport, raci } from './commands/commitments.js';
import { requirementsList, requirementsShow } from './commands/requirements.js';
import { agreementsList, agreementsShow } from './commands/agreements.js';
import {
  nominationsAccept,
  nominationsCreate,
  nominationsDecline,
  nominationsList,
  rolesList,
} from './commands/roles.js';
import {
  nominationsWithdraw,
  practicesList,
  rolesReaffirm,
  rolesResign,
} from './commands/roles-actions.js';
import { migrate } from './commands/migrate.js';
import { peopleImport } from './commands/people-import.js';
import { serve } from './commands/serve.js';
import { tokenCreate } from './commands/token-create.js';
import { CliError } from './context.js';

const program = new Command('charter')
  .description(
    'Charter: service ownership and service levels as real commitments.\nConfiguration comes from the environment (DATABASE_URL, PORT, HOST, ...); see the README.',
  )
  .showHelpAfterError();

const remote = (cmd: Command) =>
  cmd
    .addOption(
      new Option('--url <url>', 'Charter server URL')
        .env('CHARTER_URL')
        .default('http://127.0.0.1:3000'),
    )
    .addOption(new Option('--token <token>', 'API token (default: $CHARTER_TOKEN)'));

program
  .command('serve')
  .description('Start the server (API and web UI); applies pending migrations first')
  .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
  .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
  .option(
    '--demo',
    'load the demo retailer when the database is empty (never use in production)',
    false,
  )
  .action(serve);

program
  .command('migrate')
  .description('Apply pending database migrations to DATABASE_URL')
  .action(migrate);

program
  .command('admin')
  .description('Administer accounts on this machine')
  .command('create')
  .description(
    'Create an admin account (or make an existing person an admin); reads the password from standard input',
  )
  .requiredOption('--email <email>', 'email address to sign in with')
  .requiredOption('--name <name>', 'full name')
  .action(adminCreate);

program
  .command('token')
  .description('API tokens')
  .command('create')
  .description('Issue an API token to the person with --email (shown once)')
  .requiredOption('--email <email>', 'whose token it is')
  .requiredOption('--name <name>', 'what the token is for, e.g. "nightly import"')
  .option('--scope <scope>', 'read or write', 'read')
  .option('--expires-days <days>', 'expire after this many days')
  .action(tokenCreate);

remote(
  program
    .command('people')
    .description('People')
    .command('import')
    .description(
      'Import people from a CSV file (columns: name, email, title, seniority, manager_email, org_unit)',
    )
    .argument('<file>', 'CSV file with a header line')
    .option('--dry-run', 'report what would change without saving', false)
    .option('--json', 'print the report as JSON', false),
).action(peopleImport);

const importing = (cmd: Command) =>
  remote(
    cmd
      .option('--dry-run', 'report what would change without saving', false)
      .option('--atomic', 'save nothing when any item is rejected', false)
      .option('--json', 'print the report as JSON', false),
  );

importing(
  program
    .command('apply')
    .description(
      'Create or update teams, organisation units, services and dependencies from portfolio YAML (docs/portfolio-yaml.md); prints the diff',
    )
    .requiredOption('-f, --file <path>', 'a YAML file, or a directory of .yaml/.yml files'),
).action(apply);

remote(
  program
    .command('export')
    .description('Write the whole portfolio as portfolio YAML (the format of charter apply)')
    .option('-o, --output <file>', 'write to this file instead of standard output'),
).action(exportCommand);

importing(
  program
    .command('import')
    .description('Import from other tools')
    .command('backstage')
    .description('Import a Backstage catalogue (catalog-info.yaml); re-importing updates')
    .argument('<file>', 'a catalog-info.yaml file, or a directory of them'),
).action(backstageImport);

importing(
  program
    .command('services')
    .description('Services')
    .command('import')
    .description(
      'Import services from CSV (columns: slug, name, kind, lifecycle, tier, team, customers, tags, system, domain, description, depends_on)',
    )
    .argument('<file>', 'CSV file with a header line'),
).action(servicesImport);

remote(
  program
    .command('tickets')
    .description('Tickets (incidents and service requests)')
    .command('import')
    .description(
      'Import tickets with their history from JSON Lines, one ticket a line (docs/tickets.md); re-importing changes nothing',
    )
    .argument('<file>', 'a .jsonl file')
    .option(
      '--source <name>',
      'where the tickets come from (with externalId it identifies a ticket)',
      'import',
    )
    .option('--batch <lines>', 'lines sent per request', '500')
    .option('--json', 'print the report as JSON', false),
).action(ticketsImport);

remote(
  program
    .command('impact')
    .description('If a service fails, which business services suffer — and what it depends on')
    .argument('<service>', 'service slug or id')
    .option('--json', 'print the analysis as JSON', false),
).action(impact);

const commitmentsCmd = program
  .command('commitments')
  .description('Commitments: who promised what to whom, and whether the delivering party accepted');
remote(
  commitmentsCmd
    .command('list')
    .description('List commitments, soonest due first')
    .option('--unbacked', 'only open commitments the delivering party has not accepted', false)
    .option('--maker <email>', 'only those made by this person')
    .option('--json', 'print as JSON', false),
).action(commitmentsList);
remote(
  commitmentsCmd
    .command('report')
    .description('Unbacked commitments grouped by who made them')
    .option('--at <instant>', 'the report as it stood at this ISO-8601 instant')
    .option('--csv', 'print CSV', false)
    .option('--json', 'print as JSON', false),
).action(commitmentsReport);

const requirementsCmd = program
  .command('requirements')
  .description(
    'Service level requirements: what customers ask for, and the options answering them',
  );
remote(
  requirementsCmd
    .command('list')
    .description('List requirements, newest first')
    .option('--service <service>', 'only those for this service (slug or id)')
    .option('--status <status>', 'open, agreed or withdrawn')
    .option('--json', 'print as JSON', false),
).action(requirementsList);
remote(
  requirementsCmd
    .command('show')
    .description('A requirement: current terms, business value, negotiation and options')
    .argument('<id>', 'requirement id')
    .option('--json', 'print as JSON', false),
).action(requirementsShow);

const agreementsCmd = program
  .command('agreements')
  .description('Service level agreements: versions, signatures, OLAs and backing');
remote(
  agreementsCmd
    .command('list')
    .description('List agreements by code')
    .option('--service <service>', 'only those of this service (slug or id)')
    .option('--status <status>', 'active, pending, expired or ended')
    .option('--json', 'print as JSON', false),
).action(agreementsList);
remote(
  agreementsCmd
    .command('show')
    .description('An agreement: versions, targets with backing, OLAs and signatures')
    .argument('<ref>', 'agreement code (SLA-0001) or id')
    .option('--json', 'print as JSON', false),
).action(agreementsShow);

remote(
  program
    .command('raci')
    .description('Who is responsible, accountable, consulted and informed for a service')
    .argument('<service>', 'service slug or id (with --practice: practice id or key)')
    .option('--practice', 'show the RACI of a practice instead, e.g. incident_management', false)
    .option('--csv', 'print CSV (role,party_type,party,person,email,basis)', false),
).action(raci);

const rolesCmd = program
  .command('roles')
  .description('Accepted roles: service owners, process owners, deputies, delivery leads');
remote(
  rolesCmd
    .command('list')
    .description('List held roles (active or lapsed) with their term end')
    .option('--service <service>', 'only roles of this service (slug or id)')
    .option('--person <email>', 'only roles held by this person')
    .option('--all', 'include ended roles', false)
    .option('--json', 'print the roles as JSON', false),
).action(rolesList);
remote(
  rolesCmd
    .command('reaffirm')
    .description(
      'Re-affirm a role you hold for another term (from the later of today and its term end)',
    )
    .argument('<id>', 'role id')
    .option('--json', 'print the role as JSON', false),
).action(rolesReaffirm);
remote(
  rolesCmd
    .command('resign')
    .description('Resign a role you hold, with a reason')
    .argument('<id>', 'role id')
    .requiredOption('--reason <text>', 'why you resign')
    .option('--json', 'print the role as JSON', false),
).action(rolesResign);

const practicesCmd = program
  .command('practices')
  .description('Practices (incident, change enablement, ...) and their process owners');
remote(
  practicesCmd
    .command('list')
    .description('List practices with their accepted process owner')
    .option('--all', 'include inactive practices', false)
    .option('--json', 'print the practices as JSON', false),
).action(practicesList);

const nominationsCmd = program
  .command('nominations')
  .description('Nominations: a role exists only when the nominee accepts it personally');
remote(
  nominationsCmd
    .command('list')
    .description('List nominations, newest first')
    .option('--status <status>', 'pending, accepted, declined, withdrawn or expired')
    .option('--service <service>', 'service slug or id')
    .option('--nominee <email>', 'nominee email')
    .option(
      '--kind <kind>',
      'service_owner, process_owner, customer_representative, delivery_lead, deputy',
    )
    .option('--json', 'print the nominations as JSON', false),
).action(nominationsList);
remote(
  nominationsCmd
    .command('create')
    .description('Nominate a person (admins, the service level manager, current owners)')
    .requiredOption(
      '--kind <kind>',
      'service_owner, process_owner, customer_representative, delivery_lead, deputy',
    )
    .option('--service <service>', 'service slug or id')
    .option('--practice <key>', 'practice key or id (process_owner)')
    .option('--org-unit <id>', 'organisation unit id (customer_representative)')
    .option('--team <id>', 'team id (delivery_lead)')
    .requiredOption('--nominee <email>', 'who is nominated')
    .requiredOption('--message <text>', 'why this person')
    .option('--term <months>', 'term in months, 1 to 36 (default 12)')
    .option('--json', 'print the nomination as JSON', false),
).action(nominationsCreate);
remote(
  nominationsCmd
    .command('accept')
    .description(
      'Accept a nomination made to you: prints the statement and needs your confirmation',
    )
    .argument('<id>', 'nomination id')
    .option(
      '--confirm <statement>',
      'the statement exactly as printed (otherwise asked interactively)',
    )
    .option('--json', 'print the role as JSON', false),
).action(nominationsAccept);
remote(
  nominationsCmd
    .command('decline')
    .description('Decline a nomination made to you, with a reason')
    .argument('<id>', 'nomination id')
    .requiredOption('--reason <text>', 'why you decline')
    .option('--json', 'print the nomination as JSON', false),
).action(nominationsDecline);
remote(
  nominationsCmd
    .command('withdraw')
    .description('Withdraw a pending nomination (the nominator or an admin)')
    .argument('<id>', 'nomination id')
    .option('--json', 'print the nomination as JSON', false),
).action(nominationsWithdraw);

const clock = program
  .command('clock')
  .description(
    'Check a business calendar (a JSON or YAML file, docs/clock.md) offline: business time between two times, or a deadline',
  );
clock
  .command('elapsed')
  .description(
    'Print the business seconds between --from and --to (negative when --to is earlier). Times without an offset are local to the calendar; with Z or an offset they are instants',
  )
  .option('--calendar <file>', 'calendar file, JSON or YAML')
  .option('--from <time>', 'e.g. 2025-03-14T09:30 (local) or 2025-03-14T08:30:00Z')
  .option('--to <time>', 'e.g. 2025-03-17T12:00 (local) or with Z / +01:00')
  .option('--json', 'print { seconds, local, instant } as JSON', false)
  .action(clockElapsed);
clock
  .command('add')
  .description(
    'Print the time reached by adding business time to --from: --duration 4h, -90m, 3600s, or 7wd (working days, same time of day)',
  )
  .option('--calendar <file>', 'calendar file, JSON or YAML')
  .option('--from <time>', 'e.g. 2025-03-14T09:30 (local) or 2025-03-14T08:30:00Z')
  .option('--duration <duration>', '4h, -90m, 3600s or 7wd; negative counts backwards')
  .option('--end-of-working-day', 'with wd: the closing time of the day reached', false)
  .option('--json', 'print { local, instant } as JSON', false)
  .action(clockAdd);

const calendars = program
  .command('calendars')
  .description('Business calendars: open hours, holidays and iCalendar import');
remote(
  calendars
    .command('list')
    .description('List calendars with their time zone, open hours and holiday count')
    .option('--json', 'print the calendars as JSON', false),
).action(calendarsList);
remote(
  calendars
    .command('apply')
    .description(
      'Create or update (by name) a calendar from a JSON or YAML file: name, description?, timeZone, week, holidays',
    )
    .argument('<file>', 'a .json, .yaml or .yml file')
    .option('--dry-run', 'report what would change without saving', false)
    .option('--json', 'print the result as JSON', false),
).action(calendarsApply);
remote(
  calendars
    .command('import-ics')
    .description(
      'Add the holidays of an iCalendar (.ics) file to a calendar; events already there are skipped',
    )
    .argument('<name>', 'calendar name or id')
    .argument('<file>', 'the .ics file')
    .option('--dry-run', 'show what would be added and skipped without saving', false)
    .option('--json', 'print the result as JSON', false),
).action(calendarsImportIcs);

const sla = program.command('sla').description('Service level attainment and agreement documents');
remote(
  sla
    .command('report')
    .description(
      'SLA attainment per period, service and priority: tickets, met, breached, attainment %, mean and p90 business time to respond and resolve',
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (UTC), or an ISO-8601 instant')
    .option('--to <date>', 'last day, YYYY-MM-DD (inclusive), or an instant (exclusive)')
    .option('--period <period>', 'month or quarter', 'month')
    .option('--service <service>', 'only this service (slug or id)')
    .option('--priority <priority>', 'only P1, P2, P3 or P4')
    .option('--csv', 'print CSV', false)
    .option('--json', 'print the report as JSON', false),
).action(slaReport);
sla
  .command('verify')
  .description(
    'Verify an agreement document (PDF, HTML or Markdown) against its signed content and the database in DATABASE_URL; exits 1 when it was altered or does not match',
  )
  .argument('<file>', 'the document: a .pdf, .html or .md exported from Charter')
  .option('--json', 'print the result as JSON', false)
  .action(slaVerify);

remote(
  program
    .command('targets')
    .description('Service level targets')
    .command('list')
    .description('List service level targets (per service or default × priority × metric)')
    .option('--service <service>', 'only this service (slug or id), or "default"')
    .option('--json', 'print the targets as JSON', false),
).action(targetsList);

program
  .command('audit')
  .description('Audit log')
  .command('verify')
  .description(
    'Verify the hash chain of the audit log in DATABASE_URL; exits 1 naming the first bad entry',
  )
  .option('--json', 'print the result as JSON', false)
  .action(auditVerify);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(error instanceof CliError ? error.exitCode : 78);
  }
  throw error;
}
