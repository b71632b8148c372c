// The three browser engines a citizen's phone or a portal's user has: Chromium (Android, Edge,
// Chrome), Firefox (Gecko) and WebKit (every browser on an iPhone). Each is driven through W3C
// WebDriver (selenium-webdriver from npm) by its own driver, started here on a free port of
// 127.0.0.1 and stopped with the session: ChromeDriver, geckodriver and WebKitGTK's WebKitWebDriver
// (under Xvfb, which this file starts when there is no display). No browser is downloaded:
// build.sh installs Debian's chromium, firefox-esr, webkit2gtk-driver and xvfb, and geckodriver
// from crates.io.
//
// ENGINES=chromium,firefox,webkit (the default: all three) chooses which run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { Builder } from 'selenium-webdriver';
import { CHROMIUM_ARGS } from './browser.mjs';

const WEBKIT_BROWSER = process.env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** How to start each engine: its driver (a command taking the port) and its capabilities. */
export const ENGINES = {
  chromium: {
    driver: (port) => [process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', [`--port=${port}`]],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, '--hide-scrollbars'],
      },
    }),
  },
  firefox: {
    driver: (port) => [process.env.GECKODRIVER ?? 'geckodriver', ['--host', '127.0.0.1', '--port', String(port)]],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        // No network beyond the test's own server: no updates, studies or telemetry.
        prefs: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.reportingpolicy.firstRun': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    }),
  },
  webkit: {
    driver: (port) => [process.env.WEBKITWEBDRIVER ?? 'WebKitWebDriver', [`--port=${port}`]],
    needsDisplay: true,
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER, args: ['--automation'] },
    }),
  },
};

/** The engines to run: ENGINES from the environment, or all three. */
export function chosenEngines() {
  const names = (process.env.ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!ENGINES[name]) throw new Error(`ENGINES: unknown engine '${name}' (chromium, firefox, webkit)`);
  return names;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`${what} did not start within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A process that dies with this one, and whose output is kept for the error message. */
function child(command, args, env) {
  const proc = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  proc.unref();
  proc.stdout.unref?.();
  proc.stderr.unref?.();
  let failed;
  proc.on('error', (e) => {
    failed = e;
  });
  return {
    proc,
    output: () => output,
    failed: () => failed,
    stop: () => {
      if (proc.exitCode === null && !proc.killed) proc.kill();
    },
  };
}

/** An X display for WebKit: DISPLAY when set, otherwise an Xvfb of our own. */
async function display() {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop() {} };
  if (!existsSync('/usr/bin/Xvfb')) throw new Error('WebKit needs an X display: install xvfb (build.sh does)');
  for (let n = 90 + (process.pid % 50); ; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    // A tall screen: a window may be as high as a long page.
    const x = child('Xvfb', [`:${n}`, '-screen', '0', '1400x3000x24', '-nolisten', 'tcp'], process.env);
    try {
      await waitFor('Xvfb', () => existsSync(`/tmp/.X11-unix/X${n}`), 10000);
    } catch (e) {
      x.stop();
      throw new Error(`${e.message}: ${x.output()}`);
    }
    return { name: `:${n}`, stop: x.stop };
  }
}

/**
 * Starts `name`'s driver and a session; resolves to { driver, name, stop }. `stop` ends the
 * session, the driver and (for WebKit) the display.
 */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const screen = engine.needsDisplay ? await display() : null;
  const env = screen ? { ...process.env, DISPLAY: screen.name } : process.env;
  const [command, args] = engine.driver(port);
  const service = child(command, args, env);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${name}'s driver (${command})`, async () => {
      if (service.failed()) throw Object.assign(service.failed(), { fatal: true });
      const status = await fetch(`${url}/status`);
      return status.ok;
    });
  } catch (e) {
    service.stop();
    screen?.stop();
    throw new Error(`${name}: ${e.message}${service.failed() ? ` (${service.failed().message})` : ''}\n${service.output()}`);
  }
  let driver;
  try {
    driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities()).build();
  } catch (e) {
    service.stop();
    screen?.stop();
    throw new Error(`${name}: no session: ${e.message}\n${service.output()}`);
  }
  return {
    name,
    driver,
    async stop() {
      try {
        await driver.quit();
      } finally {
        service.stop();
        screen?.stop();
      }
    },
  };
}
