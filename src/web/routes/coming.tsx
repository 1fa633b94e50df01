import { Link } from '@tanstack/react-router';
import type { ComingArea } from '../areas.js';
import { plannedAreas } from '../areas.js';
import { useMe } from '../auth.js';
import { PageHeader } from '../components/ui.js';

/** An area of the product that is not built yet: say honestly what it will do. */
export function ComingPage({ area }: { area: ComingArea }) {
  return (
    <>
      <PageHeader title={area.title} />
      <section className="card coming" aria-labelledby="coming-h">
        <p className="coming__tag">Coming</p>
        <h2 id="coming-h">This area is not built yet</h2>
        <p className="prose">{area.summary}</p>
        <p className="muted">
          Until then, the service portfolio, the directory (people, teams and organisation units)
          and the audit log are available.
        </p>
      </section>
    </>
  );
}

export function Home() {
  const me = useMe();
  return (
    <>
      <PageHeader title={me ? `Welcome, ${me.name.split(' ')[0]}` : 'Welcome'} />
      <section className="card coming" aria-labelledby="home-h">
        <p className="coming__tag">Coming</p>
        <h2 id="home-h">The commitment dashboard</h2>
        <p className="prose">
          Home will show the management commitment index for the portfolio and for your services:
          accepted ownership weighted by service criticality and by the owner’s seniority, reviews
          held, actions closed on time, and SLAs signed and current.
        </p>
      </section>
      <section className="card" aria-labelledby="available-h">
        <h2 id="available-h">Available now</h2>
        <ul className="link-grid">
          <li>
            <Link to="/portfolio">Portfolio</Link>
            <span className="muted">Services, their dependencies and impact.</span>
          </li>
          <li>
            <Link to="/people">People</Link>
            <span className="muted">Who can own, sign, deliver and review.</span>
          </li>
          <li>
            <Link to="/teams">Teams</Link>
            <span className="muted">Delivery teams, their leads and members.</span>
          </li>
          <li>
            <Link to="/org-units">Organisation units</Link>
            <span className="muted">Departments and their heads.</span>
          </li>
          <li>
            <Link to="/audit">Audit log</Link>
            <span className="muted">Every change, hash-chained.</span>
          </li>
          <li>
            <Link to="/account">Account</Link>
            <span className="muted">Your password and API tokens.</span>
          </li>
        </ul>
      </section>
      <section className="card" aria-labelledby="planned-h">
        <h2 id="planned-h">On the way</h2>
        <ul className="link-grid">
          {plannedAreas.map((a) => (
            <li key={a.path}>
              <Link to={a.path}>{a.label}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <section className="card">
        <p>There is nothing at this address.</p>
        <Link to="/">Go to the home page</Link>
      </section>
    </>
  );
}
