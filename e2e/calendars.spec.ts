import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

const ics = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Charter e2e//Holidays//EN
BEGIN:VEVENT
UID:labour@example.test
DTSTART;VALUE=DATE:20260501
DTEND;VALUE=DATE:20260502
SUMMARY:Labour day
END:VEVENT
BEGIN:VEVENT
UID:summer@example.test
DTSTART;VALUE=DATE:20260803
DTEND;VALUE=DATE:20260815
SUMMARY:Summer closure
END:VEVENT
BEGIN:VEVENT
UID:broken@example.test
DTSTART;VALUE=DATE:20261345
SUMMARY:Broken
END:VEVENT
END:VCALENDAR
`;

test('a calendar with a lunch break, holidays from an .ics file, and business time checked', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Calendars' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendars' })).toBeVisible();
  await expect(page.getByRole('link', { name: '24x7 (UTC)' })).toBeVisible();
  await page.getByRole('link', { name: 'New calendar' }).click();

  const name = unique('Lyon support');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Time zone').fill('Europe/Paris');
  // Monday: a lunch break splits 09:00–17:00 into two ranges.
  await page.getByLabel('Monday range 1 until').fill('12:00');
  await page.getByRole('button', { name: 'Add a range on Monday' }).click();
  await page.getByLabel('Monday range 2 from').fill('13:00');
  await page.getByLabel('Monday range 2 until').fill('17:00');
  // A mistake first: an overlapping range on Tuesday is refused next to its inputs.
  await page.getByRole('button', { name: 'Add a range on Tuesday' }).click();
  await page.getByLabel('Tuesday range 2 from').fill('16:00');
  await page.getByRole('button', { name: 'Create calendar' }).click();
  await expect(page.locator('#week-tue-1-error')).toContainText('overlaps 09:00–17:00');
  await expect(page.getByLabel('Tuesday range 2 from')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Remove Tuesday range 2' }).click();
  await page.getByRole('button', { name: 'Create calendar' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const week = page.getByRole('figure', { name: /Open hours of/ });
  await expect(week.locator('[data-day="mon"] .week-chart__block')).toHaveCount(2);
  await expect(week.locator('[data-day="tue"] .week-chart__block')).toHaveCount(1);
  await expect(week.locator('[data-day="sat"] .week-chart__block')).toHaveCount(0);

  // Holidays from an iCalendar file: preview first, then save.
  await page.getByLabel('iCalendar file (.ics)').setInputFiles({
    name: 'holidays.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(ics),
  });
  const preview = page.getByRole('table', { name: 'Preview of holidays.ics' });
  await expect(preview.getByRole('row', { name: /Summer closure.*Will be added/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Labour day.*Will be added/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Line \d+/ })).toBeVisible();
  await page.getByRole('button', { name: 'Save 2 holidays' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 holidays added' })).toBeVisible();
  const holidays = page.getByRole('table', { name: `Holidays of ${name}` });
  await expect(
    holidays.getByRole('row', { name: /Summer closure.*2026-08-03 to 2026-08-14/ }),
  ).toBeVisible();

  // Importing the same file again adds nothing.
  await page.getByLabel('iCalendar file (.ics)').setInputFiles({
    name: 'holidays.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(ics),
  });
  await expect(
    page
      .getByRole('table', { name: 'Preview of holidays.ics' })
      .getByText(/Skipped: already in the calendar/),
  ).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Save 0 holidays' })).toBeVisible();

  // Monday 4 May 2026, 08:00 to 18:00 local: 3 h before lunch and 4 h after.
  const check = page.getByRole('form', { name: 'Check business time' });
  await check.getByLabel('From').fill('2026-05-04T08:00');
  await check.getByLabel('To').fill('2026-05-04T18:00');
  await check.getByRole('button', { name: 'Check' }).click();
  const result = page.getByRole('definition').filter({ hasText: 's)' });
  await expect(result).toContainText('7 h');
  await expect(result).toContainText('25,200 s');
});
