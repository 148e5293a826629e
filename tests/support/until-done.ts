// vi.waitFor gives up after one second by default: on a busy machine that is a race against its
// speed. With these options it polls until the awaited thing has happened; only the test's own
// timeout (a watchdog) ends the wait.
export const UNTIL_DONE = { timeout: 600_000, interval: 5 } as const;
