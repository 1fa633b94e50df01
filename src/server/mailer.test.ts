import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { configuredMailer } from './mailer.js';

/** A tiny SMTP server on a local port: records messages, and can refuse the first ones. */
function smtpServer(refuse = 0) {
  const messages: string[] = [];
  let refused = 0;
  const server: Server = createServer((socket) => {
    let buffer = '';
    let data: string | null = null;
    socket.write('220 test.local ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          if (refused < refuse) {
            refused += 1;
            socket.write('451 4.3.0 mailbox busy, try again later\r\n');
          } else {
            messages.push(data);
            socket.write(`250 2.0.0 Ok: queued as Q${messages.length}\r\n`);
          }
          data = null;
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test.local\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 Bye\r\n');
        } else socket.write('250 Ok\r\n');
      }
    });
  });
  return {
    messages,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SMTP mailer', () => {
  let smtp: ReturnType<typeof smtpServer>;
  let port: number;
  beforeEach(async () => {
    smtp = smtpServer(1);
    port = await smtp.listen();
  });
  afterEach(() => smtp.close());

  it('sends over SMTP with the stable Message-ID, and surfaces a refusal as an error to retry', async () => {
    const mailer = configuredMailer({
      CHARTER_SMTP_URL: `smtp://127.0.0.1:${port}`,
      CHARTER_SMTP_FROM: 'Charter <charter@example.org>',
    })!;
    const email = {
      to: 'ada@example.org',
      subject: 'You are nominated',
      text: 'Please answer.',
      messageId: '<charter.0000@example.org>',
    };
    await expect(mailer.send(email)).rejects.toThrow(/451/);
    const result = await mailer.send(email);
    expect(result.messageId).toBe('<charter.0000@example.org>');
    expect(result.response).toContain('250 2.0.0 Ok: queued as Q1');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain('Message-ID: <charter.0000@example.org>');
    expect(smtp.messages[0]).toContain('Subject: You are nominated');
    expect(smtp.messages[0]).toContain('From: Charter <charter@example.org>');
  });

  it('is absent without CHARTER_SMTP_URL, and bad mail settings stop start-up', () => {
    expect(configuredMailer(loadConfig({}))).toBeNull();
    const config = loadConfig({});
    expect(config).toMatchObject({
      CHARTER_SCHEDULER: 'on',
      CHARTER_SMTP_FROM: 'Charter <charter@localhost>',
      CHARTER_EMAIL_MAX_ATTEMPTS: 5,
      CHARTER_DIGEST_HOUR: 7,
      CHARTER_DIGEST_TIME_ZONE: 'UTC',
    });
    expect(() => loadConfig({ CHARTER_SMTP_URL: 'http://mail' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHARTER_SCHEDULER: 'maybe' })).toThrow(/CHARTER_SCHEDULER/);
    expect(() => loadConfig({ CHARTER_DIGEST_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /CHARTER_DIGEST_TIME_ZONE: must be an IANA time zone/,
    );
    expect(() => loadConfig({ CHARTER_DIGEST_HOUR: '24' })).toThrow(/CHARTER_DIGEST_HOUR/);
  });
});
