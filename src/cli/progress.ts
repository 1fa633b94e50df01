/** A progress bar on standard error: redrawn in a terminal, a line every 10 % otherwise. */
export function progressBar(label: string, total: number) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const started = Date.now();
  return {
    update(done: number) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(fraction * 100)}%`,
        );
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${label}: ${done}/${total} (${decile * 10}%)\n`);
        }
      }
    },
    done(message = '') {
      if (tty) process.stderr.write('\n');
      process.stderr.write(
        `${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s${message ? ` — ${message}` : ''}\n`,
      );
    },
  };
}
