// Loaded into the real command line with `node --import` by cli-process.test.ts (never by the
// CLI itself): once the CLI has set its last-resort handlers, a promise nobody awaits rejects,
// as a bug outside any command would, with a message of two lines.
const start = Date.now();
const poll = () => {
  if (process.listenerCount('unhandledRejection') > 0 || Date.now() - start > 5000) {
    void Promise.reject(new Error('a late failure\nwith a second line'));
  } else setTimeout(poll, 10);
};
poll();
